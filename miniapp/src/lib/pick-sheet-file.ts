import Taro from '@tarojs/taro';
import type { LocalFile } from '@/services/file-transfer';

/**
 * WeChat: pick one .xlsx from a chat (where a filled-in template or a roster arrives); null when the person backs
 * out. Used by 党员名册 导入 and the 题库 import.
 */
export async function pickSheetFile(): Promise<LocalFile | null> {
  try {
    const picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
    return picked.tempFiles[0]?.path ?? null;
  } catch {
    return null;
  }
}
