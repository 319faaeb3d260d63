import { act, fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '@/services/http';
import type { MeetingDraft } from '../meeting-draft';
import { MeetingEditor } from './meeting-editor';

const archived: MeetingDraft = {
  kind: 'THEME_DAY',
  startsAt: '2026-03-20T14:30:00+08:00',
  endsAt: '2026-03-20T16:30:00+08:00',
  online: false,
  place: '党员活动室',
  hostName: '刘洋',
  recorderName: '张伟',
  topic: '重温入党誓词',
  agenda: '',
  minutes: '全体党员重温入党誓词。',
  resolutions: '',
  images: [],
  marks: { '11': { status: 'PRESENT', reason: '' } },
};
const people = [
  { userId: '11', name: '张伟' },
  { userId: '12', name: '王芳' },
];
const pickNothing = () => Promise.resolve(null);

function clickButton(text: string) {
  const button = screen.getByText(text).closest('.nut-button');
  if (!(button instanceof HTMLElement)) throw new Error(`no button ${text}`);
  fireEvent.click(button);
}

const field = (key: string) => document.querySelector(`[data-field="${key}"]`) as HTMLElement;
const typeInto = (selector: string, value: string) => fireEvent.change(document.querySelector(selector) as HTMLInputElement, { target: { value } });

describe('MeetingEditor correcting an archived record', () => {
  it('offers only 保存更正 with a required 更正说明; no draft actions', () => {
    render(<MeetingEditor initial={archived} people={people} onPickImage={pickNothing} onCorrect={jest.fn()} />);
    expect(screen.getByText('这是已归档的记录。更正后原内容与更正内容都会记入审计日志。')).toBeTruthy();
    expect(field('reason').textContent).toContain('更正说明');
    expect(screen.getByText('保存更正')).toBeTruthy();
    expect(screen.queryByText('保存草稿')).toBeNull();
    expect(screen.queryByText('归档')).toBeNull();
    expect(screen.queryByText('删除草稿')).toBeNull();
  });

  it('will not save without a reason; with one it hands over the changed record and the reason', async () => {
    const onCorrect = jest.fn(() => Promise.resolve());
    render(<MeetingEditor initial={archived} people={people} onPickImage={pickNothing} onCorrect={onCorrect} />);
    typeInto('.meeting-editor__minutes', '补记：张伟同志领学新党章。');

    await act(async () => clickButton('保存更正'));
    expect(onCorrect).not.toHaveBeenCalled();
    expect(field('reason').querySelector('.meeting-editor__error')?.textContent).toBe('请填写更正说明，它会记入审计日志');

    typeInto('.meeting-editor__reason', '补录漏记的会议纪要');
    expect(field('reason').querySelector('.meeting-editor__error')).toBeNull();
    await act(async () => clickButton('保存更正'));
    expect(onCorrect).toHaveBeenCalledWith({ ...archived, minutes: '补记：张伟同志领学新党章。' }, '补录漏记的会议纪要');
  });

  it('shows the server’s complaint about the reason under the reason', async () => {
    const onCorrect = jest.fn(() => Promise.reject(new ApiError(400, 'VALIDATION_FAILED', '参数错误', [{ field: 'reason', message: '更正原因不能超过 200 个字' }])));
    render(<MeetingEditor initial={archived} people={people} onPickImage={pickNothing} onCorrect={onCorrect} />);
    typeInto('.meeting-editor__reason', '补录');
    await act(async () => clickButton('保存更正'));
    expect(field('reason').querySelector('.meeting-editor__error')?.textContent).toBe('更正原因不能超过 200 个字');
  });
});

describe('MeetingEditor on a draft', () => {
  it('keeps 保存草稿 and 归档, and asks for no reason', async () => {
    const onSave = jest.fn(() => Promise.resolve());
    render(<MeetingEditor initial={archived} people={people} onPickImage={pickNothing} onSave={onSave} onArchive={jest.fn()} />);
    expect(field('reason')).toBeNull();
    expect(screen.queryByText('保存更正')).toBeNull();
    await act(async () => clickButton('保存草稿'));
    expect(onSave).toHaveBeenCalledWith(archived);
  });
});
