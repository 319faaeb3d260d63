import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { STUDY_LIMITS, type StudySessionResponse } from '@torch-red/shared';
import { ApiError } from '@/services/http';
import { endStudySession, sendHeartbeat, startStudySession } from '../api';

/** Half the server's longest credited beat, so no visible second goes uncredited. */
export const HEARTBEAT_INTERVAL_MS = 15_000;
/** The server flags (and credits nothing for) beats closer together than this. */
const MIN_GAP_MS = STUDY_LIMITS.minHeartbeatSeconds * 1000;

export type StudyClockStatus = 'starting' | 'running' | 'paused' | 'failed';

export interface StudyClock {
  status: StudyClockStatus;
  /** The last answer from the server: lesson total, 已学, today's time. */
  session: StudySessionResponse | undefined;
  /** Seconds the server credited during this visit. */
  creditedThisVisit: number;
  /** Points earned during this visit (reading and study time). */
  pointsThisVisit: number;
}

// A session ended less than MIN_GAP_MS after its last beat would be flagged, so the end waits
// for the gap; the next session starts only after it, or the server would see two lessons at once.
let pendingEnd: Promise<void> = Promise.resolve();

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function endLater(sessionId: string, lastBeatAt: number): void {
  const delay = Math.max(0, MIN_GAP_MS - (Date.now() - lastBeatAt));
  pendingEnd = pendingEnd
    .then(() => wait(delay))
    .then(() => endStudySession(sessionId, { quietStatuses: [400, 401, 403, 404, 409] }))
    .then(
      () => undefined,
      () => undefined,
    );
}

/**
 * A server-timed study session for one lesson: started when the reader opens, a heartbeat every
 * 15 s while the page is visible, none while it is hidden, ended when the reader leaves.
 * Beats never carry a duration: the server credits the time it measured itself.
 */
export function useStudyHeartbeat(lessonId: string, enabled: boolean): StudyClock {
  const [status, setStatus] = useState<StudyClockStatus>('starting');
  const [session, setSession] = useState<StudySessionResponse>();
  const [creditedThisVisit, setCreditedThisVisit] = useState(0);
  const [pointsThisVisit, setPointsThisVisit] = useState(0);

  const sessionId = useRef<string>();
  const lastBeatAt = useRef(0);
  const timer = useRef<ReturnType<typeof setInterval>>();
  const hidden = useRef(false);
  const inFlight = useRef(false);
  const alive = useRef(true);

  const stopTimer = () => {
    if (timer.current !== undefined) {
      clearInterval(timer.current);
      timer.current = undefined;
    }
  };

  const apply = useCallback((answer: StudySessionResponse) => {
    if (!alive.current) {
      return;
    }
    setSession(answer);
    setCreditedThisVisit((total) => total + answer.creditedNow);
    setPointsThisVisit((total) => total + answer.pointsAwarded);
  }, []);

  const start = useCallback(async () => {
    setStatus('starting');
    await pendingEnd;
    if (!alive.current) {
      return;
    }
    try {
      const answer = await startStudySession(lessonId);
      if (!alive.current) {
        endLater(answer.sessionId, Date.now());
        return;
      }
      sessionId.current = answer.sessionId;
      lastBeatAt.current = Date.now();
      apply(answer);
      if (hidden.current) {
        setStatus('paused');
      } else {
        setStatus('running');
        startTimerRef.current();
      }
    } catch {
      if (alive.current) {
        setStatus('failed');
      }
    }
  }, [apply, lessonId]);

  const beat = useCallback(
    async (visible: boolean) => {
      const id = sessionId.current;
      if (id === undefined || inFlight.current || Date.now() - lastBeatAt.current < MIN_GAP_MS) {
        return;
      }
      inFlight.current = true;
      try {
        const answer = await sendHeartbeat(id, visible, { quietStatuses: [409] });
        lastBeatAt.current = Date.now();
        apply(answer);
      } catch (error) {
        // The server closed this session (another lesson was opened elsewhere): start afresh.
        if (error instanceof ApiError && error.code === 'STUDY_SESSION_ENDED' && alive.current) {
          sessionId.current = undefined;
          stopTimer();
          void start();
        }
      } finally {
        inFlight.current = false;
      }
    },
    [apply, start],
  );

  const startTimerRef = useRef(() => {});
  startTimerRef.current = () => {
    stopTimer();
    timer.current = setInterval(() => void beat(true), HEARTBEAT_INTERVAL_MS);
  };

  const pause = useCallback(() => {
    if (hidden.current) {
      return;
    }
    hidden.current = true;
    stopTimer();
    if (sessionId.current !== undefined) {
      // Credit the visible stretch since the last beat, then stay silent while hidden.
      void beat(true);
      setStatus('paused');
    }
  }, [beat]);

  const resume = useCallback(() => {
    if (!hidden.current) {
      return;
    }
    hidden.current = false;
    if (sessionId.current !== undefined) {
      // The time spent in the background is reported as such: it moves the clock, credits nothing.
      void beat(false);
      setStatus('running');
      startTimerRef.current();
    }
  }, [beat]);

  useDidShow(resume);
  useDidHide(pause);

  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') {
      return undefined;
    }
    const handleVisibility = () => (document.visibilityState === 'hidden' ? pause() : resume());
    document.addEventListener('visibilitychange', handleVisibility);
    return () => document.removeEventListener('visibilitychange', handleVisibility);
  }, [pause, resume]);

  useEffect(() => {
    if (!enabled || !lessonId) {
      return undefined;
    }
    alive.current = true;
    void start();
    return () => {
      alive.current = false;
      stopTimer();
      if (sessionId.current !== undefined) {
        endLater(sessionId.current, lastBeatAt.current);
        sessionId.current = undefined;
      }
    };
  }, [enabled, lessonId, start]);

  return { status, session, creditedThisVisit, pointsThisVisit };
}
