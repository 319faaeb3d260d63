import { render, screen } from '@testing-library/react';
import { EmptyState } from './empty-state';

describe('EmptyState', () => {
  it('draws the sign that fits its content', () => {
    render(<EmptyState icon="message" title="暂无消息" />);

    expect(screen.getByText('信').className).toContain('page-state__emblem-glyph--message');
    expect(document.querySelector('.page-state__emblem-box')).toBeNull();
  });

  it('falls back to the plain box without an icon', () => {
    render(<EmptyState title="暂无数据" />);

    expect(document.querySelector('.page-state__emblem-box')).not.toBeNull();
  });
});
