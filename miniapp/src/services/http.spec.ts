import Taro, { resetTaroMock } from '@test/__mocks__/taro';
import { ApiError, http } from './http';
import { getAccessToken, setAccessToken } from './token-storage';

const request = jest.mocked(Taro.request);

function answer(statusCode: number, data: unknown) {
  request.mockResolvedValueOnce({ statusCode, data, header: {}, errMsg: 'request:ok' });
}

async function captureError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the request to fail');
}

beforeEach(() => {
  resetTaroMock();
});

describe('http client', () => {
  it('sends JSON with the stored token as a Bearer header and returns the body', async () => {
    setAccessToken('token-abc');
    answer(200, [{ id: 'chain-1' }]);

    await expect(http.get('/api/chains', { query: { limit: 20, cursor: undefined } })).resolves.toEqual([{ id: 'chain-1' }]);

    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0][0]).toMatchObject({
      url: '/api/chains?limit=20',
      method: 'GET',
      header: { Authorization: 'Bearer token-abc', 'Content-Type': 'application/json' },
    });
  });

  it('sends no Authorization header without a token', async () => {
    answer(200, { accessToken: 't', user: {} });

    await http.post('/api/auth/dev-login', { openid: 'demo-member-zhangwei' });

    const { header, data } = request.mock.calls[0][0] as { header: Record<string, string>; data: unknown };
    expect(header.Authorization).toBeUndefined();
    expect(data).toEqual({ openid: 'demo-member-zhangwei' });
  });

  it('sends an empty JSON object with body-less POST and DELETE, and no body with GET', async () => {
    answer(204, '');
    answer(200, {});
    answer(200, []);

    await http.post('/api/me/notifications/read-all');
    await http.delete('/api/activities/1/registrations/me');
    await http.get('/api/chains');

    const sent = request.mock.calls.map(([option]) => (option as { data: unknown }).data);
    expect(sent).toEqual([{}, {}, undefined]);
  });

  it('maps an error body to an ApiError and shows its message once', async () => {
    answer(403, { statusCode: 403, code: 'FORBIDDEN', message: '没有权限执行此操作', details: { orgId: 'o1' } });

    const error = await captureError(http.get('/api/chains'));

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ statusCode: 403, code: 'FORBIDDEN', message: '没有权限执行此操作', details: { orgId: 'o1' } });
    expect(Taro.showToast).toHaveBeenCalledTimes(1);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '没有权限执行此操作', icon: 'none' }));
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('on 401 forgets the token and opens the sign-in page', async () => {
    setAccessToken('expired');
    answer(401, { statusCode: 401, code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' });

    const error = await captureError(http.get('/api/me'));

    expect(error.code).toBe('TOKEN_EXPIRED');
    expect(getAccessToken()).toBeNull();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it.each(['pages/login/index', '/pages/login/index'])('stays on the sign-in page (%s) when a 401 happens there', async (route) => {
    jest.mocked(Taro.getCurrentPages).mockReturnValueOnce([{ route }]);
    answer(401, { statusCode: 401, code: 'WECHAT_CODE_INVALID', message: '微信登录凭证无效或已过期，请重新登录' });

    await captureError(http.post('/api/auth/wechat-login', { code: 'used' }));

    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('leaves statuses the caller handles to the caller', async () => {
    answer(404, { statusCode: 404, code: 'ROUTE_NOT_FOUND', message: '接口不存在' });

    const error = await captureError(http.get('/api/auth/demo-people', { quietStatuses: [404] }));

    expect(error.statusCode).toBe(404);
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('reports a failure to reach the server as a network error', async () => {
    request.mockRejectedValueOnce(new Error('request:fail timeout'));

    const error = await captureError(http.get('/api/chains'));

    expect(error).toMatchObject({ statusCode: 0, code: 'NETWORK_ERROR' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络连接失败，请检查网络后重试' }));
  });

  it('does not trust an error body without a code', async () => {
    answer(502, '<html>Bad Gateway</html>');

    const error = await captureError(http.get('/api/chains'));

    expect(error).toMatchObject({ statusCode: 502, code: 'UNEXPECTED_RESPONSE' });
  });
});
