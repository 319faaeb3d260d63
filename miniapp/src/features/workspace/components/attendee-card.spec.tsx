import { render } from '@testing-library/react';
import type { AttendeeResponse } from '@torch-red/shared';
import { buildRegistration } from '@test/factories/activity.factory';
import { AttendeeCard } from './attendee-card';

function attendee(overrides: Partial<AttendeeResponse>): AttendeeResponse {
  return {
    ...buildRegistration(),
    userId: 'u1',
    name: '张伟',
    phone: null,
    orgName: null,
    enterpriseName: null,
    canApprove: false,
    canReject: false,
    canMarkAttendance: false,
    ...overrides,
  };
}

const actions = (container: HTMLElement) => [...container.querySelectorAll('.attendee-card__action')].map((element) => element.textContent);

describe('AttendeeCard', () => {
  it('offers approve and reject only when the server allows them', () => {
    const allowed = render(<AttendeeCard attendee={attendee({ status: 'PENDING', canApprove: true, canReject: true })} formFields={[]} busy={false} onAction={jest.fn()} />);
    expect(actions(allowed.container)).toEqual(['通过', '驳回']);
    allowed.unmount();

    // A pending registration of an activity that is no longer published: the server refuses approval.
    const refused = render(<AttendeeCard attendee={attendee({ status: 'PENDING', canReject: true })} formFields={[]} busy={false} onAction={jest.fn()} />);
    expect(actions(refused.container)).toEqual(['驳回']);
  });

  it('calls rejecting a waitlisted person 移出候补', () => {
    const { container } = render(<AttendeeCard attendee={attendee({ status: 'WAITLISTED', canReject: true })} formFields={[]} busy={false} onAction={jest.fn()} />);

    expect(actions(container)).toEqual(['移出候补']);
  });

  it('offers the other attendance marks when the server allows marking', () => {
    const marked = render(<AttendeeCard attendee={attendee({ attendance: 'CHECKED_IN', canMarkAttendance: true })} formFields={[]} busy={false} onAction={jest.fn()} />);
    expect(actions(marked.container)).toEqual(['请假', '缺席', '撤销签到']);
    marked.unmount();

    const none = render(<AttendeeCard attendee={attendee({ status: 'CANCELLED' })} formFields={[]} busy={false} onAction={jest.fn()} />);
    expect(actions(none.container)).toEqual([]);
  });
});
