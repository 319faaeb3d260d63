import type { DemoPerson, DevLoginRequest, LoginResponse, MeResponse, WechatLoginRequest } from '@torch-red/shared';
import { http } from '@/services/http';

export const wechatLogin = (body: WechatLoginRequest) => http.post<LoginResponse>('/api/auth/wechat-login', body);
export const devLogin = (body: DevLoginRequest) => http.post<LoginResponse>('/api/auth/dev-login', body);
/** 404 when dev login is off: the caller shows its own message. */
export const getDemoPeople = () => http.get<DemoPerson[]>('/api/auth/demo-people', { quietStatuses: [404] });
export const getMe = () => http.get<MeResponse>('/api/me');
