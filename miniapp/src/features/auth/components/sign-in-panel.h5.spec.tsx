import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { DemoPerson, LoginResponse } from '@torch-red/shared';
import Taro, { resetTaroMock } from '@test/__mocks__/taro';
import { buildMe } from '@test/factories/me.factory';
import { getAccessToken } from '@/services/token-storage';
import { SignInPanel } from './sign-in-panel.h5';

const request = jest.mocked(Taro.request);

const demoPeople: DemoPerson[] = [
  { openid: 'demo-member-zhangwei', name: '张伟', description: '明阳风电党支部 · 党员' },
  { openid: 'demo-secretary-liuyang', name: '刘洋', description: '明阳风电党支部 · 支部书记' },
];

function answerBy(routes: Record<string, { statusCode: number; data: unknown }>) {
  request.mockImplementation(((option: { url: string }) => {
    const path = option.url.split('?')[0];
    const route = routes[path];
    if (!route) {
      return Promise.reject(new Error(`unexpected request ${option.url}`));
    }
    return Promise.resolve({ ...route, header: {}, errMsg: 'request:ok' });
  }) as unknown as typeof Taro.request);
}

beforeEach(() => {
  resetTaroMock();
});

describe('SignInPanel (H5)', () => {
  it('signs in as the demo person tapped and opens 首页', async () => {
    const login: LoginResponse = { accessToken: 'token-zhangwei', user: buildMe() };
    answerBy({
      '/api/auth/demo-people': { statusCode: 200, data: demoPeople },
      '/api/auth/dev-login': { statusCode: 201, data: login },
    });
    render(<SignInPanel />);

    const card = (await screen.findByText('张伟')).closest('.demo-person');
    if (!(card instanceof HTMLElement)) {
      throw new Error('no card for 张伟');
    }
    fireEvent.click(card);

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    const devLoginCall = request.mock.calls.find(([option]) => (option as { url: string }).url === '/api/auth/dev-login');
    expect(devLoginCall?.[0]).toMatchObject({ method: 'POST', data: { openid: 'demo-member-zhangwei' } });
    expect(getAccessToken()).toBe('token-zhangwei');
  });

  it('explains that browser sign-in is for development when dev login is off', async () => {
    answerBy({ '/api/auth/demo-people': { statusCode: 404, data: { statusCode: 404, code: 'ROUTE_NOT_FOUND', message: '接口不存在' } } });
    render(<SignInPanel />);

    expect(await screen.findByText('H5 登录仅在开发环境可用')).toBeTruthy();
    expect(screen.queryByText('以新用户身份进入')).toBeNull();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});
