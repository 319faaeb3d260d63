import { isErrorResponse } from '@torch-red/shared';
import { buildUrl } from '@/services/http';
import { getAccessToken } from '@/services/token-storage';
import type { exportRegistrations as weappExportRegistrations } from './export-registrations';

/** Browser: fetch the .xlsx with the token and save it through a Blob link named after the activity. */
export const exportRegistrations: typeof weappExportRegistrations = async (activityId, title) => {
  const response = await fetch(buildUrl(`/api/activities/${activityId}/export`), {
    headers: { Authorization: `Bearer ${getAccessToken() ?? ''}` },
  });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new Error(isErrorResponse(body) ? body.message : '导出失败，请稍后再试');
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `${title.replace(/[\\/:*?"<>|]/g, '_')}-报名名单.xlsx`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the Blob goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
};
