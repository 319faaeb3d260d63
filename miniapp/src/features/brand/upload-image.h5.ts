import type { ImageResponse } from '@torch-red/shared';
import { uploadImage } from './workspace-api';

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
  return uploadImage(file);
}
