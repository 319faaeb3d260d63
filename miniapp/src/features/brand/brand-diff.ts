import type { BrandContent, StoryBlock } from '@torch-red/shared';

export interface FieldChange {
  field: 'name' | 'slogan' | 'story' | 'cover' | 'gallery' | 'honours';
  label: string;
  /** What members see now, and what the reviewer is asked to publish (plain text; empty = 无). */
  before: string;
  after: string;
}

const storyText = (blocks: StoryBlock[]) =>
  blocks.map((block) => (block.type === 'image' ? '〔图片〕' : block.text)).join('\n');
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
  add('story', '品牌故事', storyText(published.story), storyText(current.story));
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
