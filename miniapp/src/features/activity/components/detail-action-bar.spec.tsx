import { fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ActivityDetailResponse, MyRegistrationResponse } from '@torch-red/shared';
import { resetTaroMock } from '@test/__mocks__/taro';
import { buildActivity, buildRegistration } from '@test/factories/activity.factory';
import { register } from '../api';
import { DetailActionBar } from './detail-action-bar';

jest.mock('../api', () => ({ ...jest.requireActual('../api'), register: jest.fn() }));

const NO_ACTIONS = { canCancel: false, canLeave: false, canCheckIn: false };

function detail(myRegistration: MyRegistrationResponse | null, overrides: Partial<ActivityDetailResponse> = {}): ActivityDetailResponse {
  return { ...buildActivity(), myRegistration, canManage: false, ...overrides };
}

const mine = (overrides: Partial<MyRegistrationResponse>): MyRegistrationResponse => ({ ...buildRegistration(), ...NO_ACTIONS, ...overrides });

/** The bar's buttons by their class names, e.g. ['cancel', 'leave']. */
function buttons(container: HTMLElement): string[] {
  return [...container.querySelectorAll('[class*="detail-action-bar__"]')]
    .flatMap((element) => [...element.classList])
    .filter((name) => /^detail-action-bar__(signup|cancel|leave|manage)$/.test(name))
    .map((name) => name.replace('detail-action-bar__', ''))
    .sort();
}

beforeEach(() => {
  resetTaroMock();
});

describe('DetailActionBar', () => {
  it('offers exactly what the server allows for my registration', () => {
    const { container } = render(<DetailActionBar activity={detail(mine({ canCancel: true, canLeave: true }))} onChanged={jest.fn()} />);

    expect(buttons(container)).toEqual(['cancel', 'leave']);
  });

  it('offers no cancel once the server says no (past the deadline), whatever the status', () => {
    const { container } = render(<DetailActionBar activity={detail(mine({ status: 'CONFIRMED', canLeave: true }))} onChanged={jest.fn()} />);

    expect(buttons(container)).toEqual(['leave']);
  });

  it('shows the check-in button only when the server allows checking in', () => {
    const closed = render(<DetailActionBar activity={detail(mine({ canCheckIn: false }))} onChanged={jest.fn()} />);
    expect(closed.container.querySelector('.checkin-button')).toBeNull();
    closed.unmount();

    const open = render(<DetailActionBar activity={detail(mine({ canCheckIn: true }))} onChanged={jest.fn()} />);
    expect(open.container.querySelector('.checkin-button')).not.toBeNull();
  });

  it('offers signing up to a person without a place: none yet, or cancelled', () => {
    const again = render(<DetailActionBar activity={detail(mine({ status: 'CANCELLED' }))} onChanged={jest.fn()} />);
    expect(buttons(again.container)).toEqual(['signup']);
    again.unmount();

    const nobody = render(<DetailActionBar activity={detail(null)} onChanged={jest.fn()} />);
    expect(buttons(nobody.container)).toEqual(['signup']);
  });

  it('adds 管理 for a manager', () => {
    const { container } = render(<DetailActionBar activity={detail(mine({ canCancel: true }), { canManage: true })} onChanged={jest.fn()} />);

    expect(buttons(container)).toEqual(['cancel', 'manage']);
  });

  it('signs up an activity without form fields here, with one confirm and no extra page', async () => {
    (register as jest.Mock).mockResolvedValue({ ...buildRegistration(), status: 'CONFIRMED' });
    const onChanged = jest.fn();
    const onSignedUp = jest.fn();
    const { container } = render(<DetailActionBar activity={detail(null, { formFields: [], phase: 'SIGNUP_OPEN' })} onChanged={onChanged} onSignedUp={onSignedUp} />);

    fireEvent.click(container.querySelector('.detail-action-bar__signup')!);

    await waitFor(() => expect(onSignedUp).toHaveBeenCalled());
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认报名', confirmText: '确认报名' }));
    expect(register).toHaveBeenCalledWith(expect.any(String), { answers: {} });
    expect(Taro.navigateTo).not.toHaveBeenCalled();
    expect(onChanged).toHaveBeenCalled();
  });

  it('opens the form page when the activity asks for answers', () => {
    const { container } = render(
      <DetailActionBar activity={detail(null, { formFields: [{ key: 'company', label: '单位', type: 'text', required: true }], phase: 'SIGNUP_OPEN' })} onChanged={jest.fn()} />,
    );

    fireEvent.click(container.querySelector('.detail-action-bar__signup')!);

    expect(Taro.navigateTo).toHaveBeenCalled();
    expect(register).not.toHaveBeenCalled();
  });
});
