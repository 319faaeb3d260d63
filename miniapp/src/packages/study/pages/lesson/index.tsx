import { Text, Video, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { LESSON_KIND_LABELS, type LessonDetail } from '@torch-red/shared';
import { PageShell } from '@/components/page-shell';
import { QueryView } from '@/components/query-view';
import { StatusTag } from '@/components/status-tag';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { getLesson } from '@/features/study/api';
import { LessonBlocks } from '@/features/study/components/lesson-blocks';
import { StudyClockBar } from '@/features/study/components/study-clock-bar';
import { useStudyHeartbeat } from '@/features/study/hooks/use-study-heartbeat';
import { usePullToRefresh } from '@/hooks/use-pull-to-refresh';
import { useQuery } from '@/hooks/use-query';
import { buildUrl } from '@/services/http';
import './index.scss';

const mediaSrc = (url: string) => (/^https?:\/\//.test(url) ? url : buildUrl(url));

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
      <View className="lesson-page__article">
        <Text className="lesson-page__title">{data.title}</Text>
        <View className="lesson-page__meta">
          <StatusTag text={LESSON_KIND_LABELS[data.kind]} tone={data.kind === 'VIDEO' ? 'info' : 'brand'} />
          <Text className="lesson-page__minutes">约 {data.minutes} 分钟</Text>
          {data.isSample ? <StatusTag className="lesson-page__sample" text="示例内容" tone="gold" /> : null}
        </View>
        {data.summary ? <Text className="lesson-page__summary">{data.summary}</Text> : null}
        {data.kind === 'VIDEO' && data.videoUrl ? (
          <Video className="lesson-page__video" src={mediaSrc(data.videoUrl)} controls showFullscreenBtn objectFit="contain" poster={data.coverUrl ? mediaSrc(data.coverUrl) : undefined} />
        ) : null}
        <LessonBlocks blocks={data.blocks} />
        <Text className="lesson-page__end">— 学习时长以服务器计时为准，离开页面即暂停计时 —</Text>
      </View>
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
