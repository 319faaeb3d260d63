import { fireEvent, render, screen } from '@testing-library/react';
import { ErrorState } from './error-state';

describe('ErrorState', () => {
  it('shows the message and retries on tap', () => {
    const handleRetry = jest.fn();
    render(<ErrorState message="服务器开小差了，请稍后再试" onRetry={handleRetry} />);

    expect(screen.getByText('服务器开小差了，请稍后再试')).toBeTruthy();
    const retry = screen.getByText('重新加载').closest('.nut-button');
    if (!(retry instanceof HTMLElement)) {
      throw new Error('no retry button');
    }
    fireEvent.click(retry);

    expect(handleRetry).toHaveBeenCalledTimes(1);
  });

  it('offers no retry when there is nothing to retry', () => {
    render(<ErrorState message="内容不存在或无权查看" />);

    expect(screen.queryByText('重新加载')).toBeNull();
  });
});
