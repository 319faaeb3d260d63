import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { RatingStars } from './rating-stars';
import { RatePanel } from './rate-panel';

const litStars = (container: HTMLElement) => container.querySelectorAll('.rating-stars__star--on').length;

describe('RatingStars', () => {
  it('lights as many stars as the score and names it', () => {
    const { container } = render(<RatingStars value={4} />);
    expect(litStars(container)).toBe(4);
    expect(screen.getByText('满意')).toBeTruthy();
  });

  it('reports the tapped star', () => {
    const handleChange = jest.fn();
    const { container } = render(<RatingStars value={0} onChange={handleChange} />);
    expect(litStars(container)).toBe(0);
    expect(screen.getByText('请点星评分')).toBeTruthy();

    const third = container.querySelector('[data-score="3"]');
    if (!third) throw new Error('no third star');
    fireEvent.click(third);
    expect(handleChange).toHaveBeenCalledWith(3);
  });
});

describe('RatePanel', () => {
  it('asks for stars before sending, then sends the score and the trimmed comment', async () => {
    const handleRate = jest.fn().mockResolvedValue(undefined);
    const { container } = render(<RatePanel onRate={handleRate} onReopen={jest.fn()} />);
    const submit = screen.getByText('确认办结并评价').closest('.nut-button');
    if (!(submit instanceof HTMLElement)) throw new Error('no submit');

    fireEvent.click(submit);
    expect(await screen.findByText('请先点星评分')).toBeTruthy();
    expect(handleRate).not.toHaveBeenCalled();

    const fifth = container.querySelector('[data-score="5"]');
    if (!fifth) throw new Error('no fifth star');
    fireEvent.click(fifth);
    const comment = container.querySelector('.rate-panel__comment textarea, .rate-panel__comment input');
    if (!comment) throw new Error('no comment box');
    fireEvent.change(comment, { target: { value: ' 经发局当天就对接了供应商 ' } });
    fireEvent.click(submit);

    expect(handleRate).toHaveBeenCalledWith({ rating: 5, comment: '经发局当天就对接了供应商' });
    // Settles once the answer is in.
    await waitFor(() => expect(submit.className).not.toContain('nut-button-loading'));
  });

  it('offers reopening only when the server says the need may be reopened', () => {
    const handleReopen = jest.fn();
    const { unmount } = render(<RatePanel onRate={jest.fn()} onReopen={handleReopen} />);
    fireEvent.click(screen.getByText('问题没有解决？重新提出 ›'));
    expect(handleReopen).toHaveBeenCalled();
    unmount();
    render(<RatePanel onRate={jest.fn()} />);
    expect(screen.queryByText('问题没有解决？重新提出 ›')).toBeNull();
  });
});
