import type {
  CheckinDayResponse,
  DailyQuizResponse,
  GroupBoardResponse,
  LeaderboardResponse,
  LeaderboardScope,
  LessonDetail,
  LessonSummary,
  MyPointsResponse,
  OptInRequest,
  Page,
  PageQuery,
  PaperAttemptResponse,
  PaperResponse,
  ParticipationResponse,
  PointLine,
  QuizResult,
  StudyColumnResponse,
  StudySessionResponse,
  SubmitAnswersRequest,
} from '@torch-red/shared';
import { http, type RequestOptions } from '@/services/http';

export const checkinDay = () => http.post<CheckinDayResponse>('/api/study/checkin-day');
export const listColumns = () => http.get<StudyColumnResponse[]>('/api/study/columns');
export const listLessons = (columnId: string, query: PageQuery) => http.get<Page<LessonSummary>>(`/api/study/columns/${columnId}/lessons`, { query: { ...query } });
export const getLesson = (id: string) => http.get<LessonDetail>(`/api/study/lessons/${id}`);
export const startStudySession = (lessonId: string) => http.post<StudySessionResponse>(`/api/study/lessons/${lessonId}/sessions`);
/** Never carries seconds: the server times the beat. `visible: false` = the app was in the background. */
export const sendHeartbeat = (sessionId: string, visible: boolean, options?: RequestOptions) =>
  http.post<StudySessionResponse>(`/api/study/sessions/${sessionId}/heartbeat`, visible ? undefined : { visible: false }, options);
export const endStudySession = (sessionId: string, options?: RequestOptions) => http.post<StudySessionResponse>(`/api/study/sessions/${sessionId}/end`, undefined, options);
export const getDailyQuiz = () => http.get<DailyQuizResponse>('/api/study/daily-quiz');
export const submitDailyQuiz = (body: SubmitAnswersRequest) => http.post<QuizResult>('/api/study/daily-quiz/submit', body, { quietStatuses: [409] });
export const listPapers = () => http.get<PaperResponse[]>('/api/study/papers');
export const startPaperAttempt = (paperId: string) => http.post<PaperAttemptResponse>(`/api/study/papers/${paperId}/attempts`);
export const getPaperAttempt = (id: string) => http.get<PaperAttemptResponse>(`/api/study/paper-attempts/${id}`);
export const submitPaperAttempt = (id: string, body: SubmitAnswersRequest) => http.post<PaperAttemptResponse>(`/api/study/paper-attempts/${id}/submit`, body, { quietStatuses: [409] });
export const getMyPoints = () => http.get<MyPointsResponse>('/api/study/me/points');
export const listPointHistory = (query: PageQuery) => http.get<Page<PointLine>>('/api/study/me/points/history', { query: { ...query } });
export const setLeaderboardOptIn = (body: OptInRequest) => http.put<MyPointsResponse>('/api/study/me/leaderboard-opt-in', body);
export const getLeaderboard = (scope: LeaderboardScope) => http.get<LeaderboardResponse>('/api/study/leaderboard', { query: { scope } });
export const getBranchBoard = () => http.get<GroupBoardResponse>('/api/study/boards/branches');
export const getChainBoard = () => http.get<GroupBoardResponse>('/api/study/boards/chains');
export const getParticipation = (orgId: string) => http.get<ParticipationResponse>(`/api/study/orgs/${orgId}/participation`);
