import { fireEvent, render, screen } from '@testing-library/react';
import { buildBrandSummary, buildImage } from '@test/factories/brand.factory';
import { BrandCard } from './brand-card';

describe('BrandCard', () => {
  it('draws a designed placeholder with the brand’s own words when there is no cover, in a tone of its own', () => {
    const { rerender } = render(<BrandCard brand={buildBrandSummary({ name: '金祥寓党支部“三服一创两满意”', cover: null })} />);

    expect(document.querySelector('.brand-cover--placeholder')).not.toBeNull();
    expect(document.querySelector('.brand-cover__motto')?.textContent).toBe('三服一创两满意');
    expect(document.querySelector('.brand-cover__emblem')).not.toBeNull();
    const tones = new Set<string>();
    for (const name of ['明阳风电“链上红帆”', '多维时空“数智先锋”', '亿鑫化工“安全红哨”', '金祥寓党支部']) {
      rerender(<BrandCard brand={buildBrandSummary({ name, cover: null })} />);
      tones.add(document.querySelector('.brand-cover')!.className.match(/brand-cover--tone-\d/)![0]);
    }
    expect(tones.size).toBeGreaterThan(1);
    expect(document.querySelector('.brand-cover__motto')?.textContent).toBe('金祥寓党支部');
    expect(document.querySelector('.brand-cover__image')).toBeNull();
  });

  it('shows the cover photo when there is one', () => {
    render(<BrandCard brand={buildBrandSummary({ cover: buildImage() })} />);

    expect(document.querySelector('.brand-cover__image')).not.toBeNull();
    expect(document.querySelector('.brand-cover--placeholder')).toBeNull();
  });

  it('marks a demonstration point with its year', () => {
    render(<BrandCard brand={buildBrandSummary({ isDemoPoint: true, demoPointYear: 2024 })} />);

    expect(document.querySelector('.brand-card__demo')?.textContent).toBe('2024 年示范点');
    expect(document.querySelector('.brand-card--demo')).not.toBeNull();
  });

  it('has no badge for an ordinary brand, and 示例 only for sample content', () => {
    const { rerender } = render(<BrandCard brand={buildBrandSummary({ isDemoPoint: false, demoPointYear: null, isSample: false })} />);
    expect(document.querySelector('.brand-card__demo')).toBeNull();
    expect(screen.queryByText('示例')).toBeNull();

    rerender(<BrandCard brand={buildBrandSummary({ isSample: true })} />);
    expect(screen.getByText('示例')).toBeTruthy();
  });

  it('shows honours, place and counts, and opens on tap', () => {
    const brand = buildBrandSummary({ honours: ['专精特新“小巨人”企业', '国家级工业设计企业'], viewCount: 12345, likeCount: 8 });
    const handleClick = jest.fn();
    render(<BrandCard brand={brand} onClick={handleClick} />);

    expect(Array.from(document.querySelectorAll('.status-tag')).map((tag) => tag.textContent)).toEqual(['专精特新“小巨人”企业', '国家级工业设计企业']);
    expect(document.querySelector('.brand-card__place')?.textContent).toBe('明阳风电 · 风电装备产业链');
    expect(document.querySelector('.brand-card__counts')?.textContent).toBe('浏览 1.2万 · 点赞 8');

    fireEvent.click(screen.getByText(brand.name));
    expect(handleClick).toHaveBeenCalledWith(brand);
  });
});
