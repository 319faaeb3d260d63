import { STUDY_LIMITS, type CreateLessonRequest, type ImageResponse, type LessonBlock, type LessonBlockType, type LessonDetail, type LessonKind } from '@torch-red/shared';
import type { LessonArticleContent } from '@/features/study/components/lesson-article';

/** One block being edited: its text (or an image's caption) and, for an image, where it is. */
export interface DraftBlock {
  /** Stable across reordering, for React and for the block's error message. */
  key: string;
  type: LessonBlockType;
  text: string;
  url?: string;
  /** A just-uploaded image's small copy, for the editor's thumbnail. */
  thumbUrl?: string;
}

/** The lesson editor's fields as typed (minutes stays text until checked). */
export interface LessonDraft {
  title: string;
  columnId: string | undefined;
  minutes: string;
  kind: LessonKind;
  videoUrl: string;
  summary: string;
  blocks: DraftBlock[];
}

let serial = 0;
const nextKey = () => `b${(serial += 1)}`;

export const newBlock = (type: Exclude<LessonBlockType, 'image'>): DraftBlock => ({ key: nextKey(), type, text: '' });
export const imageBlock = (image: ImageResponse): DraftBlock => ({ key: nextKey(), type: 'image', text: '', url: image.url, thumbUrl: image.thumbUrl });

export function toDraft(lesson: LessonDetail | undefined, columnId?: string): LessonDraft {
  if (!lesson) return { title: '', columnId, minutes: '5', kind: 'ARTICLE', videoUrl: '', summary: '', blocks: [newBlock('paragraph')] };
  return {
    title: lesson.title,
    columnId: lesson.columnId,
    minutes: String(lesson.minutes),
    kind: lesson.kind,
    videoUrl: lesson.videoUrl ?? '',
    summary: lesson.summary,
    blocks: lesson.blocks.map((b) => ({ key: nextKey(), type: b.type, text: b.text ?? '', ...(b.url ? { url: b.url } : {}) })),
  };
}

/** Moves one block a place up (-1) or down (1); at either end nothing moves. */
export function moveBlock(blocks: DraftBlock[], index: number, direction: -1 | 1): DraftBlock[] {
  const to = index + direction;
  if (to < 0 || to >= blocks.length) return blocks;
  const moved = [...blocks];
  [moved[index], moved[to]] = [moved[to], moved[index]];
  return moved;
}

const toBlock = (b: DraftBlock): LessonBlock => {
  const text = b.text.trim();
  if (b.type === 'image') return { type: 'image', url: b.url, ...(text ? { text } : {}) };
  return { type: b.type, text };
};

/** What the server is sent (its fields, trimmed); the column is checked before this is called. */
export function toRequest(draft: LessonDraft): Omit<CreateLessonRequest, 'status'> {
  return {
    columnId: draft.columnId ?? '',
    title: draft.title.trim(),
    kind: draft.kind,
    summary: draft.summary.trim(),
    minutes: Number(draft.minutes),
    videoUrl: draft.kind === 'VIDEO' ? draft.videoUrl.trim() : null,
    blocks: draft.blocks.map(toBlock),
  };
}

/** The draft as the member page would show it (预览), before it is saved. */
export function toArticle(draft: LessonDraft, saved?: LessonDetail): LessonArticleContent {
  const minutes = Number(draft.minutes);
  return {
    title: draft.title.trim() || '（未填写标题）',
    kind: draft.kind,
    minutes: Number.isInteger(minutes) && minutes > 0 ? minutes : 0,
    summary: draft.summary.trim(),
    isSample: saved?.isSample ?? false,
    videoUrl: draft.kind === 'VIDEO' ? draft.videoUrl.trim() || null : null,
    coverUrl: saved?.coverUrl ?? null,
    blocks: draft.blocks.map(toBlock),
  };
}

export const blockErrorKey = (block: DraftBlock) => `block:${block.key}`;

/**
 * The problems to show beside the fields, in the admin's words: `{ field: message }`, a block's under
 * `block:<key>`. Publishing asks a little more: an article needs some text to read.
 */
export function checkDraft(draft: LessonDraft, publishing: boolean): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!draft.title.trim()) problems.title = '请填写课程标题';
  else if (draft.title.trim().length > STUDY_LIMITS.titleMaxLength) problems.title = `标题不超过 ${STUDY_LIMITS.titleMaxLength} 字`;
  if (!draft.columnId) problems.columnId = '请选择专栏';
  const minutes = Number(draft.minutes);
  if (!/^\d+$/.test(draft.minutes.trim()) || minutes < 1 || minutes > 180) problems.minutes = '请填写 1 到 180 之间的整数分钟';
  if (draft.kind === 'VIDEO') {
    const url = draft.videoUrl.trim();
    if (!url) problems.videoUrl = '视频课程需要填写视频地址';
    else if (!/^https?:\/\/[^\s<>"']+$/.test(url)) problems.videoUrl = '视频地址应以 http:// 或 https:// 开头';
  }
  if (draft.blocks.length > STUDY_LIMITS.blocksMax) problems.blocks = `内容块不超过 ${STUDY_LIMITS.blocksMax} 个`;
  else if (publishing && draft.kind === 'ARTICLE' && !draft.blocks.some((b) => b.type !== 'image' && b.text.trim())) problems.blocks = '图文课程至少要有一段文字才能发布';
  for (const block of draft.blocks) {
    if (block.type === 'image') {
      if (!block.url) problems[blockErrorKey(block)] = '请上传图片或删除这一块';
    } else if (!block.text.trim()) problems[blockErrorKey(block)] = '请填写内容或删除这一块';
    if (block.text.length > STUDY_LIMITS.textMaxLength) problems[blockErrorKey(block)] = `每段不超过 ${STUDY_LIMITS.textMaxLength} 字`;
  }
  return problems;
}

/** The server's field errors (`blocks.2.text`) placed on the fields and blocks they name. */
export function placeServerErrors(draft: LessonDraft, fields: Record<string, string>): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    const block = /^blocks\.(\d+)/.exec(field);
    const target = block ? draft.blocks[Number(block[1])] : undefined;
    placed[target ? blockErrorKey(target) : field.split('.')[0]] = message;
  }
  return placed;
}
