import type { Page } from '@torch-red/shared';
import type { TestApp } from './test-app';

type Auth = Record<string, string>;

/** Every page of a paginated list, walked with nextCursor, as one array (tests that read a whole list). */
export async function allPages<T>(t: TestApp, path: string, auth: Auth, limit = 100): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const sep = path.includes('?') ? '&' : '?';
    const url = `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = (await t.http().get(url).set(auth).expect(200)).body as Page<T>;
    items.push(...page.items);
    if (page.nextCursor === null) return items;
    cursor = page.nextCursor;
  }
  throw new Error(`${path}: more than 1000 pages`);
}
