import { MigrationInterface, QueryRunner } from 'typeorm';
import { col, fk } from '../migration-helpers';
import { MigrationSteps } from '../migration-steps';

export class BrandsAndTalks1764489600000 implements MigrationInterface {
  name = 'BrandsAndTalks1764489600000';

  async up(qr: QueryRunner): Promise<void> {
    const steps = new MigrationSteps(qr);
    await steps.ensureTable({
      name: 'images',
      columns: [
        col.id(),
        col.int('ownerId'),
        col.varchar('key', 200),
        col.varchar('thumbKey', 200),
        col.varchar('contentType', 40),
        col.int('width'),
        col.int('height'),
        col.int('bytes'),
        col.createdAt(qr),
      ],
      indices: [
        { name: 'UQ_images_key', columnNames: ['key'], isUnique: true },
        { name: 'IDX_images_owner', columnNames: ['ownerId'] },
      ],
      foreignKeys: [fk('ownerId', 'users', 'CASCADE')],
    });
    await steps.ensureTable({
      name: 'brands',
      columns: [
        col.id(),
        col.int('orgId'),
        col.varchar('name', 60),
        col.varchar('slogan', 100),
        col.json('story', false),
        col.int('coverImageId', true),
        col.json('galleryImageIds', false),
        col.json('honours', false),
        col.varchar('status', 16),
        col.varchar('returnReason', 300, true),
        col.datetime('submittedAt', true),
        col.datetime('reviewedAt', true),
        col.int('reviewedBy', true),
        col.json('published'),
        col.datetime('publishedAt', true),
        col.bool('isDemoPoint'),
        col.int('demoPointYear', true),
        col.int('viewCount', false, 0),
        col.int('likeCount', false, 0),
        col.bool('isSample'),
        col.createdAt(qr),
        col.updatedAt(qr),
      ],
      indices: [{ name: 'UQ_brands_org', columnNames: ['orgId'], isUnique: true }],
      foreignKeys: [fk('orgId', 'orgs', 'CASCADE'), fk('coverImageId', 'images', 'SET NULL')],
    });
    await steps.ensureTable({
      name: 'brand_likes',
      columns: [col.id(), col.int('brandId'), col.int('userId'), col.createdAt(qr)],
      indices: [
        { name: 'UQ_brand_likes', columnNames: ['brandId', 'userId'], isUnique: true },
        { name: 'IDX_brand_likes_user', columnNames: ['userId'] },
      ],
      foreignKeys: [fk('brandId', 'brands', 'CASCADE'), fk('userId', 'users', 'CASCADE')],
    });
    await steps.ensureTable({
      name: 'pioneer_posts',
      columns: [
        col.id(),
        col.int('orgId'),
        col.varchar('name', 60),
        col.varchar('kind', 32),
        col.int('enterpriseId', true),
        col.varchar('workshop', 60),
        col.varchar('commitment', 500),
        col.json('holderIds', false),
        col.json('published'),
        col.bool('isSample'),
        col.createdAt(qr),
        col.updatedAt(qr),
      ],
      indices: [{ name: 'IDX_pioneer_posts_org', columnNames: ['orgId'] }],
      foreignKeys: [fk('orgId', 'orgs', 'CASCADE'), fk('enterpriseId', 'enterprises', 'SET NULL')],
    });
    await steps.ensureTable({
      name: 'post_reviews',
      columns: [col.id(), col.int('postId'), col.varchar('reviewedOn', 10), col.int('reviewerId'), col.varchar('note', 500), col.createdAt(qr)],
      indices: [{ name: 'IDX_post_reviews_post', columnNames: ['postId'] }],
      foreignKeys: [fk('postId', 'pioneer_posts', 'CASCADE'), fk('reviewerId', 'users', 'CASCADE')],
    });
    await steps.ensureTable({
      name: 'talk_sessions',
      columns: [
        col.id(),
        col.int('activityId'),
        col.varchar('theme', 100),
        col.json('hostDepartmentIds', false),
        col.text('minutes'),
        col.datetime('minutesPublishedAt', true),
        col.bool('isSample'),
        col.createdAt(qr),
        col.updatedAt(qr),
      ],
      indices: [{ name: 'UQ_talk_sessions_activity', columnNames: ['activityId'], isUnique: true }],
      foreignKeys: [fk('activityId', 'activities', 'CASCADE')],
    });
    await steps.ensureTable({
      name: 'appeals',
      columns: [
        col.id(),
        col.int('talkSessionId'),
        col.int('registrationId'),
        col.int('userId'),
        col.int('enterpriseId', true),
        col.varchar('enterpriseName', 100),
        col.varchar('position', 50),
        col.varchar('category', 32),
        col.text('content', false),
        col.varchar('status', 16),
        col.text('answer'),
        col.int('answeredBy', true),
        col.datetime('answeredAt', true),
        col.createdAt(qr),
        col.updatedAt(qr),
      ],
      indices: [
        { name: 'UQ_appeals_registration', columnNames: ['registrationId'], isUnique: true },
        { name: 'IDX_appeals_talk', columnNames: ['talkSessionId'] },
        { name: 'IDX_appeals_user', columnNames: ['userId'] },
      ],
      foreignKeys: [
        fk('talkSessionId', 'talk_sessions', 'CASCADE'),
        fk('registrationId', 'registrations', 'CASCADE'),
        fk('userId', 'users', 'CASCADE'),
        fk('enterpriseId', 'enterprises', 'SET NULL'),
      ],
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    const steps = new MigrationSteps(qr);
    for (const table of ['appeals', 'talk_sessions', 'post_reviews', 'pioneer_posts', 'brand_likes', 'brands', 'images']) {
      await steps.dropTableIfExists(table);
    }
  }
}
