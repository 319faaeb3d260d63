import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { RegistrationResponse } from '@torch-red/shared';
import { checkIn } from '../api';

export interface CheckinButtonProps {
  activityId: string;
  onCheckedIn: (registration: RegistrationResponse) => void;
  size?: 'small' | 'large';
}

/** WeChat: scan the venue QR code and check in with what it says. */
export function CheckinButton({ activityId, onCheckedIn, size = 'large' }: CheckinButtonProps) {
  const [pending, setPending] = useState(false);

  const handleScan = async () => {
    let code: string;
    try {
      ({ result: code } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }));
    } catch {
      // Closing the camera is not an error worth a message.
      return;
    }
    setPending(true);
    try {
      const registration = await checkIn(activityId, { code });
      void Taro.showToast({ title: '签到成功', icon: 'success' });
      onCheckedIn(registration);
    } catch {
      // The HTTP client has shown the server's reason (code expired, not in the window…).
    } finally {
      setPending(false);
    }
  };

  return (
    <Button className="checkin-button" type="primary" shape="round" size={size} loading={pending} onClick={() => void handleScan()}>
      扫码签到
    </Button>
  );
}
