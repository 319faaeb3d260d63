import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { LessonDetail } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { getLesson } from '@/features/study/api';
import { LessonArticle } from '@/features/study/components/lesson-article';
import { StudyClockBar } from '@/features/study/components/study-clock-bar';
import { useStudyHeartbeat } from '@/features/study/hooks/use-study-heartbeat';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { useQuery } from '@/hooks/use-query';
import './index.scss';

export default function LessonPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const signedIn = useRequireSession();
  const lesson = useQuery(() => getLesson(id), { key: `study:lesson:${id}`, enabled: signedIn && id !== '' });
  // Opening the lesson signs in for the day; the timed session starts once it has loaded.
  const clock = useStudyHeartbeat(id, lesson.data !== undefined);

  usePullToRefresh(lesson.reload);

  const renderLesson = (data: LessonDetail) => (
    <>
      <StudyClockBar lesson={data} clock={clock} />
      <LessonArticle lesson={data}>
        <Text className="lesson-page__end">— 学习时长以服务器计时为准，离开页面即暂停计时 —</Text>
      </LessonArticle>
    </>
  );

  return (
    <PageShell className="lesson-page">
      <QueryView query={lesson} loadingCards={2} stateClassName="lesson-page__state">
        {renderLesson}
      </QueryView>
    </PageShell>
  );
}
