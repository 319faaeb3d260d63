import Taro from '@tarojs/taro';
import type { ImageResponse } from '@torch-red/shared';
import { buildUrl } from '@/services/http';
import { getAccessToken } from '@/services/token-storage';
import { readUploadResult, UPLOAD_PATH } from './upload-result';

function chooseFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/*';
    input.className = 'brand-image-input';
    input.style.display = 'none';
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => done(null));
    document.body.appendChild(input);
    // Called straight from the tap, so the browser lets the picker open.
    input.click();
  });
}

/** Browser: pick one image file and upload it as multipart; null when the person backs out. */
export async function pickAndUploadImage(): Promise<ImageResponse | null> {
  const file = await chooseFile();
  if (!file) {
    return null;
  }
  const form = new FormData();
  form.append('file', file);
  const token = getAccessToken();
  // Loading and toast share one layer: hide the loading before any error toast.
  void Taro.showLoading({ title: '正在上传…', mask: true });
  let status = 0;
  let body: unknown;
  try {
    const response = await fetch(buildUrl(UPLOAD_PATH), { method: 'POST', body: form, headers: token ? { Authorization: `Bearer ${token}` } : {} });
    status = response.status;
    body = await response.json().catch(() => undefined);
  } catch {
    // Network failure: status 0 reads as an upload failure below.
  } finally {
    void Taro.hideLoading();
  }
  return readUploadResult(status, body);
}
