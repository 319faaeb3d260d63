import { fireEvent, render, screen } from '@testing-library/react';
import type { BindingStatusResponse } from '@torch-red/shared';
import { BindingCard } from './binding-card';

const nothing: BindingStatusResponse = {
  org: null,
  enterprise: null,
  phone: null,
  politicalStatus: null,
  departments: [],
  pendingJoinRequest: null,
  pendingRepresentation: null,
};

function renderCard(status: BindingStatusResponse) {
  const handlers = { onJoin: jest.fn(), onBindCode: jest.fn(), onRepresent: jest.fn() };
  render(<BindingCard status={status} phoneAction={<span>绑定手机号</span>} {...handlers} />);
  return handlers;
}

describe('BindingCard', () => {
  it('says what is missing and offers the action for each', () => {
    const handlers = renderCard(nothing);
    expect(screen.getByText('未加入党组织')).toBeTruthy();
    expect(screen.getByText('未关联企业（企业吹哨需先关联）')).toBeTruthy();
    expect(screen.getByText('未绑定手机号')).toBeTruthy();
    expect(screen.getAllByText('未绑定')).toHaveLength(3);
    fireEvent.click(screen.getByText('加入党组织'));
    fireEvent.click(screen.getByText('输入绑定码'));
    fireEvent.click(screen.getByText('申请关联'));
    expect(handlers.onJoin).toHaveBeenCalledTimes(1);
    expect(handlers.onBindCode).toHaveBeenCalledTimes(1);
    expect(handlers.onRepresent).toHaveBeenCalledTimes(1);
    expect(screen.getByText('绑定手机号')).toBeTruthy();
  });

  it('shows what is bound without actions, and a department handler their department', () => {
    renderCard({
      ...nothing,
      org: { id: '4', name: '明阳风电第一党支部' },
      enterprise: { id: '9', name: '明阳风电' },
      phone: '138****0001',
      departments: [{ id: '2', name: '经济发展局' }],
    });
    expect(screen.getByText('明阳风电第一党支部')).toBeTruthy();
    expect(screen.getByText('138****0001')).toBeTruthy();
    expect(screen.getByText('经济发展局')).toBeTruthy();
    expect(screen.getAllByText('已绑定')).toHaveLength(3);
    expect(screen.queryByText('加入党组织')).toBeNull();
    expect(screen.queryByText('申请关联')).toBeNull();
    expect(screen.queryByText('绑定手机号')).toBeNull();
  });

  it('shows a pending join request instead of the join actions', () => {
    renderCard({
      ...nothing,
      pendingJoinRequest: {
        id: '1',
        userId: '7',
        orgId: '4',
        orgName: '明阳风电第一党支部',
        name: '林新人',
        politicalStatus: 'ACTIVIST',
        enterpriseId: null,
        enterpriseName: null,
        status: 'PENDING',
        reason: null,
        createdAt: '2026-11-30T08:00:00.000Z',
        decidedAt: null,
        canDecide: false,
      },
    });
    expect(screen.getByText('已申请加入「明阳风电第一党支部」，等待书记审核')).toBeTruthy();
    expect(screen.queryByText('加入党组织')).toBeNull();
  });
});
