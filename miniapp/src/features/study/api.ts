import { API, type LeaderboardScope, type OptInRequest, type PageQuery, type SubmitAnswersRequest } from '@torch-red/shared';
import { send, type RequestOptions } from '@/services/http';

export const checkinDay = () => send(API.study.checkinDay);
export const listColumns = () => send(API.study.columns);
export const listLessons = (columnId: string, query: PageQuery) => send(API.study.lessons(columnId), { query });
export const getLesson = (id: string) => send(API.study.lesson(id));
export const startStudySession = (lessonId: string) => send(API.study.startSession(lessonId));
/** Never carries seconds: the server times the beat. `visible: false` = the app was in the background. */
export const sendHeartbeat = (sessionId: string, visible: boolean, options?: RequestOptions) =>
  send(API.study.heartbeat(sessionId), { ...options, body: visible ? undefined : { visible: false } });
export const endStudySession = (sessionId: string, options?: RequestOptions) => send(API.study.endSession(sessionId), options);
export const getDailyQuiz = () => send(API.study.dailyQuiz);
export const submitDailyQuiz = (body: SubmitAnswersRequest) => send(API.study.submitDailyQuiz, { body, quietStatuses: [409] });
export const listPapers = () => send(API.study.papers);
export const startPaperAttempt = (paperId: string) => send(API.study.startPaper(paperId));
export const getPaperAttempt = (id: string) => send(API.study.paperAttempt(id));
export const submitPaperAttempt = (id: string, body: SubmitAnswersRequest) => send(API.study.submitPaper(id), { body, quietStatuses: [409] });
export const getMyPoints = () => send(API.study.myPoints);
export const listPointHistory = (query: PageQuery) => send(API.study.pointHistory, { query });
export const setLeaderboardOptIn = (body: OptInRequest) => send(API.study.leaderboardOptIn, { body });
export const getLeaderboard = (scope: LeaderboardScope) => send(API.study.leaderboard, { query: { scope } });
export const getBranchBoard = () => send(API.study.branchBoard);
export const getChainBoard = () => send(API.study.chainBoard);
export const getParticipation = (orgId: string) => send(API.study.participation(orgId));
