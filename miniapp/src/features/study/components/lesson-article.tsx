import type { ReactNode } from 'react';
import { Text, Video, View } from '@tarojs/components';
import { LESSON_KIND_LABELS, type LessonDetail } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { buildUrl } from '@/services/http';
import { LessonBlocks } from './lesson-blocks';
import './lesson-article.scss';

/** Server paths (`/api/files/…`) need the API origin in weapp; full URLs pass through. */
const mediaSrc = (url: string) => (/^https?:\/\//.test(url) ? url : buildUrl(url));

/** What the article shows of a lesson: a saved one, or the admin's unsaved draft in 预览. */
export type LessonArticleContent = Pick<LessonDetail, 'title' | 'kind' | 'minutes' | 'summary' | 'isSample' | 'videoUrl' | 'coverUrl' | 'blocks'>;

interface LessonArticleProps {
  lesson: LessonArticleContent;
  /** Below the body (the member page's note on how time is counted). */
  children?: ReactNode;
}

/** A lesson as members read it: title, kind and length, summary, the video or the article's blocks. */
export function LessonArticle({ lesson, children }: LessonArticleProps) {
  return (
    <View className="lesson-article">
      <Text className="lesson-article__title">{lesson.title}</Text>
      <View className="lesson-article__meta">
        <StatusTag text={LESSON_KIND_LABELS[lesson.kind]} tone={lesson.kind === 'VIDEO' ? 'info' : 'brand'} />
        <Text className="lesson-article__minutes">约 {lesson.minutes} 分钟</Text>
        {lesson.isSample ? <StatusTag className="lesson-article__sample" text="示例内容" tone="gold" /> : null}
      </View>
      {lesson.summary ? <Text className="lesson-article__summary">{lesson.summary}</Text> : null}
      {lesson.kind === 'VIDEO' && lesson.videoUrl ? (
        <Video className="lesson-article__video" src={mediaSrc(lesson.videoUrl)} controls showFullscreenBtn objectFit="contain" poster={lesson.coverUrl ? mediaSrc(lesson.coverUrl) : undefined} />
      ) : null}
      <LessonBlocks blocks={lesson.blocks} />
      {children}
    </View>
  );
}
