import { useEffect, useRef } from 'react';
import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import type { LessonSummary } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { ListFooter } from '@/components/list-footer';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { listLessons } from '@/features/study/api';
import { LessonItem } from '@/features/study/components/lesson-item';
import { usePagedList } from '@/hooks/use-paged-list';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

export default function StudyColumnPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const name = params.name ? decodeURIComponent(params.name) : '';
  const signedIn = useRequireSession();
  const list = usePagedList((cursor) => listLessons(id, { limit: 20, cursor }), `column:${id}`, signedIn && id !== '');
  const shownBefore = useRef(false);

  useEffect(() => {
    if (name) {
      void Taro.setNavigationBarTitle({ title: name });
    }
  }, [name]);
  useDidShow(() => {
    // Back from the reader: the 已学 marks may have changed.
    if (shownBefore.current) {
      void list.reload();
    }
    shownBefore.current = true;
  });
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });

  const open = (lesson: LessonSummary) => void Taro.navigateTo({ url: withQuery(ROUTES.lesson, { id: lesson.id }) });

  let content;
  if (list.error && list.items.length === 0) {
    content = <ErrorState message={list.error.message} onRetry={() => void list.reload()} />;
  } else if (list.loading && list.items.length === 0) {
    content = <LoadingState cards={3} />;
  } else if (list.items.length === 0) {
    content = <EmptyState title="本专栏暂无内容" description="新的文章和视频发布后会出现在这里" />;
  } else {
    content = (
      <>
        {list.items.map((lesson) => (
          <LessonItem key={lesson.id} lesson={lesson} onClick={open} />
        ))}
        <ListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} count={list.items.length} />
      </>
    );
  }

  return (
    <PageShell className="study-column-page">
      <View className="study-column-page__list">{content}</View>
    </PageShell>
  );
}
