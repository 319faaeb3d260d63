import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { resetTaroMock, useDidShow } from '@test/__mocks__/taro';
import { clearCache } from '@/hooks/query-cache';
import { useQuery, type QueryResult } from '@/hooks/use-query';
import { ApiError } from '@/services/http';
import { setAccessToken } from '@/services/token-storage';
import { EmptyState } from './empty-state';
import { QueryView } from './query-view';

const query = <T,>(state: Partial<QueryResult<T>>): QueryResult<T> => ({ data: undefined, error: undefined, reload: jest.fn(() => Promise.resolve()), ...state });

function retryButton(): HTMLElement {
  const button = screen.getByText('重新加载').closest('.nut-button');
  if (!(button instanceof HTMLElement)) throw new Error('no retry button');
  return button;
}

/** The handler the last render registered with a Taro page hook. */
const lastHandler = (hook: unknown) => {
  const calls = (hook as jest.Mock).mock.calls;
  return calls[calls.length - 1][0] as () => void;
};

beforeEach(() => {
  resetTaroMock();
  clearCache();
});

describe('QueryView', () => {
  it('shows skeleton cards before the first answer', () => {
    const { container } = render(<QueryView query={query<string[]>({})} loadingCards={2}>{() => '内容'}</QueryView>);

    expect(container.querySelectorAll('.page-state__skeleton-card')).toHaveLength(2);
    expect(screen.queryByText('内容')).toBeNull();
  });

  it('shows the failure with 重新加载, which loads again', () => {
    const failed = query<string[]>({ error: new ApiError(500, 'INTERNAL', '服务器开小差了') });
    render(<QueryView query={failed}>{() => '内容'}</QueryView>);

    expect(screen.getByText('加载失败')).toBeTruthy();
    expect(screen.getByText('服务器开小差了')).toBeTruthy();
    fireEvent.click(retryButton());
    expect(failed.reload).toHaveBeenCalledTimes(1);
  });

  it('offers no retry for something that is gone (404)', () => {
    render(<QueryView query={query<string>({ error: new ApiError(404, 'NOT_FOUND', '活动不存在') })}>{() => '内容'}</QueryView>);

    expect(screen.getByText('活动不存在')).toBeTruthy();
    expect(screen.queryByText('重新加载')).toBeNull();
  });

  it('shows the empty state for an empty list, and the content otherwise', () => {
    const empty = <EmptyState icon="message" title="暂无消息" />;
    const { rerender } = render(<QueryView query={query<string[]>({ data: [] })} empty={empty}>{(items) => items.join('、')}</QueryView>);
    expect(screen.getByText('暂无消息')).toBeTruthy();

    rerender(<QueryView query={query<string[]>({ data: ['甲', '乙'] })} empty={empty}>{(items) => items.join('、')}</QueryView>);
    expect(screen.getByText('甲、乙')).toBeTruthy();
    expect(screen.queryByText('暂无消息')).toBeNull();
  });

  it('keeps showing the last data when a reload fails', () => {
    render(<QueryView query={query<string[]>({ data: ['甲'], error: new ApiError(0, 'NETWORK_ERROR', '网络连接失败') })}>{(items) => items.join('、')}</QueryView>);

    expect(screen.getByText('甲')).toBeTruthy();
    expect(screen.queryByText('加载失败')).toBeNull();
  });

  it('wraps the states, not the content, in the page\'s state class', () => {
    const { container, rerender } = render(<QueryView query={query<string>({})} stateClassName="detail-page__state">{(text) => text}</QueryView>);
    expect(container.querySelector('.detail-page__state')).not.toBeNull();

    rerender(<QueryView query={query<string>({ data: '详情' })} stateClassName="detail-page__state">{(text) => text}</QueryView>);
    expect(container.querySelector('.detail-page__state')).toBeNull();
  });
});

describe('useQuery cache', () => {
  it('shows the last answer at once when the page opens again, then refreshes it', async () => {
    const fetcher = jest.fn().mockResolvedValueOnce(['第一版']).mockResolvedValueOnce(['第二版']);
    const first = renderHook(() => useQuery(fetcher, { key: 'me:needs' }));
    await waitFor(() => expect(first.result.current.data).toEqual(['第一版']));
    first.unmount();

    const again = renderHook(() => useQuery(fetcher, { key: 'me:needs' }));
    expect(again.result.current.data).toEqual(['第一版']);
    await waitFor(() => expect(again.result.current.data).toEqual(['第二版']));
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('keeps nothing without a key', async () => {
    const fetcher = jest.fn().mockResolvedValue(['草稿']);
    const first = renderHook(() => useQuery(fetcher));
    await waitFor(() => expect(first.result.current.data).toEqual(['草稿']));
    first.unmount();

    const again = renderHook(() => useQuery(fetcher));
    expect(again.result.current.data).toBeUndefined();
    await waitFor(() => expect(again.result.current.data).toEqual(['草稿']));
  });

  it('forgets everything when the person changes', async () => {
    const first = renderHook(() => useQuery(() => Promise.resolve({ name: '张伟' }), { key: 'me' }));
    await waitFor(() => expect(first.result.current.data).toEqual({ name: '张伟' }));
    first.unmount();

    setAccessToken('another-person');

    const again = renderHook(() => useQuery(() => new Promise<{ name: string }>(() => undefined), { key: 'me' }));
    expect(again.result.current.data).toBeUndefined();
  });

  it('reloads when the page shows again, not on its first show, when asked to', async () => {
    const fetcher = jest.fn().mockResolvedValue([]);
    renderHook(() => useQuery(fetcher, { key: 'study:papers', refreshOnShow: true }));
    await waitFor(() => expect(fetcher).toHaveBeenCalledTimes(1));

    await act(async () => lastHandler(useDidShow)());
    expect(fetcher).toHaveBeenCalledTimes(1);
    await act(async () => lastHandler(useDidShow)());
    await waitFor(() => expect(fetcher).toHaveBeenCalledTimes(2));
  });

  it('does not reload on show unless asked to', async () => {
    const fetcher = jest.fn().mockResolvedValue([]);
    renderHook(() => useQuery(fetcher, { key: 'talks' }));
    await waitFor(() => expect(fetcher).toHaveBeenCalledTimes(1));

    await act(async () => lastHandler(useDidShow)());
    await act(async () => lastHandler(useDidShow)());
    await act(() => Promise.resolve());
    expect(fetcher).toHaveBeenCalledTimes(1);
  });
});
