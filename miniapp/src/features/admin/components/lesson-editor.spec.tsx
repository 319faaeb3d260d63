import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { LessonDetail } from '@torch-red/shared';
import { ApiError } from '@/services/http';
import { createLesson, updateLesson } from '../lesson-api';
import { LessonEditor } from './lesson-editor';

jest.mock('../lesson-api', () => ({ createLesson: jest.fn(), updateLesson: jest.fn() }));
const create = createLesson as jest.MockedFunction<typeof createLesson>;
const update = updateLesson as jest.MockedFunction<typeof updateLesson>;
const modal = Taro.showModal as unknown as jest.Mock;

const COLUMNS = [
  { value: '1', label: '党的创新理论' },
  { value: '2', label: '产业政策' },
];

function lessonOf(overrides: Partial<LessonDetail> = {}): LessonDetail {
  return {
    id: '9',
    columnId: '2',
    title: '读懂专精特新',
    kind: 'ARTICLE',
    minutes: 6,
    summary: '',
    coverUrl: null,
    status: 'DRAFT',
    isSample: false,
    publishedAt: null,
    completed: false,
    requiredSeconds: 180,
    creditedSeconds: 0,
    blocks: [
      { type: 'heading', text: '一、何为专精特新' },
      { type: 'paragraph', text: '专业化、精细化、特色化、新颖化。' },
    ],
    videoUrl: null,
    ...overrides,
  };
}

const click = async (text: string) => {
  await act(async () => {
    fireEvent.click(screen.getByText(text));
  });
};

function setup(lesson?: LessonDetail) {
  const onSaved = jest.fn();
  const onPickImage = jest.fn(() => Promise.resolve(null));
  render(<LessonEditor lesson={lesson} columns={COLUMNS} onPickImage={onPickImage} onSaved={onSaved} />);
  return { onSaved };
}

beforeEach(() => {
  create.mockReset();
  update.mockReset();
  modal.mockClear();
});

describe('LessonEditor', () => {
  it('names what is missing beside each field and sends nothing', async () => {
    setup();
    await click('保存草稿');
    expect(screen.getByText('请填写课程标题')).toBeTruthy();
    expect(screen.getByText('请选择专栏')).toBeTruthy();
    expect(screen.getByText('请填写内容或删除这一块')).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
  });

  it('saves a new lesson as a draft in the chosen column', async () => {
    const saved = lessonOf({ id: '12' });
    create.mockResolvedValue(saved);
    const { onSaved } = setup();
    fireEvent.change(screen.getByPlaceholderText('如：以产业链党建引领产业链发展'), { target: { value: ' 新课 ' } });
    fireEvent.click(screen.getByText('产业政策'));
    fireEvent.change(screen.getByPlaceholderText('正文段落'), { target: { value: '第一段' } });
    await click('保存草稿');
    expect(create).toHaveBeenCalledWith({ columnId: '2', title: '新课', kind: 'ARTICLE', summary: '', minutes: 5, videoUrl: null, blocks: [{ type: 'paragraph', text: '第一段' }], status: 'DRAFT' });
    expect(onSaved).toHaveBeenCalledWith(saved);
  });

  it('publishes a draft with its edits only once the admin confirms', async () => {
    update.mockResolvedValue(lessonOf({ status: 'PUBLISHED' }));
    const { onSaved } = setup(lessonOf());
    modal.mockResolvedValueOnce({ confirm: false, cancel: true });
    await click('发布');
    expect(update).not.toHaveBeenCalled();

    await click('发布');
    expect(modal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '发布课程', content: expect.stringContaining('「产业政策」') }));
    expect(update).toHaveBeenCalledWith('9', expect.objectContaining({ status: 'PUBLISHED', title: '读懂专精特新', columnId: '2', blocks: lessonOf().blocks }));
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('will not publish an article without any text', async () => {
    setup(lessonOf({ blocks: [{ type: 'image', url: '/api/files/img/1' }] }));
    await click('发布');
    expect(screen.getByText('图文课程至少要有一段文字才能发布')).toBeTruthy();
    expect(modal).not.toHaveBeenCalled();
  });

  it('withdraws a published lesson after confirming, sending only the status', async () => {
    update.mockResolvedValue(lessonOf());
    setup(lessonOf({ status: 'PUBLISHED' }));
    expect(screen.getByText('保存修改')).toBeTruthy();
    await click('撤回发布');
    expect(modal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '撤回发布' }));
    expect(update).toHaveBeenCalledWith('9', { status: 'DRAFT' });
  });

  it('previews the unsaved edits with the member page’s article', async () => {
    setup(lessonOf());
    fireEvent.change(screen.getByDisplayValue('读懂专精特新'), { target: { value: '读懂专精特新（修订）' } });
    // The 编辑 / 预览 chips, or the button below.
    await act(async () => {
      fireEvent.click(document.querySelector('.lesson-editor__preview-toggle')!);
    });
    expect(document.querySelector('.lesson-article__title')?.textContent).toBe('读懂专精特新（修订）');
    expect(document.querySelector('.lesson-blocks__heading')?.textContent).toBe('一、何为专精特新');
    expect(document.querySelector('.lesson-blocks-editor')).toBeNull();
    await click('返回编辑');
    expect(document.querySelector('.lesson-blocks-editor')).not.toBeNull();
  });

  it('shows the server’s field refusal under the block it names', async () => {
    update.mockRejectedValue(new ApiError(400, 'VALIDATION_FAILED', '参数校验失败', [{ field: 'blocks.1.text', message: '每段不超过 2000 字' }]));
    setup(lessonOf());
    await click('保存草稿');
    const block = document.querySelector('[data-block-index="1"]');
    expect(block?.textContent).toContain('每段不超过 2000 字');
  });
});
