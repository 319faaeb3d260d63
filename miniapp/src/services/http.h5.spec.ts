import { API } from '@torch-red/shared';
import Taro, { resetTaroMock } from '@test/__mocks__/taro';
import { download, upload } from './http';
import { getAccessToken, setAccessToken } from './token-storage';
import { captureApiError } from '@test/capture-api-error';

// The browser build resolves `./file-transfer` to its .h5 variant; so does this suite.
jest.mock('./file-transfer', () => jest.requireActual('./file-transfer.h5'));

const fetchMock = jest.fn();

function jsonAnswer(status: number, body: unknown) {
  return { status, ok: status >= 200 && status < 300, json: () => Promise.resolve(body), blob: () => Promise.resolve(new Blob(['xlsx'])) };
}

beforeEach(() => {
  resetTaroMock();
  fetchMock.mockReset();
  global.fetch = fetchMock as unknown as typeof fetch;
  URL.createObjectURL = jest.fn(() => 'blob:sheet');
  URL.revokeObjectURL = jest.fn();
});

describe('http client in the browser', () => {
  it('uploads a File as multipart with the token', async () => {
    setAccessToken('token-abc');
    fetchMock.mockResolvedValueOnce(jsonAnswer(201, { id: 'img-1' }));
    const file = new File(['png'], 'a.png', { type: 'image/png' });

    await expect(upload(API.uploads.image, file)).resolves.toEqual({ id: 'img-1' });

    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/uploads/images');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ Authorization: 'Bearer token-abc' });
    expect((init.body as FormData).get('file')).toBeInstanceOf(File);
  });

  it('signs out on a 401 upload', async () => {
    setAccessToken('expired');
    fetchMock.mockResolvedValueOnce(jsonAnswer(401, { statusCode: 401, code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' }));

    const error = await captureApiError(upload(API.uploads.image, new File(['png'], 'a.png')));

    expect(error.code).toBe('TOKEN_EXPIRED');
    expect(getAccessToken()).toBeNull();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('saves a downloaded sheet under a readable name', async () => {
    setAccessToken('token-abc');
    fetchMock.mockResolvedValueOnce(jsonAnswer(200, null));
    const clicked: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });

    await download(API.activities.export('7'), '主题党日/12月-报名名单');

    expect(fetchMock).toHaveBeenCalledWith('/api/activities/7/export', { headers: { Authorization: 'Bearer token-abc' } });
    expect(clicked).toEqual(['主题党日_12月-报名名单.xlsx']);
  });

  it('toasts the server message and signs out on a 401 download, saving nothing', async () => {
    setAccessToken('expired');
    fetchMock.mockResolvedValueOnce(jsonAnswer(401, { statusCode: 401, code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' }));

    const error = await captureApiError(download(API.needs.exportLedger, '需求台账'));

    expect(error.code).toBe('TOKEN_EXPIRED');
    expect(getAccessToken()).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '登录已过期，请重新登录' }));
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });
});
