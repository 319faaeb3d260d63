import { downloadSpreadsheet } from '@/services/download-spreadsheet';

/** The attendee list as .xlsx (saved in the browser, opened in WeChat's document viewer in the mini-program). */
export function exportRegistrations(activityId: string, title: string): Promise<void> {
  return downloadSpreadsheet(`/api/activities/${activityId}/export`, `${title}-报名名单`);
}
