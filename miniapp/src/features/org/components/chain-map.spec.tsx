import { fireEvent, render, screen, within } from '@testing-library/react';
import { buildChain, buildEnterprise } from '@test/factories/chain.factory';
import { ChainMap } from './chain-map';

const windPower = buildChain({
  name: '风电装备产业链',
  industry: '新能源装备',
  enterprises: [
    buildEnterprise({ name: '明阳风电', chainRole: 'LEADER' }),
    buildEnterprise({ name: '金祥寓', chainRole: 'CORE' }),
    buildEnterprise({ name: '多维时空', chainRole: 'CORE' }),
    buildEnterprise({ name: '庆北机械', chainRole: 'MEMBER' }),
  ],
});
const chemicals = buildChain({
  name: '绿色化工产业链',
  industry: '石化',
  enterprises: [buildEnterprise({ name: '亿鑫化工', chainRole: 'CORE' }), buildEnterprise({ name: '高新塑业', chainRole: 'MEMBER' })],
});

function cardOf(chainName: string): HTMLElement {
  const card = screen.getByText(chainName).closest('.chain-card');
  if (!(card instanceof HTMLElement)) {
    throw new Error(`no card for ${chainName}`);
  }
  return card;
}

function groupOf(card: HTMLElement, tone: 'core' | 'member'): HTMLElement {
  const group = card.querySelector(`.chain-card__group--${tone}`);
  if (!(group instanceof HTMLElement)) {
    throw new Error(`no ${tone} group`);
  }
  return group;
}

describe('ChainMap', () => {
  it('summarises the chains and enterprises', () => {
    render(<ChainMap chains={[windPower, chemicals]} />);

    expect(screen.getByText('2 条产业链 · 6 家企业')).toBeTruthy();
  });

  it('puts the leader, core and member enterprises of each chain in their own groups', () => {
    render(<ChainMap chains={[windPower, chemicals]} />);
    const card = cardOf('风电装备产业链');

    const leader = card.querySelector('.chain-card__leader');
    expect(leader?.textContent).toBe('链长企业明阳风电');
    expect(within(card).getByText('新能源装备')).toBeTruthy();

    const core = groupOf(card, 'core');
    expect(within(core).getByText('核心企业')).toBeTruthy();
    expect(Array.from(core.querySelectorAll('.chain-card__chip')).map((chip) => chip.textContent)).toEqual(['金祥寓', '多维时空']);

    const member = groupOf(card, 'member');
    expect(within(member).getByText('链上企业')).toBeTruthy();
    expect(Array.from(member.querySelectorAll('.chain-card__chip')).map((chip) => chip.textContent)).toEqual(['庆北机械']);
    expect(within(member).queryByText('明阳风电')).toBeNull();
  });

  it('says so when a chain has no leader yet', () => {
    render(<ChainMap chains={[chemicals]} />);

    expect(cardOf('绿色化工产业链').querySelector('.chain-card__leader--missing')?.textContent).toBe('链长企业暂未确定');
  });

  it('says so when a chain has no enterprises yet', () => {
    render(<ChainMap chains={[buildChain({ name: '新材料产业链', enterprises: [] })]} />);

    const card = cardOf('新材料产业链');
    expect(within(card).getByText('该产业链暂无入链企业')).toBeTruthy();
    expect(card.querySelector('.chain-card__leader')).toBeNull();
  });

  it('shows an empty state when there are no chains', () => {
    render(<ChainMap chains={[]} />);

    expect(screen.getByText('暂无产业链')).toBeTruthy();
    expect(screen.queryByText(/条产业链/)).toBeNull();
  });

  it('opens the brand of an enterprise that has one, and only those', () => {
    const handleOpenBrand = jest.fn();
    const chain = buildChain({
      name: '风电装备产业链',
      enterprises: [
        buildEnterprise({ name: '明阳风电', chainRole: 'LEADER', brandId: 'brand-7' }),
        buildEnterprise({ name: '多维时空', chainRole: 'CORE', brandId: 'brand-9' }),
        buildEnterprise({ name: '庆北机械', chainRole: 'MEMBER', brandId: null }),
      ],
    });
    render(<ChainMap chains={[chain]} onOpenBrand={handleOpenBrand} />);

    fireEvent.click(screen.getByText('庆北机械'));
    expect(handleOpenBrand).not.toHaveBeenCalled();
    expect(screen.getByText('庆北机械').className).not.toContain('chain-card__chip--branded');

    fireEvent.click(screen.getByText('多维时空'));
    expect(handleOpenBrand).toHaveBeenLastCalledWith('brand-9');
    expect(screen.getByText('多维时空').className).toContain('chain-card__chip--branded');

    fireEvent.click(screen.getByText('明阳风电'));
    expect(handleOpenBrand).toHaveBeenLastCalledWith('brand-7');
    expect(handleOpenBrand).toHaveBeenCalledTimes(2);
  });
});
