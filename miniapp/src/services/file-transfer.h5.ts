import type { fetchFile as weappFetchFile, sendFile as weappSendFile } from './file-transfer';

export type { FileAnswer, LocalFile, RawAnswer } from './file-transfer';

/** Browser: multipart upload of one File in the field `file`. */
export const sendFile: typeof weappSendFile = async (url, header, file) => {
  const form = new FormData();
  form.append('file', file);
  const response = await fetch(url, { method: 'POST', body: form, headers: header });
  return { statusCode: response.status, data: await response.json().catch(() => undefined) };
};

/** Browser: fetch the file, then save it through a Blob link with a readable name. */
export const fetchFile: typeof weappFetchFile = async (url, header) => {
  const response = await fetch(url, { headers: header });
  if (!response.ok) {
    return { statusCode: response.status, data: await response.json().catch(() => undefined), save: () => Promise.resolve() };
  }
  const blob = await response.blob();
  return {
    statusCode: response.status,
    data: undefined,
    save: async (filename) => {
      const href = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = href;
      link.download = `${filename.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      // Give the browser a moment to start the download before the Blob goes away.
      setTimeout(() => URL.revokeObjectURL(href), 10000);
    },
  };
};
