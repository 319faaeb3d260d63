import type { LessonDetail } from '@torch-red/shared';
import { blockErrorKey, checkDraft, imageBlock, moveBlock, newBlock, placeServerErrors, toArticle, toDraft, toRequest, type LessonDraft } from './lesson-draft';

const image = { id: '7', url: '/api/files/img/7', thumbUrl: '/api/files/img/7/thumb', width: 96, height: 64 };

function draftOf(overrides: Partial<LessonDraft> = {}): LessonDraft {
  return { ...toDraft(undefined, '3'), title: '链长制学习', blocks: [{ ...newBlock('paragraph'), text: '正文' }], ...overrides };
}

describe('the lesson editor draft', () => {
  it('starts a new lesson in the chosen column with one empty paragraph', () => {
    const draft = toDraft(undefined, '3');
    expect(draft).toMatchObject({ title: '', columnId: '3', minutes: '5', kind: 'ARTICLE', videoUrl: '' });
    expect(draft.blocks.map((b) => [b.type, b.text])).toEqual([['paragraph', '']]);
  });

  it('sends trimmed fields, an image with its caption, and no video address for an article', () => {
    const caption = { ...imageBlock(image), text: '  现场照片 ' };
    const body = toRequest(draftOf({ title: ' 标题 ', minutes: '12', videoUrl: 'https://x/v.mp4', blocks: [{ ...newBlock('heading'), text: ' 一、背景 ' }, caption, imageBlock(image)] }));
    expect(body).toEqual({
      columnId: '3',
      title: '标题',
      kind: 'ARTICLE',
      summary: '',
      minutes: 12,
      videoUrl: null,
      blocks: [
        { type: 'heading', text: '一、背景' },
        { type: 'image', url: image.url, text: '现场照片' },
        { type: 'image', url: image.url },
      ],
    });
  });

  it('reads a saved lesson back into the same blocks', () => {
    const lesson = { columnId: '4', title: 'T', minutes: 8, kind: 'VIDEO', videoUrl: 'https://v', summary: 'S', blocks: [{ type: 'quote', text: 'Q' }, { type: 'image', url: '/u', text: 'C' }] } as LessonDetail;
    const draft = toDraft(lesson);
    expect(toRequest(draft)).toEqual({ columnId: '4', title: 'T', kind: 'VIDEO', summary: 'S', minutes: 8, videoUrl: 'https://v', blocks: lesson.blocks });
  });

  it('moves blocks within the list and never past either end', () => {
    const [a, b, c] = [newBlock('paragraph'), newBlock('heading'), newBlock('quote')];
    expect(moveBlock([a, b, c], 2, -1)).toEqual([a, c, b]);
    expect(moveBlock([a, b, c], 0, 1)).toEqual([b, a, c]);
    expect(moveBlock([a, b, c], 0, -1)).toEqual([a, b, c]);
    expect(moveBlock([a, b, c], 2, 1)).toEqual([a, b, c]);
  });

  it('names each problem in Chinese beside its field or block', () => {
    const empty = newBlock('paragraph');
    const problems = checkDraft({ title: ' ', columnId: undefined, minutes: '0', kind: 'VIDEO', videoUrl: 'ftp://x', summary: '', blocks: [empty] }, false);
    expect(problems).toEqual({
      title: '请填写课程标题',
      columnId: '请选择专栏',
      minutes: '请填写 1 到 180 之间的整数分钟',
      videoUrl: '视频地址应以 http:// 或 https:// 开头',
      [blockErrorKey(empty)]: '请填写内容或删除这一块',
    });
    expect(checkDraft(draftOf({ kind: 'VIDEO', videoUrl: '' }), false)).toEqual({ videoUrl: '视频课程需要填写视频地址' });
    expect(checkDraft(draftOf({ minutes: '1.5' }), false)).toEqual({ minutes: '请填写 1 到 180 之间的整数分钟' });
    expect(checkDraft(draftOf(), false)).toEqual({});
  });

  it('lets an article with only pictures be saved as a draft but not published', () => {
    const pictures = draftOf({ blocks: [imageBlock(image)] });
    expect(checkDraft(pictures, false)).toEqual({});
    expect(checkDraft(pictures, true)).toEqual({ blocks: '图文课程至少要有一段文字才能发布' });
    expect(checkDraft(draftOf({ kind: 'VIDEO', videoUrl: 'https://v/a.mp4', blocks: [] }), true)).toEqual({});
  });

  it('places the server’s field errors on the block they name', () => {
    const draft = draftOf({ blocks: [newBlock('paragraph'), newBlock('quote')] });
    expect(placeServerErrors(draft, { 'blocks.1.text': '每段不超过 2000 字', title: '标题过长', 'videoUrl.x': '视频' })).toEqual({
      [blockErrorKey(draft.blocks[1])]: '每段不超过 2000 字',
      title: '标题过长',
      videoUrl: '视频',
    });
  });

  it('previews the unsaved draft with the saved lesson’s sample flag and cover', () => {
    const article = toArticle(draftOf({ title: '', minutes: 'x' }), { isSample: true, coverUrl: '/c' } as LessonDetail);
    expect(article).toMatchObject({ title: '（未填写标题）', minutes: 0, isSample: true, coverUrl: '/c', videoUrl: null, blocks: [{ type: 'paragraph', text: '正文' }] });
  });
});
