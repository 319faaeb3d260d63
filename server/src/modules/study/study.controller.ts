import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  CheckinDayResponse,
  DailyQuizResponse,
  GroupBoardResponse,
  LeaderboardResponse,
  LessonDetail,
  LessonSummary,
  MyPointsResponse,
  Page,
  PaperAttemptResponse,
  PaperResponse,
  ParticipationResponse,
  PointLine,
  QuizResult,
  StudyColumnResponse,
  StudySessionResponse,
} from '@torch-red/shared';
import { Authenticated, CurrentUser } from '../../common/auth/access.decorator';
import type { AuthUser } from '../../common/auth/auth-user';
import { IdParam } from '../../common/validation/id.pipe';
import { PageQueryDto } from '../../common/validation/page-query.dto';
import { HeartbeatDto, LeaderboardQueryDto, OptInDto, SubmitAnswersDto } from './dto/study.dto';
import { LeaderboardService } from './leaderboard.service';
import { PointsService } from './points.service';
import { QuizService } from './quiz.service';
import { StudyContentService } from './study-content.service';
import { StudySessionService } from './study-session.service';

@ApiTags('study')
@Controller('study')
export class StudyController {
  constructor(
    private readonly content: StudyContentService,
    private readonly sessions: StudySessionService,
    private readonly quiz: QuizService,
    private readonly points: PointsService,
    private readonly boards: LeaderboardService,
  ) {}

  @Post('checkin-day')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: "The day's sign-in (签到); points earned before it are flagged and not credited" })
  checkinDay(@CurrentUser() user: AuthUser): Promise<CheckinDayResponse> {
    return this.points.checkinDay(user);
  }

  @Get('columns')
  @Authenticated()
  @ApiOperation({ summary: 'Published columns (专栏) with my progress (lessons read / lessons)' })
  columns(@CurrentUser() user: AuthUser): Promise<StudyColumnResponse[]> {
    return this.content.columns(user);
  }

  @Get('columns/:id/lessons')
  @Authenticated()
  @ApiOperation({ summary: 'Published lessons of a column with my 已学 marks' })
  lessons(@CurrentUser() user: AuthUser, @IdParam() id: number, @Query() query: PageQueryDto): Promise<Page<LessonSummary>> {
    return this.content.lessons(user, id, query.limit, query.cursor ? Number(query.cursor) : undefined);
  }

  @Get('lessons/:id')
  @Authenticated()
  @ApiOperation({ summary: 'A lesson (article blocks or video URL) with my credited time; also signs in for the day' })
  lesson(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<LessonDetail> {
    return this.content.lesson(user, id);
  }

  @Post('lessons/:id/sessions')
  @Authenticated()
  @ApiOperation({ summary: 'Start studying a lesson; closes my other open session (flagged if it was still live)' })
  startSession(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<StudySessionResponse> {
    return this.sessions.start(user, id);
  }

  @Post('sessions/:id/heartbeat')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Credits server-measured time since the last beat (at most one interval); a body claiming time is refused' })
  heartbeat(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: HeartbeatDto): Promise<StudySessionResponse> {
    // A bodiless beat is fine: the body only ever says whether the app is in the foreground.
    return this.sessions.heartbeat(user, id, dto?.visible !== false);
  }

  @Post('sessions/:id/end')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Credit the last stretch and close the session' })
  endSession(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<StudySessionResponse> {
    return this.sessions.end(user, id);
  }

  @Get('daily-quiz')
  @Authenticated()
  @ApiOperation({ summary: "Today's 5 questions (每日答题), drawn once per person and day; no answers until submitted" })
  dailyQuiz(@CurrentUser() user: AuthUser): Promise<DailyQuizResponse> {
    return this.quiz.dailyQuiz(user);
  }

  @Post('daily-quiz/submit')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: "Submit today's answers once; returns correct answers and explanations" })
  submitDailyQuiz(@CurrentUser() user: AuthUser, @Body() dto: SubmitAnswersDto): Promise<QuizResult> {
    return this.quiz.submitDailyQuiz(user, dto.answers);
  }

  @Get('papers')
  @Authenticated()
  @ApiOperation({ summary: 'Published papers (专题测试) with my attempts and best score' })
  papers(@CurrentUser() user: AuthUser): Promise<PaperResponse[]> {
    return this.quiz.papers(user);
  }

  @Post('papers/:id/attempts')
  @Authenticated()
  @ApiOperation({ summary: 'Start (or resume) an attempt; the deadline is set by the server clock' })
  startAttempt(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<PaperAttemptResponse> {
    return this.quiz.startAttempt(user, id);
  }

  @Get('paper-attempts/:id')
  @Authenticated()
  attempt(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<PaperAttemptResponse> {
    return this.quiz.attempt(user, id);
  }

  @Post('paper-attempts/:id/submit')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Submit an attempt; after the time limit it is refused (PAPER_TIME_UP)' })
  submitAttempt(@CurrentUser() user: AuthUser, @IdParam() id: number, @Body() dto: SubmitAnswersDto): Promise<PaperAttemptResponse> {
    return this.quiz.submitAttempt(user, id, dto.answers);
  }

  @Get('me/points')
  @Authenticated()
  @ApiOperation({ summary: 'My points today, this week and in total, per rule with its daily cap' })
  myPoints(@CurrentUser() user: AuthUser): Promise<MyPointsResponse> {
    return this.points.myPoints(user);
  }

  @Get('me/points/history')
  @Authenticated()
  @ApiOperation({ summary: 'My ledger lines, newest first, with the rule behind each' })
  history(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<PointLine>> {
    return this.points.history(user, query.limit, query.cursor ? Number(query.cursor) : undefined);
  }

  @Put('me/leaderboard-opt-in')
  @Authenticated()
  @ApiOperation({ summary: 'Choose whether I appear on leaderboards (off by default)' })
  async optIn(@CurrentUser() user: AuthUser, @Body() dto: OptInDto): Promise<MyPointsResponse> {
    await this.points.setOptIn(user, dto.optIn);
    return this.points.myPoints(user);
  }

  @Get('leaderboard')
  @Authenticated()
  @ApiOperation({ summary: 'Top 50 of people who opted in, and my rank; personal feedback only, never for evaluation' })
  leaderboard(@CurrentUser() user: AuthUser, @Query() query: LeaderboardQueryDto): Promise<LeaderboardResponse> {
    return this.boards.leaderboard(user, query.scope);
  }

  @Get('boards/branches')
  @Authenticated()
  @ApiOperation({ summary: "This week's participation rate and average points per organisation (no individuals)" })
  branchBoard(): Promise<GroupBoardResponse> {
    return this.boards.branchBoard();
  }

  @Get('boards/chains')
  @Authenticated()
  @ApiOperation({ summary: "This week's participation rate and average points per industry chain (no individuals)" })
  chainBoard(): Promise<GroupBoardResponse> {
    return this.boards.chainBoard();
  }

  @Get('orgs/:id/participation')
  @Authenticated({ roles: ['SECRETARY', 'COMMITTEE'] })
  @ApiOperation({ summary: "Secretary: who in my organisation has studied this week, by name (not a ranking)" })
  participation(@CurrentUser() user: AuthUser, @IdParam() id: number): Promise<ParticipationResponse> {
    return this.boards.participation(user, id);
  }
}
