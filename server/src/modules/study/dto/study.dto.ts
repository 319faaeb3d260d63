import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  CONTENT_STATUSES,
  LEADERBOARD_SCOPES,
  LESSON_BLOCK_TYPES,
  LESSON_KINDS,
  PAPER_MODES,
  QUESTION_TYPES,
  STUDY_FLAG_KINDS,
  STUDY_LIMITS,
  type AnswerInput,
  type ContentStatus,
  type CreateColumnRequest,
  type CreateLessonRequest,
  type CreatePaperRequest,
  type CreateQuestionRequest,
  type HeartbeatRequest,
  type LeaderboardQuery,
  type LeaderboardScope,
  type LessonAdminQuery,
  type LessonBlock,
  type LessonBlockType,
  type LessonKind,
  type OptInRequest,
  type PaperMode,
  type QuestionAdminQuery,
  type QuestionType,
  type StudyFlagKind,
  type StudyFlagQuery,
  type SubmitAnswersRequest,
  type UpdateColumnRequest,
  type UpdateLessonRequest,
  type UpdatePaperRequest,
  type UpdateQuestionRequest,
} from '@torch-red/shared';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { EachNested, IsIdString, IsName, IsNotBlank, IsOptionalId, IsRequiredId, Optional, OptionalOrNull, PartialType, Trim } from '../../../common/validation/decorators';
import { PageQueryDto } from '../../../common/validation/page-query.dto';

const URL_PATTERN = /^(https?:\/\/|\/)[^\s<>"']*$/;

export class CreateColumnDto implements CreateColumnRequest {
  @IsName(50, '党的创新理论')
  name: string;

  @ApiProperty()
  @IsString()
  @MaxLength(500)
  description: string;

  @ApiPropertyOptional()
  @Optional()
  @IsInt()
  @Min(0)
  @Max(10000)
  sortOrder?: number;

  @ApiPropertyOptional({ enum: CONTENT_STATUSES })
  @Optional()
  @IsIn(CONTENT_STATUSES, { message: '状态不正确' })
  status?: ContentStatus;
}

export class UpdateColumnDto extends PartialType(CreateColumnDto) implements UpdateColumnRequest {}

export class LessonBlockDto implements LessonBlock {
  @ApiProperty({ enum: LESSON_BLOCK_TYPES })
  @IsIn(LESSON_BLOCK_TYPES, { message: `内容块类型必须是 ${LESSON_BLOCK_TYPES.join(' / ')} 之一` })
  type: LessonBlockType;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(STUDY_LIMITS.textMaxLength, { message: `每段不超过 ${STUDY_LIMITS.textMaxLength} 字` })
  text?: string;

  @ApiPropertyOptional({ description: 'image blocks: http(s):// or /path' })
  @Optional()
  @IsString()
  @MaxLength(500)
  @Matches(URL_PATTERN, { message: '图片地址应以 http(s):// 或 / 开头' })
  url?: string;
}

export class CreateLessonDto implements CreateLessonRequest {
  @IsRequiredId('the column (专栏)')
  columnId: string;

  @IsName(STUDY_LIMITS.titleMaxLength, '以产业链党建引领产业链发展')
  title: string;

  @ApiProperty({ enum: LESSON_KINDS })
  @IsIn(LESSON_KINDS, { message: '课程类型必须是 ARTICLE 或 VIDEO' })
  kind: LessonKind;

  @ApiProperty()
  @IsString()
  @MaxLength(300)
  summary: string;

  @ApiProperty({ type: [LessonBlockDto] })
  @IsArray()
  @ArrayMaxSize(STUDY_LIMITS.blocksMax)
  @EachNested(() => LessonBlockDto)
  blocks: LessonBlockDto[];

  @ApiPropertyOptional({ nullable: true })
  @OptionalOrNull()
  @IsString()
  @MaxLength(500)
  @Matches(/^https?:\/\/[^\s<>"']+$/, { message: '视频地址应以 http(s):// 开头' })
  videoUrl?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @OptionalOrNull()
  @IsString()
  @MaxLength(500)
  @Matches(URL_PATTERN, { message: '封面地址应以 http(s):// 或 / 开头' })
  coverUrl?: string | null;

  @ApiProperty({ description: 'estimated length in minutes' })
  @IsInt({ message: '时长必须是整数分钟' })
  @Min(1)
  @Max(180)
  minutes: number;

  @ApiPropertyOptional()
  @Optional()
  @IsInt()
  @Min(0)
  @Max(10000)
  sortOrder?: number;

  @ApiPropertyOptional({ enum: CONTENT_STATUSES })
  @Optional()
  @IsIn(CONTENT_STATUSES, { message: '状态不正确' })
  status?: ContentStatus;
}

export class UpdateLessonDto extends PartialType(CreateLessonDto) implements UpdateLessonRequest {}

export class LessonAdminQueryDto extends PageQueryDto implements LessonAdminQuery {
  @IsOptionalId()
  columnId?: string;

  @ApiPropertyOptional({ enum: CONTENT_STATUSES })
  @Optional()
  @IsIn(CONTENT_STATUSES, { message: '状态不正确' })
  status?: ContentStatus;

  @ApiPropertyOptional({ description: 'part of the title' })
  @Optional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class CreateQuestionDto implements CreateQuestionRequest {
  @ApiProperty({ enum: QUESTION_TYPES })
  @IsIn(QUESTION_TYPES, { message: '题型必须是 SINGLE / MULTIPLE / JUDGE 之一' })
  type: QuestionType;

  @ApiProperty()
  @IsString()
  @IsNotBlank({ message: '题干不能为空' })
  @MaxLength(500)
  stem: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(STUDY_LIMITS.optionsMax)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  options: string[];

  @ApiProperty({ type: [Number], description: '0-based indexes of the correct options' })
  @IsArray()
  @ArrayMinSize(1, { message: '请填写正确答案' })
  @ArrayMaxSize(STUDY_LIMITS.optionsMax)
  @IsInt({ each: true })
  answer: number[];

  @ApiProperty()
  @IsString()
  @MaxLength(STUDY_LIMITS.textMaxLength)
  explanation: string;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateQuestionDto extends PartialType(CreateQuestionDto) implements UpdateQuestionRequest {}

export class QuestionAdminQueryDto extends PageQueryDto implements QuestionAdminQuery {
  @ApiPropertyOptional({ enum: QUESTION_TYPES })
  @Optional()
  @IsIn(QUESTION_TYPES)
  type?: QuestionType;

  @ApiPropertyOptional({ description: 'part of the stem' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'true: only enabled questions; false: only disabled ones' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value))
  @IsBoolean()
  enabled?: boolean;
}

export class CreatePaperDto implements CreatePaperRequest {
  @IsName(STUDY_LIMITS.titleMaxLength, '优化营商环境专题测试')
  title: string;

  @ApiProperty()
  @IsString()
  @MaxLength(500)
  description: string;

  @ApiProperty({ enum: PAPER_MODES })
  @IsIn(PAPER_MODES, { message: '组卷方式必须是 FIXED 或 RANDOM' })
  mode: PaperMode;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsIdString({ each: true, message: '题目 id 格式不正确' })
  questionIds?: string[];

  @ApiPropertyOptional()
  @Optional()
  @IsInt()
  @Min(1)
  @Max(100)
  drawCount?: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(180)
  timeLimitMinutes: number;

  @ApiProperty({ description: 'percent of questions right to pass' })
  @IsInt()
  @Min(1)
  @Max(100)
  passScore: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(10)
  maxAttempts: number;

  @ApiPropertyOptional({ enum: CONTENT_STATUSES })
  @Optional()
  @IsIn(CONTENT_STATUSES)
  status?: ContentStatus;
}

export class UpdatePaperDto extends PartialType(CreatePaperDto) implements UpdatePaperRequest {}

export class AnswerDto implements AnswerInput {
  @IsRequiredId('the question')
  questionId: string;

  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMaxSize(STUDY_LIMITS.optionsMax)
  @IsInt({ each: true })
  choice: number[];
}

/** Only answers: any field claiming time or a score is refused by the whitelist. */
export class SubmitAnswersDto implements SubmitAnswersRequest {
  @ApiProperty({ type: [AnswerDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @EachNested(() => AnswerDto)
  answers: AnswerDto[];
}

export class OptInDto implements OptInRequest {
  @ApiProperty()
  @IsBoolean({ message: 'optIn 必须是 true 或 false' })
  optIn: boolean;
}

export class LeaderboardQueryDto implements LeaderboardQuery {
  @ApiPropertyOptional({ enum: LEADERBOARD_SCOPES, default: 'WEEK' })
  @Optional()
  @IsIn(LEADERBOARD_SCOPES)
  scope: LeaderboardScope = 'WEEK';
}

export class FlagQueryDto extends PageQueryDto implements StudyFlagQuery {
  @ApiPropertyOptional({ enum: STUDY_FLAG_KINDS })
  @Optional()
  @IsIn(STUDY_FLAG_KINDS)
  kind?: StudyFlagKind;
}

/** A heartbeat carries no time: the server measures it. Any other field (e.g. seconds) is refused. */
export class HeartbeatDto implements HeartbeatRequest {
  @ApiPropertyOptional({ description: 'false while the app is in the background: that stretch is not credited' })
  @Optional()
  @IsBoolean()
  visible?: boolean;
}
