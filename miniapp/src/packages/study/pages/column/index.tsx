import { useEffect } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { LessonSummary } from '@torch-red/shared';
import { EmptyState } from '@/components/empty-state';
import { PageShell } from '@/components/page-shell';
import { PagedList } from '@/components/paged-list';
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
  // Reloaded on show: back from the reader, the 已学 marks may have changed.
  const list = usePagedList((cursor) => listLessons(id, { limit: 20, cursor }), { key: `study:column:${id}`, enabled: signedIn && id !== '', refreshOnShow: true });

  useEffect(() => {
    if (name) {
      void Taro.setNavigationBarTitle({ title: name });
    }
  }, [name]);

  const open = (lesson: LessonSummary) => void Taro.navigateTo({ url: withQuery(ROUTES.lesson, { id: lesson.id }) });

  return (
    <PageShell className="study-column-page">
      <View className="study-column-page__list">
        <PagedList list={list} empty={<EmptyState icon="study" title="本专栏暂无内容" description="新的文章和视频发布后会出现在这里" />}>
          {(items) => items.map((lesson) => <LessonItem key={lesson.id} lesson={lesson} onClick={open} />)}
        </PagedList>
      </View>
    </PageShell>
  );
}
