import { API, type CreateColumnRequest, type CreateLessonRequest, type LessonAdminQuery, type UpdateColumnRequest, type UpdateLessonRequest } from '@torch-red/shared';
import { send } from '@/services/http';

// 理论学习 in the 管理后台: columns (专栏) and lessons, drafts included (admins only).
export const listAdminColumns = () => send(API.admin.study.columns);
export const createColumn = (body: CreateColumnRequest) => send(API.admin.study.createColumn, { body });
export const updateColumn = (id: string, body: UpdateColumnRequest) => send(API.admin.study.updateColumn(id), { body });

export const listAdminLessons = (query: LessonAdminQuery) => send(API.admin.study.lessons, { query });
export const getAdminLesson = (id: string) => send(API.admin.study.lesson(id));
export const createLesson = (body: CreateLessonRequest) => send(API.admin.study.createLesson, { body });
/** Also publishes (status PUBLISHED) and withdraws (status DRAFT). */
export const updateLesson = (id: string, body: UpdateLessonRequest) => send(API.admin.study.updateLesson(id), { body });
