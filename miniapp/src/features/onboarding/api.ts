import { API } from '@torch-red/shared';
import { send } from '@/services/http';

// Only what 我的 (main package) needs lives here; the onboarding pages' calls are in pages-api.ts, so they
// travel with the onboarding subpackage.
export const getBindingStatus = () => send(API.onboarding.status);
/** 409 (number held by another account, or not matching the roster) is the caller's to explain in full. */
export const bindPhone = (code: string) => send(API.onboarding.bindPhone, { body: { code }, quietStatuses: [409] });
