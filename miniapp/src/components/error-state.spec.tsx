import { fireEvent, render, screen } from '@testing-library/react';
import { getCurrentPages, navigateBack, reLaunch, resetTaroMock } from '@test/__mocks__/taro';
import { ErrorState } from './error-state';

function tap(text: string): void {
  const button = screen.getByText(text).closest('.nut-button');
  if (!(button instanceof HTMLElement)) throw new Error(`no ${text} button`);
  fireEvent.click(button);
}

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

  it('goes back to the page it came from', () => {
    resetTaroMock();
    getCurrentPages.mockReturnValue([{ route: 'pages/index/index' }, { route: 'pages/activity-detail/index' }]);
    render(<ErrorState message="内容不存在或无权查看" statusCode={404} />);

    expect(screen.getByText('没有找到')).toBeTruthy();
    tap('返回');

    expect(navigateBack).toHaveBeenCalledTimes(1);
    expect(reLaunch).not.toHaveBeenCalled();
  });

  it('goes home when the page was opened directly', () => {
    resetTaroMock();
    getCurrentPages.mockReturnValue([{ route: 'pages/activity-detail/index' }]);
    render(<ErrorState message="没有权限" statusCode={403} onRetry={jest.fn()} />);

    expect(screen.getByText('无权查看')).toBeTruthy();
    tap('回首页');

    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
    expect(navigateBack).not.toHaveBeenCalled();
  });
});
