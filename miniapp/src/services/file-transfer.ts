import Taro from '@tarojs/taro';

/** What came back before the HTTP client reads it: the status and the body (parsed when JSON). */
export interface RawAnswer {
  statusCode: number;
  data: unknown;
}

/** A file answer: `save` hands it to the person (WeChat's document viewer, or the browser's downloads). */
export interface FileAnswer extends RawAnswer {
  save: (filename: string) => Promise<void>;
}

/** A picked file: a temporary file path in WeChat, a File in the browser. */
export type LocalFile = string | File;

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') {
    return text;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** WeChat: multipart upload of one file in the field `file` (wx.uploadFile answers with text). */
export async function sendFile(url: string, header: Record<string, string>, file: LocalFile): Promise<RawAnswer> {
  if (typeof file !== 'string') {
    throw new TypeError('WeChat uploads a temporary file path');
  }
  const result = await Taro.uploadFile({ url, filePath: file, name: 'file', header });
  return { statusCode: result.statusCode, data: parseJson(result.data) };
}

/** WeChat: download to a temporary file; an error answer is JSON in that file. */
export async function fetchFile(url: string, header: Record<string, string>): Promise<FileAnswer> {
  const { statusCode, tempFilePath } = await Taro.downloadFile({ url, header });
  let data: unknown;
  if (statusCode < 200 || statusCode >= 300) {
    try {
      data = parseJson(Taro.getFileSystemManager().readFileSync(tempFilePath, 'utf8'));
    } catch {
      data = undefined;
    }
  }
  return {
    statusCode,
    data,
    // The viewer lets the person forward or save the sheet.
    save: async () => {
      await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
    },
  };
}
