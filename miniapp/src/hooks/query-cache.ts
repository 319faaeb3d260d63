import { onAccessTokenChange } from '@/services/token-storage';

/** How many answers the cache keeps; the least recently used goes first. */
const MAX_ENTRIES = 50;

// The last answer per request key, so a page opened again shows it at once while it refreshes.
// One JS context holds every page (weapp and H5 alike), so a module-level map is shared by all.
const entries = new Map<string, unknown>();

export function readCache<T>(key: string): T | undefined {
  if (!entries.has(key)) {
    return undefined;
  }
  const value = entries.get(key);
  entries.delete(key);
  entries.set(key, value);
  // The key names one request, and only its own fetcher writes under it.
  return value as T;
}

export function writeCache(key: string, value: unknown): void {
  entries.delete(key);
  entries.set(key, value);
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
}

export function clearCache(): void {
  entries.clear();
}

// Another person (or nobody) from now on: nothing of the last person's may show.
onAccessTokenChange(clearCache);
