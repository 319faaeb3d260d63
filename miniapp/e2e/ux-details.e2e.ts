import { expect, test, type Page } from '@playwright/test';
import type { LessonSummary, Page as ListPage, StudyColumnResponse, StudySessionResponse, TodoResponse } from '@torch-red/shared';
import { BrowserSession, BASE_URL, api, openTab, screenshotsAtWidths, tokenOf } from './support/browser';

/**
 * Issue 13's smaller things people notice (item 19), as the people who see them: empty states with a sign that
 * fits, 往期 that says there are none, ledger counts that stay put under a filter, a 专栏 that names itself and
 * shows a lesson begun, designed covers for brands without photos, no 正式党员 beside 未加入党组织, the admin's
 * workspace named for what it holds, and the date picker's 确定 in the app's red. Kept at 360, 390 and 430 px
 * (uxd-<page>-<width>.png).
 */
const session = new BrowserSession();
const { pageErrors } = session;
const shots = (page: Page, name: string) => screenshotsAtWidths(page, `uxd-${name}`);

test.beforeAll(() => session.start());
test.afterAll(() => session.close());

test.describe.serial('small things people notice (H5)', () => {
  test('committee 孙丽: empty states carry a sign that fits what they would hold', async () => {
    const page = await session.signInAs('孙丽');
    await page.goto(`${BASE_URL}/#/packages/workspace/pages/study-participation/index`);
    await expect(page.locator('.page-state__title')).toHaveText('本组织下暂无成员');
    await expect(page.locator('.page-state__emblem-glyph')).toHaveText('人');
    await shots(page, 'empty-participation');

    await page.goto(`${BASE_URL}/#/packages/onboarding/pages/join-requests/index`);
    await expect(page.locator('.page-state__title')).toHaveText('暂无待审核的申请');
    await expect(page.locator('.page-state__emblem-glyph')).toHaveText('审');
    await shots(page, 'empty-join-requests');
  });

  test('entrepreneur 王军: 往期 says there are no past sessions yet', async () => {
    const page = await session.signInAs('王军');
    await page.locator('.talk-card__more').click();
    await page.waitForURL(/talk\/pages\/list\/index/);
    await expect(page.locator('.talks-page__section')).toHaveText(['本期', '往期']);
    await expect(page.locator('.talks-page__no-past')).toContainText('暂无往期');
    await shots(page, 'talks-no-past');
  });

  test('admin 许红: the ledger header counts the whole ledger whatever the filter; the workspace is named for all orgs; no 正式党员 beside 未加入党组织', async () => {
    const { accessToken } = await tokenOf('demo-admin-xuhong');
    const todo = (await api<TodoResponse>('GET', '/api/me/todo', accessToken)).body;
    const count = (kind: string) => todo.items.find((item) => item.kind === kind)!.count;
    const header = `全部台账：${count('NEEDS_TO_DISPATCH')} 条待派单 · ${count('NEEDS_OVERDUE')} 条超期`;

    const page = await session.signInAs('许红');
    await page.goto(`${BASE_URL}/#/packages/workspace/pages/needs-ledger/index`);
    await expect(page.locator('.needs-ledger-page__subtitle')).toHaveText(header);
    await expect(page.locator('.needs-ledger-page__shown')).toHaveText(/^共 \d+ 条(以上)?$/);
    await page.locator('.filter-chips--status .filter-chips__chip', { hasText: '待接单' }).click();
    await expect(page.locator('.needs-ledger-page__shown')).toHaveText(/^符合筛选条件 \d+ 条(以上)?$/);
    await expect(page.locator('.needs-ledger-page__subtitle')).toHaveText(header);
    await shots(page, 'ledger-filtered');

    await page.goto(`${BASE_URL}/#/pages/mine/index`);
    await expect(page.locator('.mine-menu__item--workspace')).toContainText('活动管理');
    await expect(page.locator('.profile-card')).toContainText('未加入党组织');
    await expect(page.locator('.profile-card')).not.toContainText('正式党员');
    await shots(page, 'mine-admin');

    await page.locator('.mine-menu__item--workspace').click();
    await page.waitForURL(/workspace\/pages\/activities\/index/);
    await expect(page.locator('.workspace-page__title')).toHaveText('全部组织活动');
    await expect(page.locator('.taro-navigation-bar-title')).toHaveText('活动管理');
    await shots(page, 'workspace-admin');
  });

  test('member 王芳: a 专栏 names itself, and a lesson begun says how far she got', async () => {
    const { accessToken } = await tokenOf('demo-member-wangfang');
    const [column] = (await api<StudyColumnResponse[]>('GET', '/api/study/columns', accessToken)).body;
    const lessons = (await api<ListPage<LessonSummary>>('GET', `/api/study/columns/${column.id}/lessons?limit=50`, accessToken)).body.items;
    const lesson = lessons.filter((l) => !l.completed).at(-1)!;
    // A little reading, timed by the server: one heartbeat after its minimum interval.
    const start = await api<StudySessionResponse>('POST', `/api/study/lessons/${lesson.id}/sessions`, accessToken, {});
    expect(start.status).toBe(201);
    const started = start.body;
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    expect((await api('POST', `/api/study/sessions/${started.sessionId}/heartbeat`, accessToken, {})).status).toBe(200);
    await api('POST', `/api/study/sessions/${started.sessionId}/end`, accessToken, {});

    const page = await session.signInAs('王芳');
    await openTab(page, '学习');
    await page.locator('.column-card', { hasText: column.name }).click();
    await page.waitForURL(/study\/pages\/column\/index/);
    await expect(page.locator('.study-column-page__title')).toHaveText(column.name);
    await expect(page.locator('.study-column-page__count')).toHaveText(`共 ${column.lessonCount} 篇 · 已学 ${column.completedCount} 篇`);
    const item = page.locator('.lesson-item', { hasText: lesson.title });
    await expect(item.locator('.lesson-item__progress-text')).toHaveText(/^已学 1[0-9]秒，共需 /);
    await expect(item.locator('.lesson-item__todo')).toHaveText('继续学');
    await item.scrollIntoViewIfNeeded();
    await shots(page, 'study-column');
  });

  test('member 张伟: brands without photos get a designed cover, not a wall of red blocks', async () => {
    const page = await session.signInAs('张伟');
    await openTab(page, '品牌');
    const placeholders = page.locator('.brand-card .brand-cover--placeholder');
    await placeholders.first().waitFor();
    await expect(placeholders.first().locator('.brand-cover__motto')).not.toBeEmpty();
    await expect(page.locator('.brand-card .brand-cover__initials')).toHaveCount(0);
    await shots(page, 'brands');
  });

  test('secretary 刘洋: the date picker confirms in the app’s red', async () => {
    const page = await session.signInAs('刘洋');
    await page.goto(`${BASE_URL}/#/packages/workspace/pages/activity-form/index`);
    await page.locator('.date-time-field').first().locator('*').first().click();
    const confirm = page.locator('.weui-picker__action:visible').last();
    await expect(confirm).toHaveText('确定');
    await expect(confirm).toHaveCSS('color', 'rgb(200, 16, 46)');
    expect((await confirm.boundingBox())!.height).toBeGreaterThanOrEqual(40);
    await shots(page, 'date-picker');
    expect(pageErrors).toEqual([]);
  });
});
