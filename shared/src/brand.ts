import type { BrandActions } from './brand-state';
import type { ImageResponse } from './media';

/** The working copy's place in review. Members only ever see the last approved (published) version. */
export const BRAND_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'] as const;
export type BrandStatus = (typeof BRAND_STATUSES)[number];

export const BRAND_STATUS_LABELS: Record<BrandStatus, string> = {
  DRAFT: '草稿',
  SUBMITTED: '审核中',
  RETURNED: '已退回',
  APPROVED: '已发布',
};

/** Rich text as safe blocks, rendered natively by the app (no HTML). */
export type StoryBlock = { type: 'heading'; text: string } | { type: 'paragraph'; text: string } | { type: 'image'; imageId: string };

export const POST_KINDS = ['PIONEER_POST', 'RESPONSIBILITY_AREA'] as const;
export type PostKind = (typeof POST_KINDS)[number];

export const POST_KIND_LABELS: Record<PostKind, string> = {
  PIONEER_POST: '党员先锋岗',
  RESPONSIBILITY_AREA: '党员责任区',
};

export const BRAND_LIMITS = {
  nameMaxLength: 60,
  sloganMaxLength: 100,
  storyBlocksMax: 60,
  blockTextMaxLength: 2000,
  galleryMax: 12,
  honoursMax: 20,
  honourMaxLength: 50,
  commitmentMaxLength: 500,
  reasonMaxLength: 300,
} as const;

export interface BrandContent {
  name: string;
  slogan: string;
  story: StoryBlock[];
  coverImageId: string | null;
  galleryImageIds: string[];
  honours: string[];
}

export type SaveBrandRequest = BrandContent;

export interface ReturnBrandRequest {
  reason: string;
}

export interface DemoPointRequest {
  isDemoPoint: boolean;
  year?: number | null;
}

export interface PostHolder {
  id: string;
  name: string;
}

export interface PostReviewResponse {
  id: string;
  reviewedOn: string;
  reviewerName: string;
  note: string;
  createdAt: string;
}

export interface PostContent {
  name: string;
  kind: PostKind;
  enterpriseId: string | null;
  workshop: string;
  commitment: string;
  holderIds: string[];
}

export type SavePostRequest = PostContent;

export interface PostReviewRequest {
  reviewedOn: string;
  note: string;
}

export interface PostResponse {
  id: string;
  name: string;
  kind: PostKind;
  enterpriseId: string | null;
  enterpriseName: string | null;
  workshop: string;
  commitment: string;
  holders: PostHolder[];
  reviews: PostReviewResponse[];
  /** False until the brand it belongs to is approved with it. */
  published: boolean;
}

export interface BrandSummary {
  id: string;
  orgId: string;
  orgName: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  chainId: string | null;
  chainName: string | null;
  name: string;
  slogan: string;
  cover: ImageResponse | null;
  honours: string[];
  isDemoPoint: boolean;
  demoPointYear: number | null;
  viewCount: number;
  likeCount: number;
  isSample: boolean;
}

export interface BrandDetail extends BrandSummary {
  story: Array<StoryBlock & { image?: ImageResponse }>;
  gallery: ImageResponse[];
  posts: PostResponse[];
  likedByMe: boolean;
  publishedAt: string | null;
}

/**
 * The secretary's working copy, with its review state and what members currently see. canEdit / canSubmit are
 * for the organisation's managers (everyone these responses go to).
 */
export interface BrandWorkspaceResponse extends Pick<BrandActions, 'canEdit' | 'canSubmit'> {
  id: string;
  orgId: string;
  orgName: string;
  status: BrandStatus;
  content: BrandContent;
  cover: ImageResponse | null;
  gallery: ImageResponse[];
  /** The pictures the story's image blocks refer to. */
  storyImages: ImageResponse[];
  returnReason: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  hasPublishedVersion: boolean;
  /** The content members see now (null before the first approval): the reviewer compares it with `content`. */
  published: BrandContent | null;
  /** Posts added or edited since the last approval (their working copy differs from what members see). */
  changedPostIds: string[];
  isDemoPoint: boolean;
  demoPointYear: number | null;
  posts: PostResponse[];
}

export interface LikeResponse {
  liked: boolean;
  likeCount: number;
}
