import type { BrandSummary, ImageResponse } from '@torch-red/shared';

let sequence = 0;

export function buildImage(overrides: Partial<ImageResponse> = {}): ImageResponse {
  sequence += 1;
  return { id: `img-${sequence}`, url: `/api/files/img/2026/${sequence}.jpg`, thumbUrl: `/api/files/img/2026/${sequence}-t.jpg`, width: 1280, height: 720, ...overrides };
}

export function buildBrandSummary(overrides: Partial<BrandSummary> = {}): BrandSummary {
  sequence += 1;
  return {
    id: `brand-${sequence}`,
    orgId: `org-${sequence}`,
    orgName: '明阳风电第一党支部',
    enterpriseId: `ent-${sequence}`,
    enterpriseName: '明阳风电',
    chainId: 'chain-1',
    chainName: '风电装备产业链',
    name: '明阳风电“链上红帆”',
    slogan: '党旗插在链上，先锋站在岗上',
    cover: null,
    honours: [],
    isDemoPoint: false,
    demoPointYear: null,
    viewCount: 0,
    likeCount: 0,
    isSample: false,
    ...overrides,
  };
}
