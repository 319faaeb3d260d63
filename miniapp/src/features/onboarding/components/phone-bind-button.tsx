import { useState } from 'react';
import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BindingResult } from '@torch-red/shared';
import { ApiError } from '@/services/http';
import { bindPhone } from '../api';
import './phone-bind-button.scss';

export interface PhoneBindButtonProps {
  onBound: (result: BindingResult) => void;
  /** H5 only: where to bind instead (the one-time code page). */
  onFallback: () => void;
}

/** WeChat: the person consents with getPhoneNumber; the server exchanges the one-time code with WeChat. */
export function PhoneBindButton({ onBound }: PhoneBindButtonProps) {
  const [pending, setPending] = useState(false);

  const handleGetPhoneNumber = async (event: { detail: { code?: string; errMsg?: string } }) => {
    const code = event.detail.code;
    if (!code) {
      // The person declined, or the account cannot use the API: nothing to send.
      void Taro.showToast({ title: '未授权手机号，可改用绑定码', icon: 'none' });
      return;
    }
    setPending(true);
    try {
      const result = await bindPhone(code);
      void Taro.showModal({ title: result.outcome === 'ATTACHED' ? '绑定成功' : '手机号已绑定', content: result.message, showCancel: false });
      onBound(result);
    } catch (error) {
      // A number held by another account (or at odds with the roster) needs the whole message: who to ask.
      if (error instanceof ApiError && error.statusCode === 409) {
        void Taro.showModal({ title: error.code === 'PHONE_TAKEN' ? '手机号已被绑定' : '无法自动绑定', content: error.message, showCancel: false, confirmText: '知道了' });
      }
      // Anything else the HTTP client has shown already (授权失效, 微信繁忙 …).
    } finally {
      setPending(false);
    }
  };

  return (
    <Button className="phone-bind-button" openType="getPhoneNumber" loading={pending} onGetPhoneNumber={(event) => void handleGetPhoneNumber(event)}>
      绑定手机号
    </Button>
  );
}
