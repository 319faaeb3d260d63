import type { BrandContent, StoryBlock } from '@torch-red/shared';

export interface FieldChange {
  field: 'name' | 'slogan' | 'story' | 'cover' | 'gallery' | 'honours';
  label: string;
  /** What members see now, and what the reviewer is asked to publish (plain text; empty = 无). */
  before: string;
  after: string;
  /** What stayed, when only part of the field changed (the story's untouched blocks). */
  note?: string;
}

const blockText = (block: StoryBlock) => (block.type === 'image' ? '〔图片〕' : block.text);

/**
 * The story block by block: only the blocks taken out (before) and put in (after) — a rewritten paragraph is one
 * of each — found by the longest run of blocks both versions keep in order; null when nothing changed.
 */
function storyChange(published: StoryBlock[], current: StoryBlock[]): FieldChange | null {
  const a = published.map(blockText);
  const b = current.map(blockText);
  // kept[i][j]: how many blocks a[i..] and b[j..] keep in common, in order.
  const kept = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) kept[i][j] = a[i] === b[j] ? kept[i + 1][j + 1] + 1 : Math.max(kept[i + 1][j], kept[i][j + 1]);
  }
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i += 1;
      j += 1;
    } else if (j < b.length && (i === a.length || kept[i][j + 1] >= kept[i + 1][j])) {
      added.push(b[j]);
      j += 1;
    } else {
      removed.push(a[i]);
      i += 1;
    }
  }
  if (removed.length === 0 && added.length === 0) return null;
  const same = kept[0][0];
  return { field: 'story', label: '品牌故事', before: removed.join('\n'), after: added.join('\n'), note: same > 0 ? `其余 ${same} 段未改动` : undefined };
}
const count = (ids: string[]) => (ids.length > 0 ? `${ids.length} 张` : '');

/** Field by field, what the submitted working copy changes in the published brand (nothing when first submitted). */
export function brandChanges(published: BrandContent | null, current: BrandContent): FieldChange[] {
  if (!published) return [];
  const changes: FieldChange[] = [];
  const add = (field: FieldChange['field'], label: string, before: string, after: string) => {
    if (before !== after) changes.push({ field, label, before, after });
  };
  add('name', '品牌名称', published.name, current.name);
  add('slogan', '品牌口号', published.slogan, current.slogan);
  const story = storyChange(published.story, current.story);
  if (story) changes.push(story);
  if (published.coverImageId !== current.coverImageId) {
    changes.push({ field: 'cover', label: '封面', before: published.coverImageId ? '原封面' : '', after: current.coverImageId ? '新封面' : '' });
  }
  if (published.galleryImageIds.join() !== current.galleryImageIds.join()) {
    const added = current.galleryImageIds.filter((id) => !published.galleryImageIds.includes(id)).length;
    const removed = published.galleryImageIds.filter((id) => !current.galleryImageIds.includes(id)).length;
    const moved = added === 0 && removed === 0 ? '（调整了顺序）' : `（新增 ${added} 张，移除 ${removed} 张）`;
    changes.push({ field: 'gallery', label: '风采展示', before: count(published.galleryImageIds), after: `${count(current.galleryImageIds) || '无'}${moved}` });
  }
  add('honours', '荣誉', published.honours.join('、'), current.honours.join('、'));
  return changes;
}
