import type { LoginResponse } from '@torch-red/shared';
import type { TestApp } from '../support/test-app';

export async function devLogin(t: TestApp, openid: string, name?: string): Promise<LoginResponse & { auth: { Authorization: string } }> {
  const res = await t.http().post('/api/auth/dev-login').send(name ? { openid, name } : { openid }).expect(200);
  const body = res.body as LoginResponse;
  return { ...body, auth: { Authorization: `Bearer ${body.accessToken}` } };
}

export async function adminLogin(t: TestApp, username = 'admin', password = 'torchred-admin'): Promise<{ Authorization: string }> {
  const res = await t.http().post('/api/admin/auth/login').send({ username, password }).expect(200);
  return { Authorization: `Bearer ${(res.body as { accessToken: string }).accessToken}` };
}
