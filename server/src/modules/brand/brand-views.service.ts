import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BrandSummary, BrandWorkspaceResponse, PostResponse } from '@torch-red/shared';
import { DataSource, In } from 'typeorm';
import { ImageService } from '../media/image.service';
import { OrgDirectory } from '../org/org-directory.service';
import { PeopleDirectory } from '../user/people-directory.service';
import type { BrandEntity } from './brand.entity';
import { postContentOf, storyImageIds, toBrandSummary, toBrandWorkspace, toPostResponse } from './brand.mapper';
import { PioneerPostEntity } from './pioneer-post.entity';
import { PostReviewEntity } from './post-review.entity';

/** Loads what the brand responses show (org names, images, people, reviews) and hands it to brand.mapper.ts. */
@Injectable()
export class BrandViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly images: ImageService,
    private readonly orgDirectory: OrgDirectory,
    private readonly people: PeopleDirectory,
  ) {}

  async summaries(brands: BrandEntity[]): Promise<BrandSummary[]> {
    if (brands.length === 0) return [];
    const places = await this.orgDirectory.places(brands.map((b) => b.orgId));
    const covers = await this.images.byIds(brands.map((b) => (b.published?.coverImageId ? Number(b.published.coverImageId) : 0)).filter(Boolean));
    return brands.map((b) => {
      const coverId = (b.published ?? b).coverImageId;
      const cover = coverId ? covers.get(Number(coverId)) : undefined;
      return toBrandSummary(b, places.get(b.orgId) ?? {}, cover ? this.images.respond(cover) : null);
    });
  }

  async posts(posts: PioneerPostEntity[], version: 'published' | 'working'): Promise<PostResponse[]> {
    if (posts.length === 0) return [];
    const contents = posts.map((p) => (version === 'published' && p.published ? p.published : postContentOf(p)));
    const holderIds = [...new Set(contents.flatMap((c) => c.holderIds.map(Number)))];
    const enterpriseIds = [...new Set(contents.map((c) => c.enterpriseId).filter((x): x is string => x !== null).map(Number))];
    const reviews = await this.dataSource.getRepository(PostReviewEntity).find({ where: { postId: In(posts.map((p) => p.id)) }, order: { reviewedOn: 'DESC', id: 'DESC' } });
    const peopleIds = [...new Set([...holderIds, ...reviews.map((r) => r.reviewerId)])];
    const [people, enterprises] = await Promise.all([this.people.names(peopleIds), this.orgDirectory.enterprises(enterpriseIds)]);
    const lookups = { people, enterprises: new Map([...enterprises.values()].map((e) => [e.id, e.name])), reviews };
    return posts.map((p, i) => toPostResponse(p, contents[i], lookups));
  }

  async postById(id: number): Promise<PostResponse> {
    const post = (await this.dataSource.getRepository(PioneerPostEntity).findOneBy({ id }))!;
    return (await this.posts([post], 'working'))[0];
  }

  /** The workspace view of the org's brand (null when it has none yet), with its posts as given. */
  async workspace(orgId: number, brand: BrandEntity | null, posts: PioneerPostEntity[]): Promise<BrandWorkspaceResponse | null> {
    const org = await this.orgDirectory.org(orgId);
    if (!brand) return null;
    const storyIds = storyImageIds(brand.story);
    const images = await this.images.byIds([...(brand.coverImageId ? [brand.coverImageId] : []), ...brand.galleryImageIds, ...storyIds]);
    const respondAll = (ids: number[]) => ids.flatMap((i) => (images.has(i) ? [this.images.respond(images.get(i)!)] : []));
    return toBrandWorkspace(brand, {
      orgName: org?.name ?? '',
      cover: brand.coverImageId && images.get(brand.coverImageId) ? this.images.respond(images.get(brand.coverImageId)!) : null,
      gallery: respondAll(brand.galleryImageIds),
      storyImages: respondAll(storyIds),
      posts: await this.posts(posts, 'working'),
      changedPostIds: posts.filter((p) => postChanged(p)).map((p) => String(p.id)),
    });
  }

  /** The workspace view of a brand with its org's current posts. */
  async workspaceOf(brand: BrandEntity): Promise<BrandWorkspaceResponse> {
    return (await this.workspace(brand.orgId, brand, await this.dataSource.getRepository(PioneerPostEntity).find({ where: { orgId: brand.orgId }, order: { id: 'ASC' } })))!;
  }
}

/** A post never approved, or whose working copy differs from its published one in any field. */
function postChanged(post: PioneerPostEntity): boolean {
  if (!post.published) return true;
  const working = postContentOf(post);
  const published = post.published;
  return (Object.keys(working) as Array<keyof typeof working>).some((key) => JSON.stringify(working[key]) !== JSON.stringify(published[key]));
}
