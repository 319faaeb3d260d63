import type { ImageResponse } from '@torch-red/shared';
import { chooseBrowserFile } from '@/lib/choose-browser-file';
import { uploadImage } from './workspace-api';

/** Browser: pick one image file and upload it as multipart; null when the person backs out. */
export async function pickAndUploadImage(): Promise<ImageResponse | null> {
  const file = await chooseBrowserFile('image/*', 'brand-image-input');
  if (!file) {
    return null;
  }
  return uploadImage(file);
}
