import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { Page } from '@torch-red/shared';
import Taro, { resetTaroMock, usePullDownRefresh, useReachBottom } from '@test/__mocks__/taro';
import { clearCache } from '@/hooks/query-cache';
import { usePagedList, type PagedListState } from '@/hooks/use-paged-list';
import { ApiError } from '@/services/http';
import { EmptyState } from './empty-state';
import { PagedList } from './paged-list';

const lastHandler = (hook: unknown) => {
  const calls = (hook as jest.Mock).mock.calls;
  return calls[calls.length - 1][0] as () => void;
};

const list = (state: Partial<PagedListState<string>>): PagedListState<string> => ({
  items: [],
  loading: false,
  loadingMore: false,
  hasMore: false,
  error: undefined,
  reload: jest.fn(() => Promise.resolve()),
  loadMore: jest.fn(() => Promise.resolve()),
  ...state,
});

const renderList = (state: PagedListState<string>, onRefresh?: () => Promise<unknown>) =>
  render(
    <PagedList list={state} empty={<EmptyState icon="activity" title="暂无活动" />} onRefresh={onRefresh}>
      {(items) => items.map((item) => <span key={item}>{item}</span>)}
    </PagedList>,
  );

beforeEach(() => {
  resetTaroMock();
  clearCache();
});

describe('PagedList', () => {
  it('shows skeletons, then the failure, then the empty state before there are items', () => {
    const { container, rerender } = renderList(list({ loading: true }));
    expect(container.querySelectorAll('.page-state__skeleton-card')).toHaveLength(3);

    rerender(
      <PagedList list={list({ error: new ApiError(0, 'NETWORK_ERROR', '网络连接失败') })} empty={<EmptyState icon="activity" title="暂无活动" />}>
        {(items) => items.join()}
      </PagedList>,
    );
    expect(screen.getByText('网络连接失败')).toBeTruthy();
    expect(screen.getByText('重新加载')).toBeTruthy();

    rerender(
      <PagedList list={list({})} empty={<EmptyState icon="activity" title="暂无活动" />}>
        {(items) => items.join()}
      </PagedList>,
    );
    expect(screen.getByText('暂无活动')).toBeTruthy();
  });

  it('shows the items with the line under them', () => {
    renderList(list({ items: ['主题党日', '座谈会'], hasMore: true }));

    expect(screen.getByText('主题党日')).toBeTruthy();
    expect(screen.getByText('上拉加载更多')).toBeTruthy();
  });

  it('reloads the list and the extras on pull-down, then lets go', async () => {
    const state = list({ items: ['主题党日'] });
    const onRefresh = jest.fn(() => Promise.resolve());
    renderList(state, onRefresh);

    act(() => lastHandler(usePullDownRefresh)());

    expect(state.reload).toHaveBeenCalledTimes(1);
    expect(onRefresh).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalledTimes(1));
  });

  it('loads the next page at the bottom', () => {
    const state = list({ items: ['主题党日'], hasMore: true });
    renderList(state);

    act(() => lastHandler(useReachBottom)());

    expect(state.loadMore).toHaveBeenCalledTimes(1);
  });
});

describe('usePagedList', () => {
  const pages: Record<string, Page<string>> = {
    first: { items: ['一', '二'], nextCursor: 'c2' },
    second: { items: ['三'], nextCursor: null },
  };

  it('appends the next page and caches what was loaded for the next visit', async () => {
    const fetchPage = jest.fn((cursor?: string) => Promise.resolve(cursor === 'c2' ? pages.second : pages.first));
    const first = renderHook(() => usePagedList(fetchPage, { key: 'me:notifications' }));
    await waitFor(() => expect(first.result.current.items).toEqual(['一', '二']));
    expect(first.result.current.hasMore).toBe(true);

    await act(() => first.result.current.loadMore());
    expect(first.result.current.items).toEqual(['一', '二', '三']);
    expect(first.result.current.hasMore).toBe(false);
    first.unmount();

    const again = renderHook(() => usePagedList(fetchPage, { key: 'me:notifications' }));
    expect(again.result.current.items).toEqual(['一', '二', '三']);
    await waitFor(() => expect(again.result.current.items).toEqual(['一', '二']));
  });

  it('drops an answer to a query that is no longer asked', async () => {
    let answerOld: (page: Page<string>) => void = () => undefined;
    const fetchPage = jest.fn((chain: string) =>
      chain === 'old' ? new Promise<Page<string>>((resolve) => (answerOld = resolve)) : Promise.resolve({ items: ['新链品牌'], nextCursor: null }),
    );
    let chain = 'old';
    const hook = renderHook(() => usePagedList(() => fetchPage(chain), { key: `brands:${chain}` }));
    chain = 'new';
    hook.rerender();
    await waitFor(() => expect(hook.result.current.items).toEqual(['新链品牌']));

    await act(async () => answerOld({ items: ['旧链品牌'], nextCursor: null }));
    expect(hook.result.current.items).toEqual(['新链品牌']);
  });
});
