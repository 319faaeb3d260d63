import type { requestReminderPermission as weappRequestReminderPermission } from './subscribe';

/** Browsers have no subscribe messages: reminders appear under 消息. */
export const requestReminderPermission: typeof weappRequestReminderPermission = () => Promise.resolve();
