import type { BrandSummary } from '@torch-red/shared';

const PUNCTUATION = /[\s“”"'‘’「」『』《》〈〉·・（）()【】[\]、，。！？!?:：;；-]/;

/** The first two characters of the name, without quotes or punctuation: the placeholder cover's text. */
export function brandInitials(name: string): string {
  return Array.from(name)
    .filter((char) => !PUNCTUATION.test(char))
    .slice(0, 2)
    .join('');
}

const QUOTED = /[“"「『]([^”"」』]+)[”"」』]/;

/** The brand's own words for a cover without a photo: the quoted part (金祥寓党支部“三服一创两满意” → 三服一创两满意), else the name. */
export function brandMotto(name: string): string {
  return QUOTED.exec(name)?.[1]?.trim() || name.trim();
}

/** One of a few placeholder tones, the same for a brand every time, so a list without photos is not a wall of one colour. */
export function brandTone(name: string, tones = 3): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 997;
  return hash % tones;
}

/** `2024 年示范点` */
export function demoPointLabel(brand: Pick<BrandSummary, 'isDemoPoint' | 'demoPointYear'>): string | null {
  if (!brand.isDemoPoint) {
    return null;
  }
  return brand.demoPointYear ? `${brand.demoPointYear} 年示范点` : '示范点';
}

/** 1.2万 beyond ten thousand, as WeChat counts read. */
export function formatCount(count: number): string {
  return count >= 10000 ? `${(count / 10000).toFixed(1).replace(/\.0$/, '')}万` : String(count);
}

/** Where the brand sits: `明阳风电 · 风电装备产业链`. */
export function brandPlace(brand: Pick<BrandSummary, 'orgName' | 'enterpriseName' | 'chainName'>): string {
  return [brand.enterpriseName ?? brand.orgName, brand.chainName].filter((part): part is string => Boolean(part)).join(' · ');
}

/** Today in China (UTC+8) as `YYYY-MM-DD`, for a post review's date. */
export function chinaToday(now = Date.now()): string {
  return new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The note under every like button: counts encourage, they never rank. */
export const NO_RANKING_NOTE = '浏览与点赞数仅用于展示和鼓励，不作为组织评比排名依据';
