import { useEffect, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { Dialog, TextArea } from '@nutui/nutui-react-taro';
import type { DepartmentResponse, DispatchNeedRequest } from '@torch-red/shared';
import { DateTimeField } from '@/features/workspace/components/date-time-field';
import { defaultDeadline } from '../format';
import './dispatch-dialog.scss';

interface DispatchDialogProps {
  visible: boolean;
  needTitle: string;
  departments: DepartmentResponse[];
  /** Resolve to close; reject (toasted by the HTTP client) to keep the dialog open. */
  onConfirm: (body: DispatchNeedRequest) => Promise<void>;
  onClose: () => void;
}

/** 派单: one or more of the functional departments, each with its own deadline, and a note. */
export function DispatchDialog({ visible, needTitle, departments, onConfirm, onClose }: DispatchDialogProps) {
  const [deadlines, setDeadlines] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    if (visible) {
      setDeadlines({});
      setNote('');
      setMissing(false);
    }
  }, [visible]);

  const toggle = (id: string) =>
    setDeadlines(({ [id]: current, ...rest }) => {
      setMissing(false);
      return current === undefined ? { ...rest, [id]: defaultDeadline() } : rest;
    });

  const chosen = departments.filter((department) => deadlines[department.id] !== undefined);

  const handleConfirm = async () => {
    if (chosen.length === 0) {
      setMissing(true);
      throw new Error('no department');
    }
    await onConfirm({
      assignments: chosen.map((department) => ({ departmentId: department.id, deadline: deadlines[department.id] })),
      note: note.trim() === '' ? null : note.trim(),
    });
  };

  return (
    <Dialog
      className="dispatch-dialog"
      visible={visible}
      title="派单"
      confirmText={chosen.length > 0 ? `派给 ${chosen.length} 个部门` : '派单'}
      cancelText="取消"
      closeOnOverlayClick={false}
      onConfirm={handleConfirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className="dispatch-dialog__body">
        <Text className="dispatch-dialog__need">{needTitle}</Text>
        <Text className="dispatch-dialog__label">选择承办部门（可多选）</Text>
        <ScrollView scrollY className="dispatch-dialog__departments">
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
        </ScrollView>
        {missing ? <Text className="dispatch-dialog__error">请至少选择一个承办部门</Text> : null}
        {chosen.map((department) => (
          <View key={department.id} className="dispatch-dialog__deadline" data-department={department.name}>
            <Text className="dispatch-dialog__deadline-name">{department.name} 办理时限</Text>
            <DateTimeField value={deadlines[department.id]} onChange={(iso) => setDeadlines((previous) => ({ ...previous, [department.id]: iso }))} />
          </View>
        ))}
        <TextArea className="dispatch-dialog__note" value={note} placeholder="派单说明（选填），承办部门可见" maxLength={500} rows={2} onChange={setNote} />
      </View>
    </Dialog>
  );
}
