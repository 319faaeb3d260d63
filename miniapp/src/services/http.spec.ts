import Taro, { resetTaroMock } from '@test/__mocks__/taro';
import { API } from '@torch-red/shared';
import { ApiError, download, send, upload } from './http';
import { getAccessToken, setAccessToken } from './token-storage';
import { captureApiError } from '@test/capture-api-error';

const request = jest.mocked(Taro.request);

function answer(statusCode: number, data: unknown) {
  request.mockResolvedValueOnce({ statusCode, data, header: {}, errMsg: 'request:ok' });
}

beforeEach(() => {
  resetTaroMock();
});

describe('http client', () => {
  it('sends JSON with the stored token as a Bearer header and returns the body', async () => {
    setAccessToken('token-abc');
    answer(200, [{ id: 'chain-1' }]);

    await expect(send(API.activities.mine, { query: { limit: 20, cursor: undefined } })).resolves.toEqual([{ id: 'chain-1' }]);

    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0][0]).toMatchObject({
      url: '/api/me/registrations?limit=20',
      method: 'GET',
      header: { Authorization: 'Bearer token-abc', 'Content-Type': 'application/json' },
    });
  });

  it('sends no Authorization header without a token', async () => {
    answer(200, { accessToken: 't', user: {} });

    await send(API.auth.devLogin, { body: { openid: 'demo-member-zhangwei' } });

    const { header, data } = request.mock.calls[0][0] as { header: Record<string, string>; data: unknown };
    expect(header.Authorization).toBeUndefined();
    expect(data).toEqual({ openid: 'demo-member-zhangwei' });
  });

  it('sends an empty JSON object with body-less POST and DELETE, and no body with GET', async () => {
    answer(204, '');
    answer(200, {});
    answer(200, []);

    await send(API.notifications.readAll);
    await send(API.activities.cancelMine('1'));
    await send(API.orgs.chains);

    const sent = request.mock.calls.map(([option]) => (option as { data: unknown }).data);
    expect(sent).toEqual([{}, {}, undefined]);
  });

  it('maps an error body to an ApiError and shows its message once', async () => {
    answer(403, { statusCode: 403, code: 'FORBIDDEN', message: '没有权限执行此操作', details: { orgId: 'o1' } });

    const error = await captureApiError(send(API.orgs.chains));

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ statusCode: 403, code: 'FORBIDDEN', message: '没有权限执行此操作', details: { orgId: 'o1' } });
    expect(Taro.showToast).toHaveBeenCalledTimes(1);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '没有权限执行此操作', icon: 'none' }));
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('on 401 forgets the token and opens the sign-in page', async () => {
    setAccessToken('expired');
    answer(401, { statusCode: 401, code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' });

    const error = await captureApiError(send(API.auth.me));

    expect(error.code).toBe('TOKEN_EXPIRED');
    expect(getAccessToken()).toBeNull();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it.each(['pages/login/index', '/pages/login/index'])('stays on the sign-in page (%s) when a 401 happens there', async (route) => {
    jest.mocked(Taro.getCurrentPages).mockReturnValueOnce([{ route }]);
    answer(401, { statusCode: 401, code: 'WECHAT_CODE_INVALID', message: '微信登录凭证无效或已过期，请重新登录' });

    await captureApiError(send(API.auth.wechatLogin, { body: { code: 'used' } }));

    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('leaves statuses the caller handles to the caller', async () => {
    answer(404, { statusCode: 404, code: 'ROUTE_NOT_FOUND', message: '接口不存在' });

    const error = await captureApiError(send(API.auth.demoPeople, { quietStatuses: [404] }));

    expect(error.statusCode).toBe(404);
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('reports a failure to reach the server as a network error', async () => {
    request.mockRejectedValueOnce(new Error('request:fail timeout'));

    const error = await captureApiError(send(API.orgs.chains));

    expect(error).toMatchObject({ statusCode: 0, code: 'NETWORK_ERROR' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络连接失败，请检查网络后重试' }));
  });

  it('does not trust an error body without a code', async () => {
    answer(502, '<html>Bad Gateway</html>');

    const error = await captureApiError(send(API.orgs.chains));

    expect(error).toMatchObject({ statusCode: 502, code: 'UNEXPECTED_RESPONSE', message: '服务暂时不可用，请稍后再试' });
  });

  it('says the service is briefly unavailable for a server crash, in the one wording', async () => {
    answer(500, { statusCode: 500, code: 'INTERNAL', message: '服务器开小差了，请稍后再试' });

    const error = await captureApiError(send(API.orgs.chains));

    expect(error).toMatchObject({ statusCode: 500, code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '服务暂时不可用，请稍后再试' }));
  });
});

describe('http client: uploads (WeChat)', () => {
  const uploadFile = jest.mocked(Taro.uploadFile);

  it('sends the file as multipart with the token under a loading mask and returns the stored image', async () => {
    setAccessToken('token-abc');
    uploadFile.mockResolvedValueOnce({ statusCode: 201, data: JSON.stringify({ id: 'img-1', url: '/api/files/img/1' }), errMsg: 'uploadFile:ok' });

    await expect(upload(API.uploads.image, 'wxfile://tmp-1.jpg', { loadingTitle: '正在上传…' })).resolves.toEqual({ id: 'img-1', url: '/api/files/img/1' });

    expect(uploadFile).toHaveBeenCalledWith({ url: '/api/uploads/images', filePath: 'wxfile://tmp-1.jpg', name: 'file', header: { Authorization: 'Bearer token-abc' } });
    expect(Taro.showLoading).toHaveBeenCalledWith({ title: '正在上传…', mask: true });
    expect(Taro.hideLoading).toHaveBeenCalledTimes(1);
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('on 401 forgets the token, opens the sign-in page and toasts once, after the loading is gone', async () => {
    setAccessToken('expired');
    uploadFile.mockResolvedValueOnce({ statusCode: 401, data: JSON.stringify({ statusCode: 401, code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' }), errMsg: 'uploadFile:ok' });

    const error = await captureApiError(upload(API.uploads.image, 'wxfile://tmp-1.jpg', { loadingTitle: '正在上传…' }));

    expect(error).toMatchObject({ statusCode: 401, code: 'TOKEN_EXPIRED' });
    expect(getAccessToken()).toBeNull();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(Taro.showToast).toHaveBeenCalledTimes(1);
    expect(jest.mocked(Taro.hideLoading).mock.invocationCallOrder[0]).toBeLessThan(jest.mocked(Taro.showToast).mock.invocationCallOrder[0]);
  });

  it("shows the server's reason for refusing the image", async () => {
    uploadFile.mockResolvedValueOnce({ statusCode: 413, data: JSON.stringify({ statusCode: 413, code: 'IMAGE_TOO_LARGE', message: '图片不能超过 5 MB' }), errMsg: 'uploadFile:ok' });

    const error = await captureApiError(upload(API.uploads.image, 'wxfile://big.jpg'));

    expect(error.code).toBe('IMAGE_TOO_LARGE');
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '图片不能超过 5 MB' }));
  });

  it('treats a success without the promised JSON as a failure, in the words the caller chose', async () => {
    uploadFile.mockResolvedValueOnce({ statusCode: 200, data: '<html>proxy</html>', errMsg: 'uploadFile:ok' });

    const error = await captureApiError(upload(API.uploads.image, 'wxfile://tmp-1.jpg', { failureMessage: '图片上传失败，请稍后再试' }));

    expect(error.code).toBe('UNEXPECTED_RESPONSE');
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '图片上传失败，请稍后再试' }));
  });

  it('reports a failed transfer as a network error', async () => {
    uploadFile.mockRejectedValueOnce(new Error('uploadFile:fail'));

    const error = await captureApiError(upload(API.uploads.image, 'wxfile://tmp-1.jpg', { loadingTitle: '正在上传…' }));

    expect(error).toMatchObject({ statusCode: 0, code: 'NETWORK_ERROR' });
    expect(Taro.hideLoading).toHaveBeenCalledTimes(1);
  });
});

describe('http client: downloads (WeChat)', () => {
  const downloadFile = jest.mocked(Taro.downloadFile);

  it('downloads with the token and the query, then opens the sheet in the document viewer', async () => {
    setAccessToken('token-abc');
    downloadFile.mockResolvedValueOnce({ statusCode: 200, tempFilePath: 'wxfile://ledger.xlsx', errMsg: 'downloadFile:ok' } as never);

    await download(API.needs.exportLedger, '需求台账', { query: { status: 'DISPATCHED', overdue: true } });

    expect(downloadFile).toHaveBeenCalledWith({ url: '/api/committee/needs/export?status=DISPATCHED&overdue=true', header: { Authorization: 'Bearer token-abc' } });
    expect(Taro.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://ledger.xlsx', fileType: 'xlsx', showMenu: true });
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('on 401 reads the error from the downloaded file, signs out and opens nothing', async () => {
    setAccessToken('expired');
    downloadFile.mockResolvedValueOnce({ statusCode: 401, tempFilePath: 'wxfile://error.json', errMsg: 'downloadFile:ok' } as never);
    jest.mocked(Taro.getFileSystemManager().readFileSync).mockReturnValueOnce(JSON.stringify({ statusCode: 401, code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' }));

    const error = await captureApiError(download(API.activities.export('7'), '主题党日-报名名单'));

    expect(error.code).toBe('TOKEN_EXPIRED');
    expect(getAccessToken()).toBeNull();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '登录已过期，请重新登录' }));
    expect(Taro.openDocument).not.toHaveBeenCalled();
  });

  it('falls back to the caller\'s words when the error file is not JSON', async () => {
    downloadFile.mockResolvedValueOnce({ statusCode: 500, tempFilePath: 'wxfile://error.html', errMsg: 'downloadFile:ok' } as never);
    jest.mocked(Taro.getFileSystemManager().readFileSync).mockReturnValueOnce('<html>oops</html>');

    const error = await captureApiError(download(API.activities.export('7'), 'x', { failureMessage: '导出失败，请稍后再试' }));

    expect(error).toMatchObject({ statusCode: 500, code: 'UNEXPECTED_RESPONSE', message: '导出失败，请稍后再试' });
  });
});
