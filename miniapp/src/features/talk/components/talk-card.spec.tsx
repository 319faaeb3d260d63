import { render } from '@testing-library/react';
import type { TalkSummary } from '@torch-red/shared';
import { buildActivity } from '@test/factories/activity.factory';
import { TalkCard } from './talk-card';

const talk = (myRegistrationStatus: TalkSummary['myRegistrationStatus']): TalkSummary => ({
  id: '1',
  theme: '稳链强链与要素保障',
  hostDepartments: [],
  activity: { ...buildActivity(), type: 'ENTREPRENEUR_TALK', capacity: 30, confirmedCount: 1 },
  minutesPublished: false,
  isSample: false,
  myRegistrationStatus,
});

const bottom = (container: HTMLElement) => [container.querySelector('.talk-card__seats')?.textContent, container.querySelector('.talk-card__go')?.textContent];

describe('TalkCard', () => {
  it('offers 立即报名 with the seats left before I register', () => {
    const { container } = render(<TalkCard talk={talk(null)} onOpen={jest.fn()} />);
    expect(bottom(container)).toEqual(['余 29 席', '立即报名 ›']);
  });

  it('says 已报名·待审核 / 已报名 and 查看 once I registered', () => {
    const pending = render(<TalkCard talk={talk('PENDING')} onOpen={jest.fn()} />);
    expect(bottom(pending.container)).toEqual(['已报名·待审核', '查看 ›']);
    pending.unmount();
    const confirmed = render(<TalkCard talk={talk('CONFIRMED')} onOpen={jest.fn()} />);
    expect(bottom(confirmed.container)).toEqual(['已报名', '查看 ›']);
    confirmed.unmount();
    const cancelled = render(<TalkCard talk={talk('CANCELLED')} onOpen={jest.fn()} />);
    expect(bottom(cancelled.container)[1]).toBe('立即报名 ›');
  });
});
