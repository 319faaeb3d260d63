import { isErrorResponse } from '@torch-red/shared';
import { buildUrl } from '@/services/http';
import { getAccessToken } from '@/services/token-storage';
import type { downloadSpreadsheet as weappDownloadSpreadsheet } from './download-spreadsheet';

/** Browser: fetch the .xlsx with the token and save it through a Blob link with a readable name. */
export const downloadSpreadsheet: typeof weappDownloadSpreadsheet = async (path, filename, query) => {
  const response = await fetch(buildUrl(path, query), { headers: { Authorization: `Bearer ${getAccessToken() ?? ''}` } });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new Error(isErrorResponse(body) ? body.message : '导出失败，请稍后再试');
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `${filename.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the Blob goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
};
