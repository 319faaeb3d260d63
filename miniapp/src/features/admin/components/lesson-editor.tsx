import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { CONTENT_STATUS_LABELS, LESSON_KIND_LABELS, LESSON_KINDS, type ImageResponse, type LessonDetail, type LessonKind } from '@torch-red/shared';
import { StatusTag } from '@/components/status-tag';
import { LessonArticle } from '@/features/study/components/lesson-article';
import { fieldErrorsOf } from '@/services/field-errors';
import { createLesson, updateLesson } from '../lesson-api';
import { checkDraft, placeServerErrors, toArticle, toDraft, toRequest, type LessonDraft } from '../lesson-draft';
import { refusalText } from '../save';
import { AdminField } from './admin-panel';
import { LessonBlocksEditor } from './lesson-blocks-editor';
import { ChoiceChips, Refusal } from './org-panel';
import type { SelectOption } from './select-box';
import './lesson-editor.scss';

interface LessonEditorProps {
  /** The lesson to edit; a new one without. */
  lesson?: LessonDetail;
  columns: SelectOption[];
  /** The column a new lesson starts in (the list's filter). */
  columnId?: string;
  onPickImage: () => Promise<ImageResponse | null>;
  /** Saved, published or withdrawn: the list shows it again. */
  onSaved: (lesson: LessonDetail) => void;
}

type Mode = 'edit' | 'preview';
const MODES: ReadonlyArray<{ value: Mode; label: string }> = [
  { value: 'edit', label: '编辑' },
  { value: 'preview', label: '预览' },
];
const KIND_OPTIONS = LESSON_KINDS.map((kind) => ({ value: kind, label: LESSON_KIND_LABELS[kind] }));

/**
 * A lesson's title, column, length, kind (article or video), summary and body blocks; 保存草稿, 发布 and 撤回发布
 * (both confirmed); 预览 shows the unsaved draft with the member page's own article.
 */
export function LessonEditor({ lesson, columns, columnId, onPickImage, onSaved }: LessonEditorProps) {
  const [draft, setDraft] = useState<LessonDraft>(() => toDraft(lesson, columnId));
  const [mode, setMode] = useState<Mode>('edit');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState<'save' | 'publish' | 'unpublish' | null>(null);
  const published = lesson?.status === 'PUBLISHED';

  const set = <K extends keyof LessonDraft>(key: K, value: LessonDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };
  const setBlocks = (blocks: LessonDraft['blocks']) => {
    setDraft((d) => ({ ...d, blocks }));
    // A block's problem goes once it is edited; the body's once there is text.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => key !== 'blocks' && !key.startsWith('block:'))));
  };

  const checked = (publishing: boolean): boolean => {
    const problems = checkDraft(draft, publishing);
    setErrors(problems);
    setRefusal(undefined);
    if (Object.keys(problems).length === 0) return true;
    setMode('edit');
    void Taro.showToast({ title: '请先改正标红的内容', icon: 'none' });
    return false;
  };

  const run = async (kind: 'save' | 'publish' | 'unpublish', action: () => Promise<LessonDetail>, done: string) => {
    setBusy(kind);
    try {
      const saved = await action();
      void Taro.showToast({ title: done, icon: 'none' });
      onSaved(saved);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (fields) {
        setErrors(placeServerErrors(draft, fields));
        setMode('edit');
      } else setRefusal(refusalText(error));
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    if (!checked(false)) return;
    const body = toRequest(draft);
    await run('save', () => (lesson ? updateLesson(lesson.id, body) : createLesson({ ...body, status: 'DRAFT' })), published ? '已保存，党员看到的是新内容' : '已保存为草稿');
  };

  const publish = async () => {
    if (!checked(true)) return;
    const column = columns.find((c) => c.value === draft.columnId)?.label ?? '专栏';
    const { confirm } = await Taro.showModal({ title: '发布课程', content: `发布后党员即可在「${column}」中学习「${draft.title.trim()}」，确定发布吗？`, confirmText: '发布', confirmColor: '#c8102e' });
    if (!confirm) return;
    const body = { ...toRequest(draft), status: 'PUBLISHED' as const };
    await run('publish', () => (lesson ? updateLesson(lesson.id, body) : createLesson(body)), '已发布，党员可以学习了');
  };

  const unpublish = async () => {
    if (!lesson) return;
    const { confirm } = await Taro.showModal({ title: '撤回发布', content: `撤回后党员将看不到「${lesson.title}」，已记的学习时长和积分不受影响。确定撤回吗？`, confirmText: '撤回', confirmColor: '#c8102e' });
    if (confirm) await run('unpublish', () => updateLesson(lesson.id, { status: 'DRAFT' }), '已撤回，课程回到草稿');
  };

  const field = (key: string, label: string, control: ReactNode) => (
    <AdminField label={label} name={key}>
      {control}
      {errors[key] ? <Text className="lesson-editor__error">{errors[key]}</Text> : null}
    </AdminField>
  );

  const form = (
    <>
      {field('title', '标题', <Input value={draft.title} placeholder="如：以产业链党建引领产业链发展" maxLength={100} onChange={(v) => set('title', v)} />)}
      {field('columnId', '专栏', <ChoiceChips name="lesson-column" options={columns} value={draft.columnId} onChange={(v) => set('columnId', v)} />)}
      {field('minutes', '预计时长（分钟）', <Input type="digit" value={draft.minutes} placeholder="1–180" maxLength={3} onChange={(v) => set('minutes', v)} />)}
      {field('kind', '类型', <ChoiceChips<LessonKind> name="lesson-kind" options={KIND_OPTIONS} value={draft.kind} onChange={(v) => set('kind', v)} />)}
      {draft.kind === 'VIDEO'
        ? field('videoUrl', '视频地址', <Input value={draft.videoUrl} placeholder="https:// 开头的视频文件地址" maxLength={500} onChange={(v) => set('videoUrl', v)} />)
        : null}
      {field('summary', '摘要（可不填）', <TextArea value={draft.summary} placeholder="一两句话说明这门课讲什么" maxLength={300} rows={2} onChange={(v) => set('summary', v)} />)}
      <AdminField label={draft.kind === 'VIDEO' ? '视频下方的文字（可不填）' : '正文'} name="blocks">
        <LessonBlocksEditor blocks={draft.blocks} onChange={setBlocks} onPickImage={onPickImage} errors={errors} />
      </AdminField>
    </>
  );

  return (
    <View className="lesson-editor">
      <View className="lesson-editor__top">
        <StatusTag className="lesson-editor__status" text={lesson ? CONTENT_STATUS_LABELS[lesson.status] : '未保存'} tone={published ? 'success' : 'muted'} />
        <ChoiceChips<Mode> name="lesson-mode" options={MODES} value={mode} onChange={setMode} />
      </View>
      {mode === 'edit' ? (
        form
      ) : (
        <View className="lesson-editor__preview">
          <Text className="lesson-editor__preview-note">党员看到的样子（含未保存的修改）</Text>
          <View className="lesson-editor__phone">
            <LessonArticle lesson={toArticle(draft, lesson)} />
          </View>
        </View>
      )}
      <Refusal text={refusal} />
      <View className="admin-panel__buttons">
        <Button className="lesson-editor__save" type="primary" shape="round" fill={published ? 'solid' : 'outline'} loading={busy === 'save'} onClick={() => void save()}>
          {published ? '保存修改' : '保存草稿'}
        </Button>
        {published ? (
          <Button className="lesson-editor__unpublish" shape="round" fill="outline" loading={busy === 'unpublish'} onClick={() => void unpublish()}>
            撤回发布
          </Button>
        ) : (
          <Button className="lesson-editor__publish" type="primary" shape="round" loading={busy === 'publish'} onClick={() => void publish()}>
            发布
          </Button>
        )}
        <Button className="lesson-editor__preview-toggle" shape="round" fill="outline" onClick={() => setMode(mode === 'edit' ? 'preview' : 'edit')}>
          {mode === 'edit' ? '预览' : '返回编辑'}
        </Button>
      </View>
    </View>
  );
}
