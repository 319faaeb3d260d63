import Taro from '@tarojs/taro';
import { ERROR_MESSAGES, isErrorResponse, type ErrorCode } from '@torch-red/shared';
import { ROUTES } from './routes';
import { clearAccessToken, getAccessToken } from './token-storage';

/** Client-side failures that never reach the server have no server code. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

export class ApiError extends Error {
  constructor(
    /** HTTP status, 0 when the request never got an answer. */
    readonly statusCode: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  query?: Query;
  /** Statuses the caller handles itself: no toast, no redirect. */
  quietStatuses?: number[];
}

const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试';
const UNEXPECTED_RESPONSE_MESSAGE = '服务器返回了无法识别的内容，请稍后再试';

// H5 is served by the API server itself, so it calls its own origin.
const API_BASE = process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE ?? '');

export function buildUrl(path: string, query?: Query): string {
  const params = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return `${API_BASE}${path}${params.length > 0 ? `?${params.join('&')}` : ''}`;
}

function toApiError(statusCode: number, body: unknown): ApiError {
  if (isErrorResponse(body)) {
    return new ApiError(body.statusCode, body.code, body.message || ERROR_MESSAGES[body.code] || UNEXPECTED_RESPONSE_MESSAGE, body.details);
  }
  return new ApiError(statusCode, 'UNEXPECTED_RESPONSE', UNEXPECTED_RESPONSE_MESSAGE);
}

function isOnLoginPage(): boolean {
  const pages = Taro.getCurrentPages();
  const current = pages[pages.length - 1];
  // weapp reports `pages/login/index`, H5 may add a leading slash.
  return current?.route !== undefined && `/${current.route.replace(/^\//, '')}`.startsWith(ROUTES.login);
}

function handleUnauthenticated(): void {
  clearAccessToken();
  if (!isOnLoginPage()) {
    void Taro.reLaunch({ url: ROUTES.login });
  }
}

function showErrorToast(message: string): void {
  void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
}

export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const token = getAccessToken();
  const header: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) {
    header.Authorization = `Bearer ${token}`;
  }

  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request<unknown>({
      url: buildUrl(path, options.query),
      method,
      // A JSON content type with an empty body is malformed JSON to the server (400 BAD_JSON), and
      // wx.request always sends that content type: body-less POST/PATCH/DELETE send `{}`.
      data: (body === undefined && method !== 'GET' ? {} : body) as Taro.request.Option['data'],
      header,
      dataType: 'json',
    });
  } catch {
    showErrorToast(NETWORK_ERROR_MESSAGE);
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }

  const { statusCode, data } = response;
  if (statusCode >= 200 && statusCode < 300) {
    return data as T;
  }

  const error = toApiError(statusCode, data);
  if (options.quietStatuses?.includes(statusCode)) {
    throw error;
  }
  if (statusCode === 401) {
    handleUnauthenticated();
  }
  showErrorToast(error.message);
  throw error;
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};
