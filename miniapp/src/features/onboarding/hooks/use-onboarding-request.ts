import { useState } from 'react';
import Taro from '@tarojs/taro';

/**
 * A request from an onboarding page: `pending` while it runs; a failure has already been shown by the HTTP client,
 * so it only ends the wait. `submit` then confirms success in a dialog and goes where the person goes next.
 */
export function useOnboardingRequest() {
  const [pending, setPending] = useState(false);

  const run = async (task: () => Promise<void>): Promise<void> => {
    setPending(true);
    try {
      await task();
    } catch {
      // Shown by the HTTP client (无效、已使用、已有待审核的申请、次数过多 …).
    } finally {
      setPending(false);
    }
  };

  const submit = (send: () => Promise<{ title: string; content: string }>, next: () => Promise<unknown>) =>
    run(async () => {
      const done = await send();
      await Taro.showModal({ ...done, showCancel: false });
      await next();
    });

  return { pending, run, submit };
}
