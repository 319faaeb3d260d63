import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';
import { ROUTES } from '@/services/routes';
import { useSession } from '../session';
import { signInSilently } from '../silent-sign-in';

/**
 * Pages that need a signed-in person call this and render their content while it is true.
 * Without a session on arrival: WeChat signs in silently, the browser goes to the sign-in page.
 * A session that ends later (401) is the HTTP client's to handle; this hook only stops rendering.
 */
export function useRequireSession(): boolean {
  const { signedIn } = useSession();
  const checkedOnArrival = useRef(false);

  useEffect(() => {
    if (checkedOnArrival.current) {
      return;
    }
    checkedOnArrival.current = true;
    if (signedIn) {
      return;
    }
    void signInSilently().then((success) => {
      if (!success) {
        void Taro.reLaunch({ url: ROUTES.login });
      }
    });
  }, [signedIn]);

  return signedIn;
}
