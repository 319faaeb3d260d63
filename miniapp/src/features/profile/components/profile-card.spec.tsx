import { render, screen } from '@testing-library/react';
import { buildMe } from '@test/factories/me.factory';
import { ProfileCard } from './profile-card';

describe('ProfileCard', () => {
  it('shows the name, Chinese role labels, political status and masked phone', () => {
    render(
      <ProfileCard
        me={buildMe({
          name: '刘洋',
          roles: [{ role: 'MEMBER' }, { role: 'SECRETARY', orgId: 'org-1' }, { role: 'SECRETARY', orgId: 'org-2' }],
          phone: '139****0001',
        })}
      />,
    );

    expect(screen.getByText('刘洋')).toBeTruthy();
    expect(screen.getByText('刘').className).toContain('avatar__initial');
    const roleLabels = Array.from(document.querySelectorAll('.profile-card__role')).map((role) => role.textContent);
    expect(roleLabels).toEqual(['成员', '支部书记']);
    expect(screen.queryByText('SECRETARY')).toBeNull();
    expect(screen.getByText('139****0001')).toBeTruthy();
    expect(screen.getByText('正式党员')).toBeTruthy();
    expect(screen.getByText('明阳风电党支部')).toBeTruthy();
    expect(screen.getByText('明阳风电')).toBeTruthy();
  });

  it('marks sample people', () => {
    const { rerender } = render(<ProfileCard me={buildMe({ isSample: true })} />);
    expect(screen.getByText('示例数据')).toBeTruthy();

    rerender(<ProfileCard me={buildMe({ isSample: false })} />);
    expect(screen.queryByText('示例数据')).toBeNull();
  });

  it('says what is missing instead of leaving blanks', () => {
    render(
      <ProfileCard
        me={buildMe({ orgId: undefined, orgName: undefined, enterpriseId: undefined, enterpriseName: undefined, phone: undefined, politicalStatus: undefined })}
      />,
    );

    expect(screen.getByText('未加入党组织')).toBeTruthy();
    expect(screen.getByText('未关联企业')).toBeTruthy();
    expect(screen.getByText('未绑定')).toBeTruthy();
    expect(screen.queryByText('正式党员')).toBeNull();
  });

  it('never says 正式党员 beside 未加入党组织: a party status shows only with the branch that records it', () => {
    const { rerender } = render(<ProfileCard me={buildMe({ orgId: undefined, orgName: undefined, politicalStatus: 'FULL_MEMBER' })} />);
    expect(screen.getByText('未加入党组织')).toBeTruthy();
    expect(screen.queryByText('正式党员')).toBeNull();

    rerender(<ProfileCard me={buildMe({ orgId: undefined, orgName: undefined, politicalStatus: 'MASSES' })} />);
    expect(screen.getByText('群众')).toBeTruthy();

    rerender(<ProfileCard me={buildMe({ politicalStatus: 'PROBATIONARY_MEMBER' })} />);
    expect(screen.getByText('预备党员')).toBeTruthy();
  });
});
