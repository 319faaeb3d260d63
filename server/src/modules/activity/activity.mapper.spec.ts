import type { ActivityView } from './activity.repository';
import { toActivityResponse } from './activity.mapper';

/** The hot reads give times as ISO text, everything else as Dates: both must answer the same, phase included. */
describe('toActivityResponse with Date or ISO-text times', () => {
  const at = (iso: string) => new Date(iso);
  const dated: ActivityView = {
    id: 7, orgId: 3, title: '主题党日', type: 'THEME_PARTY_DAY', description: '', coverUrl: null, location: '会议室', onlineUrl: null,
    startAt: at('2026-12-10T02:00:00.000Z'), endAt: at('2026-12-10T04:00:00.000Z'), signupStartAt: at('2026-12-02T00:00:00.000Z'),
    signupEndAt: at('2026-12-09T00:00:00.000Z'), capacity: 30, waitlist: true, requiresApproval: false, cancelDeadline: null, formFields: [],
    visibility: 'PUBLIC', status: 'PUBLISHED', publishedAt: at('2026-12-01T00:00:00.000Z'), cancelledAt: null, cancelReason: null,
    confirmedCount: 1, createdAt: at('2026-11-30T00:00:00.000Z'), updatedAt: at('2026-11-30T00:00:00.500Z'),
  };
  const text = Object.fromEntries(Object.entries(dated).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])) as ActivityView<string>;
  const counts = { waitlistCount: 2, pendingCount: 0 };

  it.each([
    ['2026-12-01T12:00:00.000Z', 'NOT_OPEN'],
    ['2026-12-02T00:00:00.000Z', 'SIGNUP_OPEN'],
    ['2026-12-09T00:00:00.000Z', 'SIGNUP_OPEN'],
    ['2026-12-09T00:00:00.001Z', 'SIGNUP_CLOSED'],
    ['2026-12-10T02:00:00.000Z', 'ONGOING'],
    ['2026-12-10T04:00:00.000Z', 'ENDED'],
  ])('at %s: %s, the same answer both ways', (now, phase) => {
    const fromDates = toActivityResponse(dated, '一支部', counts, new Date(now));
    expect(fromDates.phase).toBe(phase);
    expect(toActivityResponse(text, '一支部', counts, now)).toEqual(fromDates);
    expect(toActivityResponse(text, '一支部', counts, new Date(now))).toEqual(fromDates);
  });

  it('opens at publication, or creation, when no sign-up start is set', () => {
    const open = { ...text, signupStartAt: null };
    expect(toActivityResponse(open, '', counts, '2026-12-01T00:00:00.000Z').phase).toBe('SIGNUP_OPEN');
    expect(toActivityResponse({ ...open, publishedAt: null }, '', counts, '2026-11-30T00:00:00.000Z').phase).toBe('SIGNUP_OPEN');
    expect(toActivityResponse({ ...open, publishedAt: null }, '', counts, '2026-11-29T23:59:59.999Z').phase).toBe('NOT_OPEN');
    expect(toActivityResponse({ ...text, status: 'DRAFT' }, '', counts, '2026-12-05T00:00:00.000Z').phase).toBeNull();
  });
});
