import { fireEvent, render, screen } from '@testing-library/react';
import { buildActivity } from '@test/factories/activity.factory';
import { ActivityCard } from './activity-card';

function seatsText(): string | null {
  return document.querySelector('.activity-card__seats')?.textContent ?? null;
}

describe('ActivityCard', () => {
  it('shows confirmed seats against the capacity', () => {
    render(<ActivityCard activity={buildActivity({ capacity: 30, confirmedCount: 8 })} />);

    expect(seatsText()).toBe('已报 8/30');
  });

  it('says 不限名额 when there is no capacity', () => {
    const { rerender } = render(<ActivityCard activity={buildActivity({ capacity: null, confirmedCount: 0 })} />);
    expect(seatsText()).toBe('不限名额');

    rerender(<ActivityCard activity={buildActivity({ capacity: null, confirmedCount: 12 })} />);
    expect(seatsText()).toBe('不限名额 · 已报 12');
    expect(seatsText()).not.toContain('/');
  });

  it('marks a full activity', () => {
    render(<ActivityCard activity={buildActivity({ capacity: 10, confirmedCount: 10 })} />);

    expect(seatsText()).toBe('已报 10/10 · 已满');
    expect(document.querySelector('.activity-card__seats--full')).not.toBeNull();
  });

  it('shows the type, the phase, China time and the place, and opens on tap', () => {
    const activity = buildActivity({
      title: '主题党日：重温入党誓词',
      type: 'GOV_ENTERPRISE_FORUM',
      phase: 'SIGNUP_CLOSED',
      startAt: '2026-12-01T06:00:00.000Z',
      endAt: '2026-12-01T08:30:00.000Z',
      location: '明阳风电三楼党员活动室',
    });
    const handleClick = jest.fn();
    render(<ActivityCard activity={activity} onClick={handleClick} />);

    expect(screen.getByText('政企座谈')).toBeTruthy();
    expect(screen.getByText('报名已截止')).toBeTruthy();
    expect(screen.getByText('12月01日 周二 14:00 - 16:30')).toBeTruthy();
    expect(screen.getByText('明阳风电三楼党员活动室')).toBeTruthy();

    const title = screen.getByText('主题党日：重温入党誓词');
    fireEvent.click(title);
    expect(handleClick).toHaveBeenCalledWith(activity);
  });

  it('shows 草稿 instead of the phase in the workspace', () => {
    render(<ActivityCard activity={buildActivity({ status: 'DRAFT', phase: null })} showStatus />);

    expect(screen.getByText('草稿')).toBeTruthy();
  });
});
