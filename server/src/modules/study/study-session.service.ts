import { Injectable } from '@nestjs/common';
import type { StudySessionResponse } from '@torch-red/shared';
import { STUDY_LIMITS, STUDY_POINTS } from '@torch-red/shared';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { forUpdate } from '../../database/row-lock';
import { Tx } from '../../database/tx.service';
import type { LessonEntity } from './content.entity';
import { bump, PointsService } from './points.service';
import { chinaDay } from './study-calendar';
import { StudyContentService } from './study-content.service';
import { LessonProgressEntity, StudySessionEntity } from './study-session.entity';
import { requiredSecondsOf } from './study.mapper';

interface BeatOutcome {
  creditedNow: number;
  pointsAwarded: number;
  todayStudySeconds: number | null;
}

/**
 * Study time is measured by the server: a session starts here, and each heartbeat credits the
 * wall-clock time since the previous one, at most one heartbeat interval. The client never says
 * how long it studied.
 */
@Injectable()
export class StudySessionService {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly content: StudyContentService,
    private readonly points: PointsService,
  ) {}

  /** Opens a session; an open session on another lesson is closed, and flagged when it was still live. */
  async start(user: AuthUser, lessonId: number): Promise<StudySessionResponse> {
    const lesson = await this.content.publishedLesson(lessonId);
    const now = this.clock.now();
    return this.tx.run(async (m) => {
      const repo = m.getRepository(StudySessionEntity);
      const open = await forUpdate(repo.createQueryBuilder('s').where('s.activeKey = :userId', { userId: user.id })).getOne();
      if (open) {
        const idle = (now.getTime() - open.lastBeatAt.getTime()) / 1000;
        if (open.lessonId !== lessonId && idle < STUDY_LIMITS.sessionIdleSeconds) {
          await this.points.flagIn(m, user.id, 'PARALLEL_LESSONS', `parallel:${open.id}`, { sessionId: open.id, lessonId: open.lessonId, otherLessonId: lessonId });
        }
        await repo.update({ id: open.id }, { activeKey: null, endedAt: now, endReason: 'REPLACED' });
      }
      const session = await repo.save(repo.create({ userId: user.id, lessonId, activeKey: user.id, startedAt: now, lastBeatAt: now, creditedSeconds: 0, endedAt: null, endReason: null }));
      return this.view(m, session, lesson, { creditedNow: 0, pointsAwarded: 0, todayStudySeconds: null }, now);
    });
  }

  async heartbeat(user: AuthUser, sessionId: number, visible = true): Promise<StudySessionResponse> {
    const now = this.clock.now();
    return this.tx.run(async (m) => {
      const session = await this.lockSession(m, user.id, sessionId);
      if (session.activeKey === null) throw new AppError('STUDY_SESSION_ENDED');
      const lesson = await this.content.publishedLesson(session.lessonId);
      const outcome = await this.beat(m, user, session, lesson, now, visible);
      return this.view(m, session, lesson, outcome, now);
    });
  }

  /** Credits the last stretch like a heartbeat, then closes the session. */
  async end(user: AuthUser, sessionId: number): Promise<StudySessionResponse> {
    const now = this.clock.now();
    return this.tx.run(async (m) => {
      const session = await this.lockSession(m, user.id, sessionId);
      const lesson = await this.content.publishedLesson(session.lessonId);
      let outcome: BeatOutcome = { creditedNow: 0, pointsAwarded: 0, todayStudySeconds: null };
      if (session.activeKey !== null) {
        // Leaving right after a heartbeat is normal: the last few seconds are simply not credited, never flagged.
        const sinceLastBeat = (now.getTime() - session.lastBeatAt.getTime()) / 1000;
        if (sinceLastBeat >= STUDY_LIMITS.minHeartbeatSeconds) outcome = await this.beat(m, user, session, lesson, now);
        await m.getRepository(StudySessionEntity).update({ id: session.id }, { activeKey: null, endedAt: now, endReason: 'ENDED' });
        session.activeKey = null;
      }
      return this.view(m, session, lesson, outcome, now);
    });
  }

  private async beat(m: EntityManager, user: AuthUser, session: StudySessionEntity, lesson: LessonEntity, now: Date, visible = true): Promise<BeatOutcome> {
    const none: BeatOutcome = { creditedNow: 0, pointsAwarded: 0, todayStudySeconds: null };
    const elapsed = Math.floor((now.getTime() - session.lastBeatAt.getTime()) / 1000);
    if (elapsed < STUDY_LIMITS.minHeartbeatSeconds) {
      await this.points.flagIn(m, user.id, 'HEARTBEAT_TOO_FAST', `fast:${session.id}`, { sessionId: session.id, lessonId: session.lessonId, elapsedSeconds: Math.max(0, elapsed) });
      return none;
    }
    // In the background the clock moves on but nothing is credited.
    const credit = visible ? Math.min(elapsed, STUDY_LIMITS.heartbeatSeconds) : 0;
    // Conditional on the credited total we read: of two racing beats only one credits.
    const moved = await m
      .createQueryBuilder()
      .update(StudySessionEntity)
      .set({ lastBeatAt: now, creditedSeconds: () => `creditedSeconds + ${credit}` })
      .where('id = :id AND creditedSeconds = :seen AND activeKey IS NOT NULL', { id: session.id, seen: session.creditedSeconds })
      .execute();
    if (!moved.affected) return none;
    session.creditedSeconds += credit;
    session.lastBeatAt = now;

    let pointsAwarded = 0;
    const key = { userId: user.id, lessonId: lesson.id };
    await bump(m, LessonProgressEntity, key, { creditedSeconds: credit }, { creditedSeconds: credit, completedAt: null });
    const progress = (await m.getRepository(LessonProgressEntity).findOneBy(key))!;
    if (!progress.completedAt && progress.creditedSeconds >= requiredSecondsOf(lesson.minutes)) {
      const done = await m
        .createQueryBuilder()
        .update(LessonProgressEntity)
        .set({ completedAt: now })
        .where('userId = :userId AND lessonId = :lessonId AND completedAt IS NULL', key)
        .execute();
      if (done.affected) {
        pointsAwarded += await this.points.awardIn(m, user, { rule: 'LESSON_READ', points: STUDY_POINTS.lessonRead, sourceKey: `lesson:${lesson.id}` }, now);
      }
    }
    const today = await this.points.addStudySecondsIn(m, user, credit, now);
    const per = STUDY_POINTS.studyTimeSecondsPerPoint;
    const earned = Math.floor(today.after / per) - Math.floor(today.before / per);
    if (earned > 0) {
      const sourceKey = `time:${chinaDay(now)}:${Math.floor(today.after / per)}`;
      pointsAwarded += await this.points.awardIn(m, user, { rule: 'STUDY_TIME', points: earned, sourceKey }, now);
    }
    return { creditedNow: credit, pointsAwarded, todayStudySeconds: today.after };
  }

  private async lockSession(m: EntityManager, userId: number, id: number): Promise<StudySessionEntity> {
    const session = await forUpdate(m.getRepository(StudySessionEntity).createQueryBuilder('s').where('s.id = :id AND s.userId = :userId', { id, userId })).getOne();
    if (!session) throw new AppError('NOT_FOUND');
    return session;
  }

  private async view(m: EntityManager, session: StudySessionEntity, lesson: LessonEntity, outcome: BeatOutcome, now: Date): Promise<StudySessionResponse> {
    const progress = await m.getRepository(LessonProgressEntity).findOneBy({ userId: session.userId, lessonId: lesson.id });
    const today = outcome.todayStudySeconds ?? (await this.points.todaySecondsIn(m, session.userId, now));
    return {
      sessionId: String(session.id),
      lessonId: String(lesson.id),
      heartbeatSeconds: STUDY_LIMITS.heartbeatSeconds,
      creditedNow: outcome.creditedNow,
      lessonCreditedSeconds: progress?.creditedSeconds ?? 0,
      requiredSeconds: requiredSecondsOf(lesson.minutes),
      completed: Boolean(progress?.completedAt),
      todayStudySeconds: today,
      pointsAwarded: outcome.pointsAwarded,
      ended: session.activeKey === null,
    };
  }
}
