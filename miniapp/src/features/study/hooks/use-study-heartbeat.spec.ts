import { act, cleanup, renderHook } from '@testing-library/react';
import type { StudySessionResponse } from '@torch-red/shared';
import { request, resetTaroMock, useDidHide, useDidShow } from '@test/__mocks__/taro';
import { HEARTBEAT_INTERVAL_MS, useStudyHeartbeat } from './use-study-heartbeat';

interface SentRequest {
  url: string;
  method: string;
  data: unknown;
}

const sent: SentRequest[] = [];
const beats = () => sent.filter((call) => call.url.endsWith('/heartbeat'));

function answer(overrides: Partial<StudySessionResponse> = {}): StudySessionResponse {
  return {
    sessionId: '41',
    lessonId: '7',
    heartbeatSeconds: 30,
    creditedNow: 0,
    lessonCreditedSeconds: 0,
    requiredSeconds: 180,
    completed: false,
    todayStudySeconds: 0,
    pointsAwarded: 0,
    ended: false,
    ...overrides,
  };
}

/** The server: every visible beat credits 15 s, a background beat nothing. */
function serve() {
  let total = 0;
  request.mockImplementation((options: SentRequest) => {
    sent.push({ url: options.url, method: options.method, data: options.data });
    if (options.url.endsWith('/sessions')) {
      return Promise.resolve({ statusCode: 201, data: answer() });
    }
    const visible = !(options.data && (options.data as { visible?: boolean }).visible === false);
    const credit = options.url.endsWith('/heartbeat') && visible ? 15 : 0;
    total += credit;
    return Promise.resolve({ statusCode: 200, data: answer({ creditedNow: credit, lessonCreditedSeconds: total, ended: options.url.endsWith('/end') }) });
  });
}

const lastHandler = (hook: unknown) => {
  const calls = (hook as jest.Mock).mock.calls;
  return calls[calls.length - 1][0] as () => void;
};

async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

beforeEach(() => {
  resetTaroMock();
  sent.length = 0;
  jest.useFakeTimers();
  serve();
});

afterEach(async () => {
  // Leaving ends the session after a delay the next test's start would wait for: let it finish.
  cleanup();
  await jest.advanceTimersByTimeAsync(20_000);
  jest.useRealTimers();
});

describe('useStudyHeartbeat', () => {
  it('starts a session and beats every 15 s while visible, never sending a duration', async () => {
    const { result } = renderHook(() => useStudyHeartbeat('7', true));
    await advance(0);

    expect(sent.map((call) => `${call.method} ${call.url}`)).toEqual(['POST /api/study/lessons/7/sessions']);
    expect(result.current.status).toBe('running');

    await advance(HEARTBEAT_INTERVAL_MS - 1);
    expect(beats()).toHaveLength(0);
    await advance(1);
    expect(beats()).toHaveLength(1);
    await advance(HEARTBEAT_INTERVAL_MS * 2);

    expect(beats()).toHaveLength(3);
    for (const beat of beats()) {
      expect(beat.url).toBe('/api/study/sessions/41/heartbeat');
      // The body says nothing about time: the server measures it.
      expect(beat.data).toEqual({});
      expect(JSON.stringify(beat.data)).not.toMatch(/second|duration|elapsed/i);
    }
    expect(result.current.creditedThisVisit).toBe(45);
    expect(result.current.session?.lessonCreditedSeconds).toBe(45);
  });

  it('stops beating while the page is hidden and reports the background time as such', async () => {
    const { result } = renderHook(() => useStudyHeartbeat('7', true));
    await advance(HEARTBEAT_INTERVAL_MS + 5_000);
    expect(beats()).toHaveLength(1);

    // Hidden 5 s after a beat: too soon for another one, so nothing is sent.
    act(() => lastHandler(useDidHide)());
    expect(result.current.status).toBe('paused');
    await advance(HEARTBEAT_INTERVAL_MS * 4);
    expect(beats()).toHaveLength(1);

    act(() => lastHandler(useDidShow)());
    await advance(0);
    expect(beats()).toHaveLength(2);
    expect(beats()[1].data).toEqual({ visible: false });
    expect(result.current.creditedThisVisit).toBe(15);

    await advance(HEARTBEAT_INTERVAL_MS);
    expect(beats()).toHaveLength(3);
    expect(beats()[2].data).toEqual({});
  });

  it('credits the visible stretch when hidden later in a cycle, then stays silent', async () => {
    renderHook(() => useStudyHeartbeat('7', true));
    await advance(HEARTBEAT_INTERVAL_MS + 12_000);

    act(() => lastHandler(useDidHide)());
    await advance(0);
    expect(beats()).toHaveLength(2);
    expect(beats()[1].data).toEqual({});

    await advance(HEARTBEAT_INTERVAL_MS * 3);
    expect(beats()).toHaveLength(2);
  });

  it('pauses when the browser tab is hidden (H5)', async () => {
    renderHook(() => useStudyHeartbeat('7', true));
    await advance(0);

    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await advance(HEARTBEAT_INTERVAL_MS * 3);
    expect(beats()).toHaveLength(0);

    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
  });

  it('ends the session when the reader leaves, no sooner than the minimum gap after the last beat', async () => {
    const { unmount } = renderHook(() => useStudyHeartbeat('7', true));
    await advance(HEARTBEAT_INTERVAL_MS + 3_000);

    unmount();
    await advance(6_000);
    expect(sent.some((call) => call.url.endsWith('/end'))).toBe(false);
    await advance(1_000);
    expect(sent.filter((call) => call.url === '/api/study/sessions/41/end')).toHaveLength(1);

    await advance(HEARTBEAT_INTERVAL_MS * 2);
    expect(beats()).toHaveLength(1);
  });

  it('does nothing until enabled', async () => {
    renderHook(() => useStudyHeartbeat('7', false));
    await advance(HEARTBEAT_INTERVAL_MS * 2);
    expect(sent).toHaveLength(0);
  });
});
