import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Dialog, TextArea } from '@nutui/nutui-react-taro';
import './reason-dialog.scss';

interface ReasonDialogProps {
  visible: boolean;
  title: string;
  placeholder: string;
  /** Must the person write something before confirming? */
  required?: boolean;
  maxLength?: number;
  confirmText?: string;
  /** The button that backs out, e.g. 不取消了 where 取消 would be ambiguous. */
  cancelText?: string;
  /** Resolve to close the dialog; reject (the HTTP client has toasted why) to keep it open. */
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

/** Asks for a short reason: 请假, 驳回, 取消活动. */
export function ReasonDialog({ visible, title, placeholder, required = false, maxLength = 200, confirmText = '确定', cancelText = '取消', onConfirm, onClose }: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    if (visible) {
      setReason('');
      setMissing(false);
    }
  }, [visible]);

  const handleConfirm = async () => {
    const trimmed = reason.trim();
    if (required && trimmed === '') {
      setMissing(true);
      // NutUI keeps the dialog open when onConfirm rejects.
      throw new Error('reason required');
    }
    await onConfirm(trimmed);
  };

  return (
    <Dialog
      className="reason-dialog"
      visible={visible}
      title={title}
      confirmText={confirmText}
      cancelText={cancelText}
      closeOnOverlayClick={false}
      onConfirm={handleConfirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className="reason-dialog__body">
        <TextArea
          className="reason-dialog__input"
          value={reason}
          placeholder={placeholder}
          maxLength={maxLength}
          showCount
          rows={3}
          onChange={(value) => {
            setReason(value);
            setMissing(false);
          }}
        />
        {missing ? <Text className="reason-dialog__error">请填写原因</Text> : null}
      </View>
    </Dialog>
  );
}
