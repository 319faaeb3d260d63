/** H5 has no camera API (wechat.md): the code is typed instead. */
export async function scanQrText(): Promise<string | null> {
  return null;
}

export const canScan = false;
