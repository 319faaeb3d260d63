import { Body, Controller, Get, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type {
  AdminPaperResponse,
  ImportQuestionsPreview,
  ImportQuestionsResponse,
  LessonDetail,
  LessonSummary,
  Page,
  QuestionResponse,
  StudyColumnResponse,
  StudyFlagResponse,
} from '@torch-red/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, CurrentUser } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { IdParam } from '../../common/validation/id.pipe';
import { readUploadedFile } from '../../common/validation/multipart';
import {
  CreateColumnDto,
  CreateLessonDto,
  CreatePaperDto,
  CreateQuestionDto,
  FlagQueryDto,
  LessonAdminQueryDto,
  QuestionAdminQueryDto,
  UpdateColumnDto,
  UpdateLessonDto,
  UpdatePaperDto,
  UpdateQuestionDto,
} from './dto/study.dto';
import { PointsService } from './points.service';
import { QuestionBankService } from './question-bank.service';
import { StudyContentService } from './study-content.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('admin: study')
@Authenticated({ roles: ['ADMIN'] })
@Controller('admin/study')
export class AdminStudyController {
  constructor(
    private readonly content: StudyContentService,
    private readonly bank: QuestionBankService,
    private readonly points: PointsService,
  ) {}

  @Get('columns')
  columns(): Promise<StudyColumnResponse[]> {
    return this.content.adminColumns();
  }

  @Post('columns')
  @ApiOperation({ summary: 'Create a column (专栏)' })
  createColumn(@CurrentUser() user: AuthUser, @Body() dto: CreateColumnDto): Promise<StudyColumnResponse> {
    return this.content.createColumn(user, dto);
  }

  @Patch('columns/:id')
  updateColumn(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: UpdateColumnDto): Promise<StudyColumnResponse> {
    return this.content.updateColumn(user, id, dto);
  }

  @Get('lessons')
  @ApiOperation({ summary: 'All lessons, drafts included; filter by columnId' })
  lessons(@Query() query: LessonAdminQueryDto): Promise<Page<LessonSummary>> {
    return this.content.adminLessons(query);
  }

  @Get('lessons/:id')
  lesson(@IdParam() id: number): Promise<LessonDetail> {
    return this.content.adminLesson(id);
  }

  @Post('lessons')
  @ApiOperation({ summary: 'Create a lesson: article blocks (no HTML) or a video URL, with its estimated minutes' })
  createLesson(@CurrentUser() user: AuthUser, @Body() dto: CreateLessonDto): Promise<LessonDetail> {
    return this.content.createLesson(user, dto);
  }

  @Patch('lessons/:id')
  @ApiOperation({ summary: 'Edit or publish (status PUBLISHED) a lesson' })
  updateLesson(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: UpdateLessonDto): Promise<LessonDetail> {
    return this.content.updateLesson(user, id, dto);
  }

  @Get('questions')
  @ApiOperation({ summary: 'The question bank, with answers and explanations' })
  questions(@Query() query: QuestionAdminQueryDto): Promise<Page<QuestionResponse>> {
    return this.bank.adminQuestions(query);
  }

  @Post('questions')
  createQuestion(@CurrentUser() user: AuthUser, @Body() dto: CreateQuestionDto): Promise<QuestionResponse> {
    return this.bank.createQuestion(user, dto);
  }

  @Patch('questions/:id')
  @ApiOperation({ summary: 'Edit a question, or disable it (enabled: false) so it is no longer drawn' })
  updateQuestion(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: UpdateQuestionDto): Promise<QuestionResponse> {
    return this.bank.updateQuestion(user, id, dto);
  }

  @Get('questions/import-template')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: 'The .xlsx template for importing questions' })
  async importTemplate(@Res() reply: FastifyReply): Promise<void> {
    const buffer = await this.bank.importTemplate();
    await reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="questions-template.xlsx"; filename*=UTF-8''${encodeURIComponent('题库导入模板.xlsx')}`)
      .header('cache-control', 'no-store')
      .send(buffer);
  }

  @Post('questions/import')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Import questions from the template: all rows are checked first; any bad row imports nothing (422 with row errors)' })
  async importQuestions(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest): Promise<ImportQuestionsResponse> {
    if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 文件');
    return this.bank.importQuestions(user, await readUploadedFile(request, { missing: '请上传 .xlsx 文件' }));
  }

  @Post('questions/import-preview')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Check an import file without writing anything: rows that would be imported, a sample, and every row error' })
  async previewImport(@Req() request: FastifyRequest): Promise<ImportQuestionsPreview> {
    if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传 .xlsx 文件');
    return this.bank.previewImport(await readUploadedFile(request, { missing: '请上传 .xlsx 文件' }));
  }

  @Get('papers')
  papers(): Promise<AdminPaperResponse[]> {
    return this.bank.adminPapers();
  }

  @Post('papers')
  @ApiOperation({ summary: 'Create a paper: fixed questions or a random draw, time limit, pass mark, attempts' })
  createPaper(@CurrentUser() user: AuthUser, @Body() dto: CreatePaperDto): Promise<AdminPaperResponse> {
    return this.bank.createPaper(user, dto);
  }

  @Patch('papers/:id')
  updatePaper(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: UpdatePaperDto): Promise<AdminPaperResponse> {
    return this.bank.updatePaper(user, id, dto);
  }

  @Get('flags')
  @ApiOperation({ summary: 'Flagged study records (fast heartbeats, two lessons at once, too-fast answers, points before sign-in)' })
  flags(@Query() query: FlagQueryDto): Promise<Page<StudyFlagResponse>> {
    return this.points.listFlags({ kind: query.kind, limit: query.limit, cursor: query.cursor ? Number(query.cursor) : undefined });
  }
}
