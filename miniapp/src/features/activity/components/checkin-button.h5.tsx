import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Dialog, Input } from '@nutui/nutui-react-taro';
import { checkIn } from '../api';
import type { CheckinButtonProps } from './checkin-button';
import './checkin-button.scss';

/** A browser has no scanner: the person types the 6-digit code shown under the venue QR code. */
export function CheckinButton({ activityId, onCheckedIn, size = 'large' }: CheckinButtonProps) {
  const [visible, setVisible] = useState(false);
  const [code, setCode] = useState('');
  const [hint, setHint] = useState('');

  const handleOpen = () => {
    setCode('');
    setHint('');
    setVisible(true);
  };

  const handleConfirm = async () => {
    if (!/^\d{6}$/.test(code)) {
      setHint('请输入 6 位数字签到码');
      throw new Error('code incomplete');
    }
    const registration = await checkIn(activityId, { code });
    void Taro.showToast({ title: '签到成功', icon: 'success' });
    onCheckedIn(registration);
  };

  return (
    <>
      <Button className="checkin-button" type="primary" shape="round" size={size} onClick={handleOpen}>
        签到
      </Button>
      <Dialog
        className="checkin-dialog"
        visible={visible}
        title="输入签到码"
        confirmText="签到"
        cancelText="取消"
        onConfirm={handleConfirm}
        onCancel={() => setVisible(false)}
        onClose={() => setVisible(false)}
      >
        <View className="checkin-dialog__body">
          <Text className="checkin-dialog__tip">请输入现场签到二维码下方的 6 位数字</Text>
          <Input
            className="checkin-dialog__input"
            type="number"
            value={code}
            maxLength={6}
            placeholder="6 位签到码"
            onChange={(value) => {
              setCode(value.replace(/\D/g, ''));
              setHint('');
            }}
          />
          {hint ? <Text className="checkin-dialog__hint">{hint}</Text> : null}
        </View>
      </Dialog>
    </>
  );
}
