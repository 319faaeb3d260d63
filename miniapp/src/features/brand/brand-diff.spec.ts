import type { BrandContent } from '@torch-red/shared';
import { brandChanges } from './brand-diff';

const published: BrandContent = { name: '先锋支部', slogan: '创新创效', story: [{ type: 'paragraph', text: '支部介绍' }], coverImageId: '1', galleryImageIds: ['2', '3'], honours: ['示范点'] };

describe('brandChanges', () => {
  it('lists nothing for a first submission or an unchanged brand', () => {
    expect(brandChanges(null, published)).toEqual([]);
    expect(brandChanges(published, { ...published, story: [...published.story] })).toEqual([]);
  });

  it('names each changed field with what members see now and what would be published', () => {
    const changes = brandChanges(published, { ...published, slogan: '创新创效 先锋引领', story: [{ type: 'paragraph', text: '支部介绍' }, { type: 'image', imageId: '9' }], galleryImageIds: ['3', '4'], honours: [] });
    expect(changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ['品牌口号', '创新创效', '创新创效 先锋引领'],
      ['品牌故事', '', '〔图片〕'],
      ['风采展示', '2 张', '2 张（新增 1 张，移除 1 张）'],
      ['荣誉', '示范点', ''],
    ]);
  });

  it('notices a new cover and a reordered gallery', () => {
    const changes = brandChanges(published, { ...published, coverImageId: '8', galleryImageIds: ['3', '2'] });
    expect(changes.map((c) => [c.field, c.after])).toEqual([
      ['cover', '新封面'],
      ['gallery', '2 张（调整了顺序）'],
    ]);
  });

  it('shows only the story blocks taken out and put in, and how many stayed', () => {
    const paragraph = (text: string) => ({ type: 'paragraph' as const, text });
    const before = { ...published, story: [paragraph('一、由来'), paragraph('二、做法'), paragraph('三、成效')] };
    const [story] = brandChanges(before, { ...before, story: [paragraph('一、由来'), paragraph('二、做法（修订）'), paragraph('三、成效'), paragraph('四、展望')] });
    expect(story).toEqual({ field: 'story', label: '品牌故事', before: '二、做法', after: '二、做法（修订）\n四、展望', note: '其余 2 段未改动' });
    expect(brandChanges(before, { ...before, story: [paragraph('三、成效'), paragraph('一、由来'), paragraph('二、做法')] })[0]).toMatchObject({ before: '三、成效', after: '三、成效', note: '其余 2 段未改动' });
  });
});
