import Taro from '@tarojs/taro';
import { wechatLogin } from './api';
import { startSession } from './session';

/** In WeChat a session can be had without asking: wx.login code → our token. */
export async function signInSilently(): Promise<boolean> {
  try {
    const { code } = await Taro.login();
    startSession(await wechatLogin({ code }));
    return true;
  } catch {
    return false;
  }
}
