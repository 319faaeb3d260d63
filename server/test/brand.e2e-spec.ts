import type { BrandDetail, BrandSummary, BrandWorkspaceResponse, ChainResponse, ImageResponse, MeResponse, Page } from '@torch-red/shared';
import sharp from 'sharp';
import { devLogin } from './factories/auth.factory';
import { createWorld, type World } from './factories/world.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';
import { allPages } from './support/pages';

type Auth = { Authorization: string };

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#c8102e' } }).png().toBuffer();

describe.each(DATABASES)('brands and showcases on %s', (db) => {
  let t: TestApp;
  let world: World;
  let secretary: Auth; // 赵书记, made SECRETARY of the world's branch by the suite
  let otherSecretary: Auth; // the secretary of a branch on the other chain
  let committee: Auth; // committee staff of the branch's chain
  let member: Auth; // a member of the branch, working at its enterprise
  let admin: Auth;
  let ownOrg: string;

  beforeAll(async () => {
    t = await startTestApp(db);
    world = await createWorld(t);
    otherSecretary = world.otherSecretary.auth;
    committee = world.committee.auth;
    member = world.member.auth;
    admin = world.admin;
    ownOrg = world.branch.id;
    const person = await devLogin(t, 'brand-secretary', '赵书记');
    await t.http().post(`/api/admin/users/${person.user.id}/roles`).set(admin).send({ role: 'SECRETARY', orgId: ownOrg }).expect(201);
    secretary = person.auth;
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = (auth: Auth, body: Buffer, name = 'photo.png') => t.http().post('/api/uploads/images').set(auth).attach('file', body, name);

  describe('images', () => {
    it('stores a real image re-encoded at sensible widths, served with caching headers', async () => {
      const res = await upload(secretary, await png(2400, 1200)).expect(201);
      const image = res.body as ImageResponse;
      expect(image).toMatchObject({ width: 1280, height: 640 });
      const file = await t.http().get(image.url).expect(200);
      expect(file.headers['content-type']).toBe('image/jpeg');
      expect(file.headers['cache-control']).toContain('immutable');
      const thumb = await sharp(Buffer.from((await t.http().get(image.thumbUrl).buffer(true).parse((r, cb) => { const c: Buffer[] = []; r.on('data', (d: Buffer) => c.push(d)); r.on('end', () => cb(null, Buffer.concat(c))); })).body as Buffer)).metadata();
      expect(thumb.width).toBe(480);
    });

    it('refuses files that are not images, whatever their name, and images too large', async () => {
      const fake = await upload(secretary, Buffer.from('<?php echo "hi"; ?>'), 'evil.png').expect(422);
      expect(fake.body).toMatchObject({ code: 'IMAGE_INVALID' });
      const svg = await upload(secretary, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"/>'), 'a.svg').expect(422);
      expect(svg.body.code).toBe('IMAGE_INVALID');
      const huge = await upload(secretary, await png(8200, 20)).expect(413);
      expect(huge.body.code).toBe('IMAGE_TOO_LARGE');
      await t.http().post('/api/uploads/images').set(secretary).send({ file: 'x' }).expect(400);
      await t.http().post('/api/uploads/images').attach('file', await png(20, 20), 'a.png').expect(401);
      await t.http().get('/api/files/img/2026/not-a-file.jpg').expect(404);
    });
  });

  describe('review workflow', () => {
    let brandId: string;
    let cover: ImageResponse;

    it('lets the secretary draft and submit, and only the chain committee or an admin decide', async () => {
      cover = (await upload(secretary, await png(800, 600))).body;
      const draft = await t.http()
        .put(`/api/workspace/orgs/${ownOrg}/brand`)
        .set(secretary)
        .send({ name: '风电“双创先锋”', slogan: '创新创效，先锋引领', story: [{ type: 'paragraph', text: '支部介绍' }, { type: 'image', imageId: cover.id }], coverImageId: cover.id, galleryImageIds: [cover.id], honours: ['示例荣誉'] })
        .expect(200);
      expect(draft.body as BrandWorkspaceResponse).toMatchObject({ status: 'DRAFT', hasPublishedVersion: false, cover: { id: cover.id }, storyImages: [{ id: cover.id }] });
      brandId = draft.body.id;
      await t.http().put(`/api/workspace/orgs/${ownOrg}/brand`).set(otherSecretary).send({ ...draft.body.content }).expect(404);
      await t.http().get(`/api/brands/${brandId}`).set(member).expect(404);

      const submitted = await t.http().post(`/api/workspace/orgs/${ownOrg}/brand/submit`).set(secretary).expect(200);
      expect(submitted.body.status).toBe('SUBMITTED');
      await t.http().post(`/api/workspace/orgs/${ownOrg}/brand/submit`).set(secretary).expect(409);
      await t.http().put(`/api/workspace/orgs/${ownOrg}/brand`).set(secretary).send({ ...draft.body.content }).expect(409);

      // The secretary cannot approve their own brand; another chain's committee cannot see it.
      await t.http().post(`/api/review/brands/${brandId}/approve`).set(secretary).expect(403);
      const queue = (await allPages<BrandWorkspaceResponse>(t, '/api/review/brands', committee));
      expect(queue.map((b) => b.id)).toContain(brandId);
      const reviewerInbox = await t.http().get('/api/me/notifications').set(committee).expect(200);
      expect(reviewerInbox.body.items[0]).toMatchObject({ kind: 'BRAND_SUBMITTED' });

      const returned = await t.http().post(`/api/review/brands/${brandId}/return`).set(committee).send({ reason: '请补充具体做法' }).expect(200);
      expect(returned.body).toMatchObject({ status: 'RETURNED', returnReason: '请补充具体做法' });
      await t.http().post(`/api/review/brands/${brandId}/return`).set(committee).send({ reason: '' }).expect(400);
      await t.http().post(`/api/workspace/orgs/${ownOrg}/brand/submit`).set(secretary).expect(200);
      const approved = await t.http().post(`/api/review/brands/${brandId}/approve`).set(committee).expect(200);
      expect(approved.body).toMatchObject({ status: 'APPROVED', hasPublishedVersion: true });
      await t.http().post(`/api/review/brands/${brandId}/approve`).set(committee).expect(409);

      const audit = await t.http().get(`/api/admin/audit-logs?entityType=brand&entityId=${brandId}`).set(admin).expect(200);
      expect(audit.body.items.map((i: { action: string }) => i.action)).toEqual(expect.arrayContaining(['brand.submit', 'brand.return', 'brand.approve']));
    });

    it('keeps the published version visible while an edit waits for review', async () => {
      const detail = (await t.http().get(`/api/brands/${brandId}`).set(member).expect(200)).body as BrandDetail;
      expect(detail).toMatchObject({ name: '风电“双创先锋”', gallery: [{ id: cover.id }] });
      expect(detail.story[1]).toMatchObject({ type: 'image', image: { id: cover.id } });
      await t.http()
        .put(`/api/workspace/orgs/${ownOrg}/brand`)
        .set(secretary)
        .send({ name: '风电“双创先锋”2.0', slogan: '新口号', story: [], coverImageId: null, galleryImageIds: [], honours: [] })
        .expect(200);
      await t.http().post(`/api/workspace/orgs/${ownOrg}/brand/submit`).set(secretary).expect(200);
      const still = (await t.http().get(`/api/brands/${brandId}`).set(member).expect(200)).body as BrandDetail;
      expect(still.name).toBe('风电“双创先锋”');
      await t.http().post(`/api/review/brands/${brandId}/approve`).set(admin).expect(200);
      const updated = (await t.http().get(`/api/brands/${brandId}`).set(member).expect(200)).body as BrandDetail;
      expect(updated.name).toBe('风电“双创先锋”2.0');
    });

    it('publishes pioneer posts with the brand, and records reviews', async () => {
      const me = (await t.http().get('/api/me').set(member).expect(200)).body as MeResponse;
      // Holders must belong to the post's organisation.
      const holder = await devLogin(t, 'brand-post-holder', '钱工');
      await t.http().put(`/api/admin/users/${holder.user.id}/membership`).set(admin).send({ orgId: ownOrg }).expect(200);
      const post = await t.http()
        .post(`/api/workspace/orgs/${ownOrg}/posts`)
        .set(secretary)
        .send({ name: '总装调试党员先锋岗', kind: 'PIONEER_POST', enterpriseId: me.enterpriseId, workshop: '总装车间', commitment: '调试一次成功率 100%', holderIds: [holder.user.id] })
        .expect(201);
      expect(post.body).toMatchObject({ published: false, holders: [{ name: '钱工' }] });
      const workspace = (await t.http().get(`/api/workspace/orgs/${ownOrg}/brand`).set(secretary).expect(200)).body as BrandWorkspaceResponse;
      expect(workspace.status).toBe('DRAFT');
      let detail = (await t.http().get(`/api/brands/${brandId}`).set(member).expect(200)).body as BrandDetail;
      expect(detail.posts.map((p) => p.name)).not.toContain('总装调试党员先锋岗');
      await t.http().post(`/api/workspace/orgs/${ownOrg}/brand/submit`).set(secretary).expect(200);
      await t.http().post(`/api/review/brands/${brandId}/approve`).set(committee).expect(200);
      detail = (await t.http().get(`/api/brands/${brandId}`).set(member).expect(200)).body as BrandDetail;
      expect(detail.posts.map((p) => p.name)).toContain('总装调试党员先锋岗');
      const reviewed = await t.http().post(`/api/workspace/posts/${post.body.id}/reviews`).set(secretary).send({ reviewedOn: '2026-11-20', note: '按期践诺' }).expect(201);
      expect(reviewed.body.reviews[0]).toMatchObject({ note: '按期践诺', reviewerName: '赵书记' });
      await t.http().post(`/api/workspace/posts/${post.body.id}/reviews`).set(otherSecretary).send({ reviewedOn: '2026-11-20', note: 'x' }).expect(404);
      await t.http().post(`/api/workspace/orgs/${ownOrg}/posts`).set(secretary).send({ name: '岗', kind: 'BOSS', workshop: 'x', commitment: 'y', holderIds: [], enterpriseId: null }).expect(400);
    });

    it('counts likes once per person, even when tapped twice at once', async () => {
      const taps = await Promise.all([1, 2, 3].map(() => t.http().post(`/api/brands/${brandId}/like`).set(member)));
      expect(taps.every((r) => r.status === 200)).toBe(true);
      const after = (await t.http().get(`/api/brands/${brandId}`).set(member).expect(200)).body as BrandDetail;
      expect(after).toMatchObject({ likeCount: 1, likedByMe: true });
      await t.http().post(`/api/brands/${brandId}/like`).set(otherSecretary).expect(200);
      const unliked = await t.http().delete(`/api/brands/${brandId}/like`).set(member).expect(200);
      expect(unliked.body).toEqual({ liked: false, likeCount: 1 });
      await t.http().delete(`/api/brands/${brandId}/like`).set(member).expect(200);
      expect(((await t.http().get(`/api/brands/${brandId}`).set(member)).body as BrandDetail).likeCount).toBe(1);
    });
  });

  describe('browsing', () => {
    it('lists demonstration points first, filters by chain, and links the chain map to brands', async () => {
      // A second published brand, on the other chain, named a demonstration point by an admin.
      const other = world.otherBranch.id;
      const otherName = `${world.tag}“链上红帆”`;
      const drafted = await t.http()
        .put(`/api/workspace/orgs/${other}/brand`)
        .set(otherSecretary)
        .send({ name: otherName, slogan: '红帆引领', story: [{ type: 'paragraph', text: '支部介绍' }], coverImageId: null, galleryImageIds: [], honours: ['省级创新型中小企业'] })
        .expect(200);
      await t.http().post(`/api/workspace/orgs/${other}/brand/submit`).set(otherSecretary).expect(200);
      await t.http().post(`/api/review/brands/${drafted.body.id}/approve`).set(admin).expect(200);
      await t.http().put(`/api/admin/brands/${drafted.body.id}/demo-point`).set(admin).send({ isDemoPoint: true, year: 2025 }).expect(200);

      const all = (await t.http().get('/api/brands?limit=100').set(member).expect(200)).body as Page<BrandSummary>;
      const firstNonDemo = all.items.findIndex((b) => !b.isDemoPoint);
      expect(firstNonDemo).toBeGreaterThan(0);
      expect(all.items.slice(firstNonDemo).every((b) => !b.isDemoPoint)).toBe(true);
      expect(all.items.map((b) => b.name)).toEqual(expect.arrayContaining([otherName, '风电“双创先锋”2.0']));
      const demo = all.items.find((b) => b.name === otherName)!;
      expect(demo).toMatchObject({ honours: ['省级创新型中小企业'], isSample: false, isDemoPoint: true, chainName: world.otherChain.name });
      const chains = (await t.http().get('/api/chains').set(member).expect(200)).body as ChainResponse[];
      const own = chains.find((c) => c.id === world.chain.id)!;
      const byChain = (await t.http().get(`/api/brands?chainId=${own.id}`).set(member).expect(200)).body as Page<BrandSummary>;
      expect(byChain.items.map((b) => b.name)).toContain('风电“双创先锋”2.0');
      expect(byChain.items.every((b) => b.chainName === world.chain.name)).toBe(true);
      expect(own.enterprises.find((e) => e.id === world.enterprise.id)?.brandId).toEqual(expect.any(String));
      const paged = (await t.http().get('/api/brands?limit=2').set(member).expect(200)).body as Page<BrandSummary>;
      const next = (await t.http().get(`/api/brands?limit=2&cursor=${paged.nextCursor}`).set(member).expect(200)).body as Page<BrandSummary>;
      expect(next.items[0].id).not.toBe(paged.items[0].id);
    });

    it('lets only admins name demonstration points, audited', async () => {
      const all = (await t.http().get('/api/brands?limit=100').set(member).expect(200)).body as Page<BrandSummary>;
      const target = all.items.find((b) => !b.isDemoPoint)!;
      await t.http().put(`/api/admin/brands/${target.id}/demo-point`).set(committee).send({ isDemoPoint: true, year: 2026 }).expect(403);
      const named = await t.http().put(`/api/admin/brands/${target.id}/demo-point`).set(admin).send({ isDemoPoint: true, year: 2026 }).expect(200);
      expect(named.body).toMatchObject({ isDemoPoint: true, demoPointYear: 2026 });
    });
  });
});
