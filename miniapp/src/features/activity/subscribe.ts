import Taro from '@tarojs/taro';

// Subscribe-message template ids from the WeChat console (`.env.*`), comma separated.
const TEMPLATE_IDS = (process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS ?? '')
  .split(',')
  .map((id) => id.trim())
  .filter((id) => id !== '');

/**
 * Asks WeChat for permission to send reminders (sign-up result, waitlist promotion, start soon).
 * Must run inside a tap; a refusal changes nothing: reminders then appear only under 消息.
 */
export async function requestReminderPermission(): Promise<void> {
  if (TEMPLATE_IDS.length === 0) {
    return;
  }
  try {
    await Taro.requestSubscribeMessage({ tmplIds: TEMPLATE_IDS, entityIds: [] });
  } catch {
    // Refused, or an old WeChat without subscribe messages.
  }
}
