import Taro from '@tarojs/taro';
import type { ImageResponse } from '@torch-red/shared';
import { uploadImage } from './workspace-api';

/** WeChat: pick one photo (album or camera) and upload it; null when the person backs out. */
export async function pickAndUploadImage(): Promise<ImageResponse | null> {
  let filePath: string;
  try {
    const picked = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    filePath = picked.tempFiles[0]?.tempFilePath ?? '';
  } catch {
    return null;
  }
  return filePath === '' ? null : uploadImage(filePath);
}
