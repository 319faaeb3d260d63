import { fireEvent, render } from '@testing-library/react';
import type { MeetingCalendarResponse } from '@torch-red/shared';
import { MeetingCalendar } from './meeting-calendar';

const calendar: MeetingCalendarResponse = {
  orgId: '4',
  year: 2026,
  rows: [
    {
      kind: 'PARTY_CONGRESS',
      unit: 'QUARTER',
      periods: [
        { period: '2026-Q1', state: 'DONE', meetingIds: ['8'] },
        { period: '2026-Q2', state: 'OVERDUE', meetingIds: [] },
        { period: '2026-Q3', state: 'DUE', meetingIds: [] },
        { period: '2026-Q4', state: 'UPCOMING', meetingIds: [] },
      ],
    },
    { kind: 'LIFE_MEETING', unit: 'YEAR', periods: [{ period: '2026', state: 'DUE', meetingIds: [] }] },
  ],
};

describe('MeetingCalendar', () => {
  it('says each state in words, outlines the running period and names it in the row head', () => {
    const onOpen = jest.fn();
    const { container } = render(<MeetingCalendar calendar={calendar} now={new Date('2026-08-10T04:00:00Z')} onOpen={onOpen} />);

    const cells = [...container.querySelectorAll('.meeting-calendar__row--party_congress .meeting-calendar__cell')];
    expect(cells.map((cell) => cell.textContent)).toEqual(['一季度已完成', '二季度已逾期', '三季度本期待开', '四季度未开始']);
    expect(container.querySelectorAll('.meeting-calendar__cell--current').length).toBe(2);
    expect(cells[2].className).toContain('meeting-calendar__cell--current');
    expect(container.querySelector('.meeting-calendar__row--party_congress .meeting-calendar__now')?.textContent).toBe('本期待开');

    fireEvent.click(cells[1]);
    expect(onOpen).toHaveBeenCalledWith(calendar.rows[0], calendar.rows[0].periods[1]);
  });
});
