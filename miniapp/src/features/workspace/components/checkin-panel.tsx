import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { CheckinCodeResponse } from '@torch-red/shared';
import './checkin-panel.scss';

interface CheckinPanelProps {
  code: CheckinCodeResponse;
  /** Asks for the next code; called when the current one is about to expire. */
  onExpire: () => void;
}

const EARLY_REFRESH_MS = 1500;

/** The venue screen: a big rotating QR code, the same code as 6 digits, and the time it has left. */
export function CheckinPanel({ code, onExpire }: CheckinPanelProps) {
  const expiresAt = new Date(code.expiresAt).getTime();
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);

  const expired = now >= expiresAt - EARLY_REFRESH_MS;
  useEffect(() => {
    if (expired) {
      onExpire();
    }
    // A new code resets `expired`; the effect fires once per code.
  }, [expired, code.token, onExpire]);

  const seconds = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  const progress = Math.min(1, seconds / code.rotateSeconds);

  return (
    <View className="checkin-panel">
      <View className="checkin-panel__qr-frame">
        <Image className="checkin-panel__qr" src={code.qrDataUrl} mode="aspectFit" />
      </View>
      <Text className="checkin-panel__label">签到码</Text>
      <Text className="checkin-panel__code">{code.shortCode.split('').join(' ')}</Text>
      <View className="checkin-panel__timer">
        <View className="checkin-panel__timer-fill" style={{ width: `${Math.round(progress * 100)}%` }} />
      </View>
      <Text className="checkin-panel__countdown">{seconds} 秒后自动刷新 · 截图转发无效</Text>
    </View>
  );
}
