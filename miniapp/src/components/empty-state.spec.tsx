import { render, screen } from '@testing-library/react';
import { EmptyState } from './empty-state';

describe('EmptyState', () => {
  it('draws the sign that fits its content', () => {
    render(<EmptyState icon="message" title="暂无消息" />);

    expect(screen.getByText('信').className).toContain('page-state__emblem-glyph--message');
  });

  it('has a sign for each kind of content, no two alike', () => {
    const icons = ['activity', 'message', 'people', 'need', 'study', 'brand', 'talk', 'document', 'appeal', 'review', 'org', 'visit', 'rank', 'code', 'chain', 'signin'] as const;
    const glyphs = icons.map((icon) => {
      const { container, unmount } = render(<EmptyState icon={icon} title="空" />);
      const glyph = container.querySelector('.page-state__emblem-glyph')?.textContent ?? '';
      unmount();
      return glyph;
    });
    expect(glyphs.every((glyph) => glyph.length === 1)).toBe(true);
    expect(new Set(glyphs).size).toBe(icons.length);
  });
});
