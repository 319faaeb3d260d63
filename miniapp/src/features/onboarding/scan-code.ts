import Taro from '@tarojs/taro';

/** WeChat: the text of a scanned QR code, or null when the person closed the camera. */
export async function scanQrText(): Promise<string | null> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return result;
  } catch {
    return null;
  }
}

export const canScan = true;
