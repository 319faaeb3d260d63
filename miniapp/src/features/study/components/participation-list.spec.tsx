import { render, screen } from '@testing-library/react';
import type { ParticipationResponse } from '@torch-red/shared';
import { ParticipationList } from './participation-list';

const base: ParticipationResponse = { orgId: '7', orgName: '新能源产业党委', week: '2026-W49', memberCount: 0, studiedCount: 0, items: [] };

describe('ParticipationList', () => {
  it('shows one state for an organisation with no members', () => {
    render(<ParticipationList data={base} />);

    expect(screen.getByText('本组织下暂无成员')).toBeTruthy();
    expect(screen.queryByText(/真棒/)).toBeNull();
    expect(screen.queryByText(/还没有人学习/)).toBeNull();
    expect(screen.queryByText(/本周已有/)).toBeNull();
  });

  it('lists who has and has not studied when there are members', () => {
    render(<ParticipationList data={{ ...base, memberCount: 2, studiedCount: 1, items: [{ userId: '1', name: '张三', studied: true }, { userId: '2', name: '李四', studied: false }] }} />);

    expect(screen.queryByText('本组织下暂无成员')).toBeNull();
    expect(screen.getByText('可提醒一下')).toBeTruthy();
    expect(screen.getByText('已学习')).toBeTruthy();
  });
});
