import type { AuditLogResponse, LessonDetail, LessonSummary, Page } from '@torch-red/shared';
import { adminLogin, devLogin } from './factories/auth.factory';
import { publishedLesson, studyColumn } from './factories/study.factory';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

type Auth = { Authorization: string };

/** The 理论学习 lesson admin: the list's filters, publishing and withdrawing (audited as such), image blocks with captions. */
describe.each(DATABASES)('study lesson admin on %s', (db) => {
  let t: TestApp;
  let admin: Auth;
  let columnId: string;
  let otherColumnId: string;

  const list = async (query: string) => ((await t.http().get(`/api/admin/study/lessons?${query}`).set(admin).expect(200)).body as Page<LessonSummary>).items;
  const auditOf = async (lessonId: string) =>
    ((await t.http().get(`/api/admin/audit-logs?entityType=study_lesson&entityId=${lessonId}`).set(admin).expect(200)).body as Page<AuditLogResponse>).items;

  beforeAll(async () => {
    t = await startTestApp(db);
    admin = await adminLogin(t);
    columnId = await studyColumn(t, admin, '课程管理专栏');
    otherColumnId = await studyColumn(t, admin, '另一个专栏');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('filters the list by column, status and part of the title (LIKE wildcards taken literally)', async () => {
    const draft = await publishedLesson(t, admin, columnId, { title: '链长制草稿 100%_A', status: 'DRAFT' });
    const live = await publishedLesson(t, admin, columnId, { title: '链长制已发布课' });
    const elsewhere = await publishedLesson(t, admin, otherColumnId, { title: '链长制另一专栏' });

    expect((await list(`columnId=${columnId}`)).map((l) => l.id)).toEqual([live.id, draft.id]);
    expect((await list(`columnId=${columnId}&status=DRAFT`)).map((l) => l.id)).toEqual([draft.id]);
    expect((await list(`columnId=${columnId}&status=PUBLISHED`)).map((l) => l.id)).toEqual([live.id]);
    expect((await list(`q=${encodeURIComponent('链长制')}`)).map((l) => l.id)).toEqual([elsewhere.id, live.id, draft.id]);
    expect((await list(`q=${encodeURIComponent('链长制')}&status=PUBLISHED`)).map((l) => l.id)).toEqual([elsewhere.id, live.id]);
    expect((await list(`q=${encodeURIComponent('100%_A')}`)).map((l) => l.id)).toEqual([draft.id]);
    expect(await list(`q=${encodeURIComponent('%')}&columnId=${otherColumnId}`)).toEqual([]);
    expect(await list(`q=${encodeURIComponent('_')}&columnId=${otherColumnId}`)).toEqual([]);
  });

  it('pages through a filtered list', async () => {
    const stamp = `分页${db}`;
    const made: string[] = [];
    for (let i = 0; i < 3; i += 1) made.push((await publishedLesson(t, admin, otherColumnId, { title: `${stamp} ${i}`, status: 'DRAFT' })).id);
    const first = (await t.http().get(`/api/admin/study/lessons?q=${encodeURIComponent(stamp)}&limit=2`).set(admin).expect(200)).body as Page<LessonSummary>;
    expect(first.items.map((l) => l.id)).toEqual([made[2], made[1]]);
    const second = (await t.http().get(`/api/admin/study/lessons?q=${encodeURIComponent(stamp)}&limit=2&cursor=${first.nextCursor}`).set(admin).expect(200)).body as Page<LessonSummary>;
    expect(second.items.map((l) => l.id)).toEqual([made[0]]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a bad filter with a validation code, and the list to anyone but an admin', async () => {
    const bad = await t.http().get('/api/admin/study/lessons?status=ARCHIVED').set(admin).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    await t.http().get(`/api/admin/study/lessons?q=${'长'.repeat(101)}`).set(admin).expect(400);
    const member = await devLogin(t, `lesson-admin-${db}`, '普通党员');
    const denied = await t.http().get('/api/admin/study/lessons').set(member.auth).expect(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    await t.http().patch('/api/admin/study/lessons/1').set(member.auth).send({ status: 'DRAFT' }).expect(403);
  });

  it('publishes and withdraws a lesson: members see it only while published, and each step is audited as such', async () => {
    const member = await devLogin(t, `lesson-reader-${db}`, '学习党员');
    const lesson = await publishedLesson(t, admin, columnId, {
      title: '发布与撤回',
      status: 'DRAFT',
      blocks: [
        { type: 'heading', text: '一、背景' },
        { type: 'paragraph', text: '正文' },
        { type: 'image', url: '/api/files/img/1', text: '图片说明' },
      ],
    });
    expect(lesson.blocks[2]).toEqual({ type: 'image', url: '/api/files/img/1', text: '图片说明' });
    await t.http().get(`/api/study/lessons/${lesson.id}`).set(member.auth).expect(404);

    const published = (await t.http().patch(`/api/admin/study/lessons/${lesson.id}`).set(admin).send({ status: 'PUBLISHED' }).expect(200)).body as LessonDetail;
    expect(published.status).toBe('PUBLISHED');
    expect(published.publishedAt).not.toBeNull();
    const seen = (await t.http().get(`/api/study/lessons/${lesson.id}`).set(member.auth).expect(200)).body as LessonDetail;
    expect(seen.blocks).toEqual(lesson.blocks);
    const inColumn = (await t.http().get(`/api/study/columns/${columnId}/lessons`).set(member.auth).expect(200)).body as Page<LessonSummary>;
    expect(inColumn.items.map((l) => l.id)).toContain(lesson.id);

    const withdrawn = (await t.http().patch(`/api/admin/study/lessons/${lesson.id}`).set(admin).send({ status: 'DRAFT' }).expect(200)).body as LessonDetail;
    expect(withdrawn).toMatchObject({ status: 'DRAFT', publishedAt: null });
    await t.http().get(`/api/study/lessons/${lesson.id}`).set(member.auth).expect(404);
    const after = (await t.http().get(`/api/study/columns/${columnId}/lessons`).set(member.auth).expect(200)).body as Page<LessonSummary>;
    expect(after.items.map((l) => l.id)).not.toContain(lesson.id);

    await t.http().patch(`/api/admin/study/lessons/${lesson.id}`).set(admin).send({ title: '发布与撤回（改）' }).expect(200);
    const statusOf = (v: unknown) => (v as { status?: string } | null)?.status ?? null;
    const actions = (await auditOf(lesson.id)).map((a) => [a.action, statusOf(a.before), statusOf(a.after)]);
    expect(actions).toEqual([
      ['study.lesson.update', 'DRAFT', 'DRAFT'],
      ['study.lesson.unpublish', 'PUBLISHED', 'DRAFT'],
      ['study.lesson.publish', 'DRAFT', 'PUBLISHED'],
      ['study.lesson.create', null, 'DRAFT'],
    ]);
  });

  it('refuses to publish a video lesson without its address, and a lesson in a column that does not exist', async () => {
    const lesson = await publishedLesson(t, admin, columnId, { title: '视频草稿', status: 'DRAFT' });
    const video = await t.http().patch(`/api/admin/study/lessons/${lesson.id}`).set(admin).send({ kind: 'VIDEO', status: 'PUBLISHED' }).expect(400);
    expect(video.body.code).toBe('VALIDATION_FAILED');
    expect(((await t.http().get(`/api/admin/study/lessons/${lesson.id}`).set(admin).expect(200)).body as LessonDetail).status).toBe('DRAFT');
    const column = await t.http().patch(`/api/admin/study/lessons/${lesson.id}`).set(admin).send({ columnId: '999999' }).expect(404);
    expect(column.body.code).toBe('NOT_FOUND');
    expect((await auditOf(lesson.id)).map((a) => a.action)).toEqual(['study.lesson.create']);
  });
});
