import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { LessonSummary } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { listColumns, listLessons } from '@/features/study/api';
import { LessonItem } from '@/features/study/components/lesson-item';
import { usePagedList } from '@/hooks/use-paged-list';
import { useQuery } from '@/hooks/use-query';
import { ROUTES, withQuery } from '@/services/routes';
import './index.scss';

/** 专栏: the column named at the top with how much of it I have read, then its lessons (begun ones say how far). */
export default function StudyColumnPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const signedIn = useRequireSession();
  // Reloaded on show: back from the reader, the 已学 marks and the time so far may have changed.
  const list = usePagedList((cursor) => listLessons(id, { limit: 20, cursor }), { key: `study:column:${id}`, enabled: signedIn && id !== '', refreshOnShow: true });
  // The same list as 学习's (one cache): the column's name, description and 已学 count.
  const columns = useQuery(listColumns, { key: 'study:columns', enabled: signedIn, refreshOnShow: true });
  const column = columns.data?.find((c) => c.id === id);
  const name = column?.name ?? (params.name ? decodeURIComponent(params.name) : '');

  useEffect(() => {
    if (name) {
      void Taro.setNavigationBarTitle({ title: name });
    }
  }, [name]);

  const open = (lesson: LessonSummary) => void Taro.navigateTo({ url: withQuery(ROUTES.lesson, { id: lesson.id }) });

  return (
    <PageShell className="study-column-page">
      <View className="study-column-page__header">
        <Text className="study-column-page__title">{name || '学习专栏'}</Text>
        {column?.description ? <Text className="study-column-page__subtitle">{column.description}</Text> : null}
        {column ? (
          <Text className="study-column-page__count">
            共 {column.lessonCount} 篇 · 已学 {column.completedCount} 篇
          </Text>
        ) : null}
      </View>
      <View className="study-column-page__list">
        <PagedList list={list} onRefresh={columns.reload} empty={<EmptyState icon="study" title="本专栏暂无内容" description="新的文章和视频发布后会出现在这里" />}>
          {(items) => items.map((lesson) => <LessonItem key={lesson.id} lesson={lesson} onClick={open} />)}
        </PagedList>
      </View>
    </PageShell>
  );
}
