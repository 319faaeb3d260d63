import Taro from '@tarojs/taro';
import { buildUrl } from '@/services/http';
import { getAccessToken } from '@/services/token-storage';

/** WeChat: download the .xlsx with the token, then open it in WeChat's document viewer (share from there). */
export async function exportRegistrations(activityId: string, _title: string): Promise<void> {
  const { statusCode, tempFilePath } = await Taro.downloadFile({
    url: buildUrl(`/api/activities/${activityId}/export`),
    header: { Authorization: `Bearer ${getAccessToken() ?? ''}` },
  });
  if (statusCode !== 200) {
    throw new Error(statusCode === 403 || statusCode === 404 ? '没有权限导出该活动的名单' : '导出失败，请稍后再试');
  }
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
}
