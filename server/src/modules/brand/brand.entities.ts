import { BrandEntity } from './brand.entity';
import { BrandLikeEntity } from './brand-like.entity';
import { PioneerPostEntity } from './pioneer-post.entity';
import { PostReviewEntity } from './post-review.entity';

/** The tables the brand module owns; only its own code reads or writes them (see modules/module-boundaries.spec.ts). */
export const BRAND_ENTITIES = [BrandEntity, BrandLikeEntity, PioneerPostEntity, PostReviewEntity];
