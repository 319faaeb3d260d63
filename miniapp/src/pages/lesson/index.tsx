import { Text, Video, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { LESSON_KIND_LABELS } from '@torch-red/shared';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageShell } from '@/components/page-shell';
import { StatusTag } from '@/components/status-tag';
import { useRequireSession } from '@/features/auth/hooks/use-require-session';
import { getLesson } from '@/features/study/api';
import { LessonBlocks } from '@/features/study/components/lesson-blocks';
import { StudyClockBar } from '@/features/study/components/study-clock-bar';
import { useStudyHeartbeat } from '@/features/study/hooks/use-study-heartbeat';
import { useQuery } from '@/hooks/use-query';
import { buildUrl } from '@/services/http';
import './index.scss';

const mediaSrc = (url: string) => (/^https?:\/\//.test(url) ? url : buildUrl(url));

export default function LessonPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const signedIn = useRequireSession();
  const lesson = useQuery(() => getLesson(id), signedIn && id !== '');
  // Opening the lesson signs in for the day; the timed session starts once it has loaded.
  const clock = useStudyHeartbeat(id, lesson.data !== undefined);

  usePullDownRefresh(() => {
    void lesson.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (!lesson.data) {
    return (
      <PageShell className="lesson-page">
        <View className="lesson-page__state">
          {lesson.error ? (
            <ErrorState message={lesson.error.message} onRetry={lesson.error.statusCode === 404 ? undefined : () => void lesson.reload()} />
          ) : (
            <LoadingState cards={2} />
          )}
        </View>
      </PageShell>
    );
  }

  const data = lesson.data;
  return (
    <PageShell className="lesson-page">
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
    </PageShell>
  );
}
