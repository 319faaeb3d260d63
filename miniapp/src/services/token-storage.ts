import Taro from '@tarojs/taro';

const TOKEN_KEY = 'torch-red.access-token';

type Listener = (token: string | null) => void;
const listeners = new Set<Listener>();

export function getAccessToken(): string | null {
  const token: unknown = Taro.getStorageSync(TOKEN_KEY);
  return typeof token === 'string' && token !== '' ? token : null;
}

export function setAccessToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
  listeners.forEach((listener) => listener(token));
}

export function clearAccessToken(): void {
  Taro.removeStorageSync(TOKEN_KEY);
  listeners.forEach((listener) => listener(null));
}

/** Lets the session store follow token changes made elsewhere (e.g. a 401 in the HTTP client). */
export function onAccessTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
