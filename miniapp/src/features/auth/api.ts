import { API, type DevLoginRequest, type WechatLoginRequest } from '@torch-red/shared';
import { send } from '@/services/http';

export const wechatLogin = (body: WechatLoginRequest) => send(API.auth.wechatLogin, { body });
export const devLogin = (body: DevLoginRequest) => send(API.auth.devLogin, { body });
/** 404 when dev login is off: the caller shows its own message. */
export const getDemoPeople = () => send(API.auth.demoPeople, { quietStatuses: [404] });
export const getMe = () => send(API.auth.me);
