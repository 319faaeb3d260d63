import Taro from '@tarojs/taro';
import { ERROR_MESSAGES, isErrorResponse, type Endpoint, type ErrorCode, type FileUpload, type HttpMethod, type SpreadsheetFile } from '@torch-red/shared';
import { fetchFile, sendFile, type LocalFile, type RawAnswer } from './file-transfer';
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

export interface RequestOptions {
  /** Statuses the caller handles itself: no toast, no redirect. */
  quietStatuses?: number[];
  /** The message when the answer is not one the server's error contract knows (e.g. a proxy's HTML). */
  failureMessage?: string;
}

/** What a call sends: a body when the endpoint takes one, a query when it has one. */
export type SendInput<Body, Query> = RequestOptions & (undefined extends Body ? { body?: Body } : { body: Body }) & { query?: Query };

const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试';
const UNEXPECTED_RESPONSE_MESSAGE = '服务器返回了无法识别的内容，请稍后再试';
/** A 5xx whatever its body (a proxy's page, a crash): the person can only wait and try again. */
const SERVICE_UNAVAILABLE_MESSAGE = '服务暂时不可用，请稍后再试';

// H5 is served by the API server itself, so it calls its own origin.
const API_BASE = process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE ?? '');

/** The URL of an API path (or a relative file URL the API returned), with the defined query values. */
export function buildUrl(path: string, query?: object): string {
  const params = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return `${API_BASE}${path}${params.length > 0 ? `?${params.join('&')}` : ''}`;
}

function toApiError(statusCode: number, body: unknown, failureMessage: string): ApiError {
  if (isErrorResponse(body)) {
    return new ApiError(body.statusCode, body.code, body.message || ERROR_MESSAGES[body.code] || failureMessage, body.details);
  }
  return new ApiError(statusCode, 'UNEXPECTED_RESPONSE', failureMessage);
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

function authHeader(): Record<string, string> {
  const token = getAccessToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/**
 * Runs one exchange with the server; a failure to reach it becomes a toasted NETWORK_ERROR.
 * Loading and toast share one layer in WeChat, so the loading goes before any toast.
 */
async function exchange<A>(run: () => Promise<A>, loadingTitle?: string): Promise<A> {
  const hideLoading = () => (loadingTitle ? void Taro.hideLoading() : undefined);
  if (loadingTitle) {
    void Taro.showLoading({ title: loadingTitle, mask: true });
  }
  let answer: A;
  try {
    answer = await run();
  } catch {
    hideLoading();
    showErrorToast(NETWORK_ERROR_MESSAGE);
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }
  hideLoading();
  return answer;
}

/** Every answer, JSON, upload or download, ends here: 2xx passes, anything else is one toast (and 401 signs out). */
function settle<T>({ statusCode, data }: RawAnswer, options: RequestOptions): T {
  if (statusCode >= 200 && statusCode < 300) {
    return data as T;
  }
  const serverFailed = statusCode >= 500;
  const answered = toApiError(statusCode, data, options.failureMessage ?? (serverFailed ? SERVICE_UNAVAILABLE_MESSAGE : UNEXPECTED_RESPONSE_MESSAGE));
  // The server's own crash report (INTERNAL) reads the same as any other 5xx: one wording everywhere.
  const error = serverFailed && answered.code === 'INTERNAL' ? new ApiError(statusCode, answered.code, SERVICE_UNAVAILABLE_MESSAGE, answered.details) : answered;
  if (options.quietStatuses?.includes(statusCode)) {
    throw error;
  }
  if (statusCode === 401) {
    handleUnauthenticated();
  }
  showErrorToast(error.message);
  throw error;
}

async function request<T>(method: HttpMethod, path: string, body: unknown, query: object | undefined, options: RequestOptions): Promise<T> {
  const answer = await exchange(() =>
    Taro.request<unknown>({
      url: buildUrl(path, query),
      method,
      // A JSON content type with an empty body is malformed JSON to the server (400 BAD_JSON), and
      // wx.request always sends that content type: body-less POST/PATCH/DELETE send `{}`.
      data: (body === undefined && method !== 'GET' ? {} : body) as Taro.request.Option['data'],
      header: { 'Content-Type': 'application/json', ...authHeader() },
      dataType: 'json',
    }),
  );
  return settle<T>(answer, options);
}

/** Calls one endpoint of the API (`API.activities.detail(id)` from `@torch-red/shared`), typed by its definition. */
export function send<Response, Body, Query>(
  endpoint: Endpoint<Response, Body, Query>,
  ...[input]: undefined extends Body ? [input?: SendInput<NoInfer<Body>, NoInfer<Query>>] : [input: SendInput<NoInfer<Body>, NoInfer<Query>>]
): Promise<Response> {
  const { body, query, ...options } = (input ?? {}) as SendInput<unknown, object>;
  return request<Response>(endpoint.method, endpoint.path, body, query, options);
}

/** Uploads one picked file as multipart (field `file`) under a loading mask. */
export async function upload<Response>(endpoint: Endpoint<Response, FileUpload>, file: LocalFile, options: RequestOptions & { loadingTitle?: string } = {}): Promise<Response> {
  const { loadingTitle, ...rest } = options;
  const answer = await exchange(() => sendFile(buildUrl(endpoint.path), authHeader(), file), loadingTitle);
  const promised = typeof answer.data === 'object' && answer.data !== null;
  // A 2xx whose body is not the JSON object promised (a proxy's page) is a failure too.
  return settle<Response>(answer.statusCode < 300 && !promised ? { statusCode: 502, data: undefined } : answer, rest);
}

/** Downloads a spreadsheet and hands it to the person (WeChat's document viewer, or the browser's downloads). */
export async function download<Query>(endpoint: Endpoint<SpreadsheetFile, undefined, Query>, filename: string, input: RequestOptions & { query?: NoInfer<Query> } = {}): Promise<void> {
  const { query, ...options } = input;
  const answer = await exchange(() => fetchFile(buildUrl(endpoint.path, query as object | undefined), authHeader()));
  settle<void>(answer, options);
  try {
    await answer.save(filename);
  } catch {
    const message = options.failureMessage ?? UNEXPECTED_RESPONSE_MESSAGE;
    showErrorToast(message);
    throw new ApiError(0, 'UNEXPECTED_RESPONSE', message);
  }
}
