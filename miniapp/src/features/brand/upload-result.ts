import Taro from '@tarojs/taro';
import { ERROR_MESSAGES, isErrorResponse, type ImageResponse } from '@torch-red/shared';
import { ApiError } from '@/services/http';

export const UPLOAD_PATH = '/api/uploads/images';
const UNEXPECTED = '图片上传失败，请稍后再试';

/**
 * Turns an upload answer (status + body, parsed or not) into the stored image, or toasts the
 * server's message (IMAGE_INVALID, IMAGE_TOO_LARGE …) and throws.
 */
export function readUploadResult(statusCode: number, body: unknown): ImageResponse {
  let data = body;
  if (typeof body === 'string') {
    try {
      data = JSON.parse(body) as unknown;
    } catch {
      data = undefined;
    }
  }
  if (statusCode >= 200 && statusCode < 300 && typeof data === 'object' && data !== null && 'id' in data) {
    return data as ImageResponse;
  }
  const error = isErrorResponse(data)
    ? new ApiError(data.statusCode, data.code, data.message || ERROR_MESSAGES[data.code] || UNEXPECTED, data.details)
    : new ApiError(statusCode, 'UNEXPECTED_RESPONSE', UNEXPECTED);
  void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 });
  throw error;
}
