import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { CONTENT_STATUS_LABELS, CONTENT_STATUSES, type ContentStatus, type StudyColumnResponse } from '@torch-red/shared';
import { createColumn, updateColumn } from '../lesson-api';
import { useSave } from '../save';
import { AdminField, AdminPanel } from './admin-panel';
import { ChoiceChips, Refusal } from './org-panel';
import './org-panel.scss';

const STATUS_OPTIONS = CONTENT_STATUSES.map((status) => ({ value: status, label: CONTENT_STATUS_LABELS[status] }));

interface StudyColumnPanelProps {
  /** The column to edit; a new one without. */
  column?: StudyColumnResponse;
  onClose: () => void;
  onSaved: (column: StudyColumnResponse) => Promise<void>;
}

/** A 专栏: its name, description, place in the list and whether members see it. */
export function StudyColumnPanel({ column, onClose, onSaved }: StudyColumnPanelProps) {
  const [draft, setDraft] = useState({ name: column?.name ?? '', description: column?.description ?? '', sortOrder: String(column?.sortOrder ?? 0), status: column?.status ?? ('PUBLISHED' as ContentStatus) });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSave();
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  const submit = async () => {
    const problems: Record<string, string> = {};
    if (!draft.name.trim()) problems.name = '请填写专栏名称';
    const sortOrder = Number(draft.sortOrder);
    if (!/^\d+$/.test(draft.sortOrder.trim()) || sortOrder > 10000) problems.sortOrder = '请填写 0 到 10000 之间的整数，小的排在前面';
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const body = { name: draft.name.trim(), description: draft.description.trim(), sortOrder, status: draft.status };
    const saved = await save.run(() => (column ? updateColumn(column.id, body) : createColumn(body)), column ? '已保存' : '已新建专栏');
    if (saved) await onSaved(saved);
  };

  const error = (key: string) => (errors[key] ? <Text className="org-panel__error">{errors[key]}</Text> : null);
  return (
    <AdminPanel name="study-column" title={column?.name ?? '新建专栏'} subtitle={column ? `${column.lessonCount} 门课程` : '理论学习'} onClose={onClose}>
      <View className="org-panel">
        <AdminField label="名称" name="name">
          <Input value={draft.name} placeholder="如：党的创新理论" maxLength={50} onChange={(v) => set('name', v)} />
          {error('name')}
        </AdminField>
        <AdminField label="简介" name="description">
          <TextArea value={draft.description} placeholder="这个专栏收哪些课程" maxLength={500} rows={2} onChange={(v) => set('description', v)} />
          {error('description')}
        </AdminField>
        <AdminField label="排序（小的在前）" name="sortOrder">
          <Input type="digit" value={draft.sortOrder} maxLength={5} onChange={(v) => set('sortOrder', v)} />
          {error('sortOrder')}
        </AdminField>
        <AdminField label="状态" name="status">
          <ChoiceChips<ContentStatus> name="column-status" options={STATUS_OPTIONS} value={draft.status} onChange={(v) => set('status', v)} />
          <Text className="org-panel__note">草稿专栏及其中的课程，党员都看不到</Text>
        </AdminField>
        <Refusal text={save.error} />
        <View className="admin-panel__buttons">
          <Button className="study-column-panel__save" type="primary" shape="round" loading={save.busy} onClick={() => void submit()}>
            保存
          </Button>
        </View>
      </View>
    </AdminPanel>
  );
}

