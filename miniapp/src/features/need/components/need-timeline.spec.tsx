import { render, screen } from '@testing-library/react';
import type { NeedEventResponse } from '@torch-red/shared';
import { NeedTimeline } from './need-timeline';

const event = (id: string, at: string, kind: NeedEventResponse['kind'], text: string, actorName: string | null, note: string | null = null): NeedEventResponse => ({
  id,
  kind,
  text,
  note,
  actorName,
  at,
});

describe('NeedTimeline', () => {
  it('shows the steps oldest first, in plain Chinese, with who and when (China time)', () => {
    // Given out of order, as a list might arrive after a reopen.
    const events = [
      event('3', '2026-11-27T02:00:00Z', 'ACCEPTED', '经济发展局已接单', '赵敏'),
      event('1', '2026-11-26T01:30:00Z', 'RAISED', '王军提出了需求', '王军'),
      event('2', '2026-11-26T06:00:00Z', 'DISPATCHED', '已派给经济发展局办理', '许红', '请本周内对接上游供应商'),
    ];
    const { container } = render(<NeedTimeline events={events} />);

    const texts = Array.from(container.querySelectorAll('.need-timeline__text')).map((node) => node.textContent);
    expect(texts).toEqual(['王军提出了需求', '已派给经济发展局办理', '经济发展局已接单']);
    const metas = Array.from(container.querySelectorAll('.need-timeline__meta')).map((node) => node.textContent);
    expect(metas).toEqual(['11月26日 09:30 · 王军', '11月26日 14:00 · 许红', '11月27日 10:00 · 赵敏']);
    expect(screen.getByText('请本周内对接上游供应商')).toBeTruthy();
    // Only between steps: no line hangs below the last one.
    expect(container.querySelectorAll('.need-timeline__line')).toHaveLength(2);
  });

  it('marks returns and overdue steps as alerts and says so when nothing happened yet', () => {
    const { container, rerender } = render(
      <NeedTimeline events={[event('1', '2026-11-26T01:30:00Z', 'RETURNED', '税务局退回了派单', '李强', '不属于本部门职责')]} />,
    );
    expect(container.querySelector('[data-kind="RETURNED"]')?.className).toContain('need-timeline__item--alert');

    rerender(<NeedTimeline events={[]} />);
    expect(screen.getByText('还没有办理记录')).toBeTruthy();
  });
});
