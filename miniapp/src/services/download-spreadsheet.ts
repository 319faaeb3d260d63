import Taro from '@tarojs/taro';
import { buildUrl, type Query } from '@/services/http';
import { getAccessToken } from '@/services/token-storage';

/** WeChat: download an .xlsx with the token, then open it in WeChat's document viewer (share from there). */
export async function downloadSpreadsheet(path: string, _filename: string, query?: Query): Promise<void> {
  const { statusCode, tempFilePath } = await Taro.downloadFile({
    url: buildUrl(path, query),
    header: { Authorization: `Bearer ${getAccessToken() ?? ''}` },
  });
  if (statusCode !== 200) {
    throw new Error(statusCode === 403 || statusCode === 404 ? '没有权限导出' : '导出失败，请稍后再试');
  }
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
}
