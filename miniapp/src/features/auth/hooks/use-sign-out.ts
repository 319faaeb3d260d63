import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { ROUTES } from '@/services/routes';
import { endSession } from '../session';

export function useSignOut() {
  return useCallback(async () => {
    const { confirm } = await Taro.showModal({
      title: '退出登录',
      content: '确定要退出当前账号吗？',
      confirmText: '退出',
      confirmColor: '#c8102e',
    });
    if (!confirm) {
      return;
    }
    endSession();
    await Taro.reLaunch({ url: ROUTES.login });
  }, []);
}
