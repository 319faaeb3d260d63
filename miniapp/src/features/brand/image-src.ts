import { buildUrl } from '@/services/http';

/** Image URLs come back relative (`/api/files/img/…`): weapp needs the API origin in front. */
export function imageSrc(url: string): string {
  return /^https?:\/\//.test(url) ? url : buildUrl(url);
}
