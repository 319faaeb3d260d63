import { useEffect, useState } from 'react';
import { Image, ScrollView, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { DepartmentResponse, DispatchNeedRequest, NeedSummary } from '@torch-red/shared';
import { DateTimeField } from '@/features/workspace/components/date-time-field';
import { imageSrc } from '@/features/brand/image-src';
import { useQuery } from '@/hooks/use-query';
import { getNeed } from '../api';
import { defaultDeadline } from '../workspace-format';
import './dispatch-dialog.scss';

interface DispatchDialogProps {
  /** The need being dispatched; null hides the sheet. */
  need: NeedSummary | null;
  departments: DepartmentResponse[];
  /** Resolve to close; reject (toasted by the HTTP client) to keep the sheet open. */
  onConfirm: (body: DispatchNeedRequest) => Promise<void>;
  onClose: () => void;
}

/**
 * 派单 as a full-height sheet: the need (description and photos) on top, the departments to choose from, one
 * deadline row per chosen department, a note, and the buttons always in view at the bottom.
 */
export function DispatchDialog({ need, departments, onConfirm, onClose }: DispatchDialogProps) {
  const [deadlines, setDeadlines] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [sending, setSending] = useState(false);
  const needId = need?.id ?? '';
  const detail = useQuery(() => getNeed(needId), { key: `need:${needId}`, enabled: needId !== '' });

  useEffect(() => {
    setDeadlines({});
    setNote('');
    setMissing(false);
    setSending(false);
  }, [needId]);

  if (!need) return null;

  const toggle = (id: string) =>
    setDeadlines(({ [id]: current, ...rest }) => {
      setMissing(false);
      return current === undefined ? { ...rest, [id]: defaultDeadline() } : rest;
    });

  const chosen = departments.filter((department) => deadlines[department.id] !== undefined);
  const images = detail.data?.images ?? [];

  const handleConfirm = async () => {
    if (chosen.length === 0) {
      setMissing(true);
      return;
    }
    setSending(true);
    try {
      await onConfirm({
        assignments: chosen.map((department) => ({ departmentId: department.id, deadline: deadlines[department.id] })),
        note: note.trim() === '' ? null : note.trim(),
      });
      onClose();
    } catch {
      // Toasted by the HTTP client; the sheet stays open with what was chosen.
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="dispatch-dialog" catchMove>
      <View className="dispatch-dialog__header">
        <Text className="dispatch-dialog__title">派单</Text>
      </View>
      <ScrollView scrollY className="dispatch-dialog__scroll">
        <View className="dispatch-dialog__need-card">
          <Text className="dispatch-dialog__need">{need.title}</Text>
          <Text className="dispatch-dialog__who">
            {need.enterpriseName} · {need.raisedByName}
          </Text>
          {detail.data ? <Text className="dispatch-dialog__description">{detail.data.description}</Text> : <Text className="dispatch-dialog__who">正在读取需求详情…</Text>}
          {images.length > 0 ? (
            <View className="dispatch-dialog__images">
              {images.map((image) => (
                <Image
                  key={image.id}
                  className="dispatch-dialog__image"
                  src={imageSrc(image.thumbUrl)}
                  mode="aspectFill"
                  onClick={() => void Taro.previewImage({ current: imageSrc(image.url), urls: images.map((item) => imageSrc(item.url)) })}
                />
              ))}
            </View>
          ) : null}
        </View>

        <Text className="dispatch-dialog__label">选择承办部门（可多选）</Text>
        <View className="dispatch-dialog__chips">
          {departments.map((department) => (
            <Text
              key={department.id}
              className={`dispatch-dialog__chip${deadlines[department.id] !== undefined ? ' dispatch-dialog__chip--active' : ''}`}
              onClick={() => toggle(department.id)}
            >
              {department.name}
            </Text>
          ))}
        </View>
        {missing ? <Text className="dispatch-dialog__error">请至少选择一个承办部门</Text> : null}

        {chosen.length > 0 ? <Text className="dispatch-dialog__label">办理时限（每个部门一行）</Text> : null}
        {chosen.map((department) => (
          <View key={department.id} className="dispatch-dialog__deadline" data-department={department.name}>
            <View className="dispatch-dialog__deadline-head">
              <Text className="dispatch-dialog__deadline-name">{department.name}</Text>
              <Text className="dispatch-dialog__deadline-remove" onClick={() => toggle(department.id)}>
                移除
              </Text>
            </View>
            <DateTimeField value={deadlines[department.id]} onChange={(iso) => setDeadlines((previous) => ({ ...previous, [department.id]: iso }))} />
          </View>
        ))}

        <Text className="dispatch-dialog__label">派单说明（选填，仅承办部门可见；提出需求的企业只看到办理期限）</Text>
        <TextArea className="dispatch-dialog__note" value={note} placeholder="如办理要求、对接人" maxLength={500} rows={3} autoSize onChange={setNote} />
      </ScrollView>
      <View className="dispatch-dialog__footer">
        <Button className="dispatch-dialog__cancel" shape="round" fill="outline" disabled={sending} onClick={onClose}>
          取消
        </Button>
        <Button className="dispatch-dialog__confirm" shape="round" type="primary" loading={sending} onClick={() => void handleConfirm()}>
          {chosen.length > 0 ? `派给 ${chosen.length} 个部门` : '派单'}
        </Button>
      </View>
    </View>
  );
}
