import { API, type CreatePaperRequest, type CreateQuestionRequest, type QuestionAdminQuery, type StudyFlagQuery, type UpdatePaperRequest, type UpdateQuestionRequest } from '@torch-red/shared';
import type { LocalFile } from '@/services/file-transfer';
import { download, send, upload } from '@/services/http';

// 理论学习·题库 in the 管理后台: the question bank, its .xlsx import, papers and flagged study records.
export const listQuestions = (query: QuestionAdminQuery) => send(API.admin.study.questions, { query });
export const createQuestion = (body: CreateQuestionRequest) => send(API.admin.study.createQuestion, { body });
export const updateQuestion = (id: string, body: UpdateQuestionRequest) => send(API.admin.study.updateQuestion(id), { body });

export const downloadQuestionTemplate = () => download(API.admin.study.importTemplate, '题库导入模板', { failureMessage: '模板下载失败，请稍后再试' });
/** Checks the file and writes nothing; a file that is not the template at all (422 STUDY_IMPORT_INVALID) comes back to the page. */
export const previewQuestionImport = (file: LocalFile) => upload(API.admin.study.previewImport, file, { loadingTitle: '正在检查…', quietStatuses: [422] });
/** All or nothing; row errors (422) come back to the page, which lists them. */
export const importQuestions = (file: LocalFile) => upload(API.admin.study.importQuestions, file, { loadingTitle: '正在导入…', quietStatuses: [422] });

export const listPapers = () => send(API.admin.study.papers);
export const createPaper = (body: CreatePaperRequest) => send(API.admin.study.createPaper, { body });
export const updatePaper = (id: string, body: UpdatePaperRequest) => send(API.admin.study.updatePaper(id), { body });

export const listStudyFlags = (query: StudyFlagQuery) => send(API.admin.study.flags, { query });
