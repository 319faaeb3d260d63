import type { BrandContent, BrandSummary, BrandWorkspaceResponse, ImageResponse, PostContent, PostResponse, StoryBlock } from '@torch-red/shared';
import { allowedBrandActions } from '@torch-red/shared';
import { toIso } from '../../database/sql-time';
import type { NamedRef } from '../org/org-directory.service';
import type { BrandEntity } from './brand.entity';
import type { PioneerPostEntity } from './pioneer-post.entity';
import type { PostReviewEntity } from './post-review.entity';

/** The editors of a brand with `userId` added (each once). */
export function withEditor(editorIds: number[] | null | undefined, userId: number): number[] {
  return [...new Set([...(editorIds ?? []), userId])];
}

/** The image ids a story's picture blocks refer to. */
export function storyImageIds(story: StoryBlock[]): number[] {
  return story.filter((b) => b.type === 'image').map((b) => Number((b as { imageId: string }).imageId));
}

/** The working copy of a brand's content (what approval publishes). */
export function brandContentOf(b: BrandEntity): BrandContent {
  return {
    name: b.name,
    slogan: b.slogan,
    story: b.story,
    coverImageId: b.coverImageId === null ? null : String(b.coverImageId),
    galleryImageIds: b.galleryImageIds.map(String),
    honours: b.honours,
  };
}

export function postContentOf(p: PioneerPostEntity): PostContent {
  return { name: p.name, kind: p.kind, enterpriseId: p.enterpriseId === null ? null : String(p.enterpriseId), workshop: p.workshop, commitment: p.commitment, holderIds: p.holderIds.map(String) };
}

/** A post in the version `content` (working or published), with the names it refers to already looked up. */
export function toPostResponse(
  p: PioneerPostEntity,
  content: PostContent,
  lookups: { people: Map<number, string>; enterprises: Map<number, string>; reviews: PostReviewEntity[] },
): PostResponse {
  return {
    id: String(p.id),
    name: content.name,
    kind: content.kind,
    enterpriseId: content.enterpriseId,
    enterpriseName: content.enterpriseId ? (lookups.enterprises.get(Number(content.enterpriseId)) ?? null) : null,
    workshop: content.workshop,
    commitment: content.commitment,
    holders: content.holderIds.filter((h) => lookups.people.has(Number(h))).map((h) => ({ id: h, name: lookups.people.get(Number(h))! })),
    reviews: lookups.reviews
      .filter((r) => r.postId === p.id)
      .map((r) => ({ id: String(r.id), reviewedOn: r.reviewedOn, reviewerName: lookups.people.get(r.reviewerId) ?? '', note: r.note, createdAt: toIso(r.createdAt) })),
    published: p.published !== null,
  };
}

/**
 * The working copy as the people who run or review the org see it. Everyone these views go to manages the
 * organisation (reviewers are committee staff above it, or admins), hence isManager.
 */
export function toBrandWorkspace(
  brand: BrandEntity,
  view: { orgName: string; cover: ImageResponse | null; gallery: ImageResponse[]; storyImages: ImageResponse[]; posts: PostResponse[]; changedPostIds: string[] },
): BrandWorkspaceResponse {
  const { canEdit, canSubmit } = allowedBrandActions(brand.status, { isManager: true, isReviewer: false });
  return {
    id: String(brand.id),
    orgId: String(brand.orgId),
    orgName: view.orgName,
    status: brand.status,
    content: brandContentOf(brand),
    cover: view.cover,
    gallery: view.gallery,
    storyImages: view.storyImages,
    returnReason: brand.returnReason,
    submittedAt: toIso(brand.submittedAt),
    reviewedAt: toIso(brand.reviewedAt),
    hasPublishedVersion: brand.published !== null,
    published: brand.published,
    changedPostIds: view.changedPostIds,
    isDemoPoint: brand.isDemoPoint,
    demoPointYear: brand.demoPointYear,
    posts: view.posts,
    canEdit,
    canSubmit,
  };
}

/** A brand card: the published content if there is one, and where the org stands (enterprise, chain). */
export function toBrandSummary(
  b: BrandEntity,
  place: { org?: NamedRef; enterprise?: NamedRef; chain?: NamedRef },
  cover: ImageResponse | null,
): BrandSummary {
  const content = b.published ?? brandContentOf(b);
  return {
    id: String(b.id),
    orgId: String(b.orgId),
    orgName: place.org?.name ?? '',
    enterpriseId: place.enterprise ? String(place.enterprise.id) : null,
    enterpriseName: place.enterprise?.name ?? null,
    chainId: place.chain ? String(place.chain.id) : null,
    chainName: place.chain?.name ?? null,
    name: content.name,
    slogan: content.slogan,
    cover,
    honours: content.honours,
    isDemoPoint: b.isDemoPoint,
    demoPointYear: b.demoPointYear,
    viewCount: b.viewCount,
    likeCount: b.likeCount,
    isSample: b.isSample,
  };
}
