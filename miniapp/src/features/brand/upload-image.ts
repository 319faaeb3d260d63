import Taro from '@tarojs/taro';
import type { ImageResponse } from '@torch-red/shared';
import { buildUrl } from '@/services/http';
import { getAccessToken } from '@/services/token-storage';
import { readUploadResult, UPLOAD_PATH } from './upload-result';

/** WeChat: pick one photo (album or camera) and upload it; null when the person backs out. */
export async function pickAndUploadImage(): Promise<ImageResponse | null> {
  let filePath: string;
  try {
    const picked = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    filePath = picked.tempFiles[0]?.tempFilePath ?? '';
  } catch {
    return null;
  }
  if (filePath === '') {
    return null;
  }
  const token = getAccessToken();
  // Loading and toast share one layer: hide the loading before any error toast.
  void Taro.showLoading({ title: '正在上传…', mask: true });
  let status = 0;
  let body: unknown;
  try {
    const result = await Taro.uploadFile({
      url: buildUrl(UPLOAD_PATH),
      filePath,
      name: 'file',
      header: token ? { Authorization: `Bearer ${token}` } : {},
    });
    status = result.statusCode;
    body = result.data;
  } catch {
    // Network failure: status 0 reads as an upload failure below.
  } finally {
    void Taro.hideLoading();
  }
  return readUploadResult(status, body);
}
