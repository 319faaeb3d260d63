import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import type { LoginResponse } from '@torch-red/shared';
import { ROUTES } from '@/services/routes';
import { startSession } from '../session';

/** Runs one sign-in call, stores the session and opens 首页. Errors are toasted by the HTTP client. */
export function useSignIn() {
  const [pending, setPending] = useState(false);

  const signIn = useCallback(async (login: () => Promise<LoginResponse>) => {
    setPending(true);
    try {
      startSession(await login());
      await Taro.reLaunch({ url: ROUTES.home });
    } catch {
      setPending(false);
    }
  }, []);

  return { signIn, pending };
}
