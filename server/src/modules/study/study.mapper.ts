import type { AdminPaperResponse, LessonDetail, LessonSummary, PaperResponse, QuestionResponse, QuizQuestion, StudyColumnResponse } from '@torch-red/shared';
import { STUDY_LIMITS } from '@torch-red/shared';
import { toIso } from '../../database/sql-time';
import type { LessonEntity, StudyColumnEntity } from './content.entity';
import type { PaperEntity, QuestionEntity } from './question.entity';

/** Seconds of server-credited time after which a lesson counts as read, scaled to its length. */
export function requiredSecondsOf(minutes: number): number {
  const scaled = Math.round(minutes * 60 * STUDY_LIMITS.readShare);
  return Math.min(STUDY_LIMITS.maxReadSeconds, Math.max(STUDY_LIMITS.minReadSeconds, scaled));
}

export function toColumnResponse(c: StudyColumnEntity, lessonCount: number, completedCount: number): StudyColumnResponse {
  return { id: String(c.id), name: c.name, description: c.description, sortOrder: c.sortOrder, status: c.status, isSample: c.isSample, lessonCount, completedCount };
}

/** A reader's progress on a lesson; none yet = nothing credited. */
export interface LessonProgress {
  creditedSeconds: number;
  completed: boolean;
}

export function toLessonSummary(l: LessonEntity, progress: LessonProgress): LessonSummary {
  return {
    id: String(l.id),
    columnId: String(l.columnId),
    title: l.title,
    kind: l.kind,
    minutes: l.minutes,
    summary: l.summary,
    coverUrl: l.coverUrl,
    status: l.status,
    isSample: l.isSample,
    publishedAt: toIso(l.publishedAt),
    completed: progress.completed,
    requiredSeconds: requiredSecondsOf(l.minutes),
    creditedSeconds: progress.creditedSeconds,
  };
}

export function toLessonDetail(l: LessonEntity, progress: LessonProgress): LessonDetail {
  return { ...toLessonSummary(l, progress), blocks: l.blocks, videoUrl: l.videoUrl };
}

/** What a person sees before answering: deliberately no answer and no explanation. */
export function toQuizQuestion(q: QuestionEntity): QuizQuestion {
  return { id: String(q.id), type: q.type, stem: q.stem, options: q.options };
}

export function toQuestionResponse(q: QuestionEntity): QuestionResponse {
  return { ...toQuizQuestion(q), answer: q.answer, explanation: q.explanation, enabled: q.enabled, isSample: q.isSample, createdAt: toIso(q.createdAt) };
}

export function toPaperResponse(p: PaperEntity, mine: { attemptsUsed: number; bestScore: number | null }): PaperResponse {
  return {
    id: String(p.id),
    title: p.title,
    description: p.description,
    mode: p.mode,
    questionCount: p.mode === 'FIXED' ? p.questionIds.length : p.drawCount,
    timeLimitMinutes: p.timeLimitMinutes,
    passScore: p.passScore,
    maxAttempts: p.maxAttempts,
    status: p.status,
    ...mine,
  };
}

/** A paper as admins manage it: its questions in order (FIXED, from `questions` by id) or its draw count (RANDOM). */
export function toAdminPaperResponse(p: PaperEntity, questions: Map<number, QuestionEntity>): AdminPaperResponse {
  return {
    ...toPaperResponse(p, { attemptsUsed: 0, bestScore: null }),
    questions: p.questionIds.flatMap((id) => {
      const q = questions.get(id);
      return q ? [{ id: String(q.id), type: q.type, stem: q.stem, enabled: q.enabled }] : [];
    }),
    drawCount: p.drawCount,
  };
}
