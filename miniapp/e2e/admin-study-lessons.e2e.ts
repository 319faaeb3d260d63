import { expect, test, type Page } from '@playwright/test';
import { ADMIN_SCREENS, adminRoute, expectAdminDenied, openAdminScreen, runStamp } from './support/admin';
import { BrowserSession, confirmModal, makePng, openTab, screenshot } from './support/browser';

const session = new BrowserSession();
const { pageErrors } = session;

test.beforeAll(() => session.start());
test.afterAll(() => session.close());

for (const screen of ADMIN_SCREENS) {
  test.describe.serial(`管理后台 理论学习·课程 at ${screen.width}×${screen.height} (H5)`, () => {
    const stamp = runStamp(screen);
    const columnName = `链上学习专栏${stamp}`;
    const title = `以产业链党建引领强链补链 ${stamp}`;
    const heading = '一、为什么要把支部建在链上';
    const paragraph = `产业链延伸到哪里，党的组织就覆盖到哪里（${stamp}）。`;
    const caption = '链上企业党员共学现场';
    const shot = (page: Page, name: string) => screenshot(page, `admin-lessons-${name}-${screen.name}`);
    let admin: Page;
    let lessonId = '';

    test('a non-admin opening the lessons screen sees 无权限, and no admin data is requested', async () => {
      await expectAdminDenied(await session.signInAs('王军', screen), ['lessons']);
    });

    test('admin 许红 opens 理论学习·课程 from 管理后台 and creates a column', async () => {
      admin = await session.signInAs('许红', screen);
      await openAdminScreen(admin, 'lessons');
      await admin.locator('.admin-table--lessons').waitFor();
      if (screen.desktop) await expect(admin.locator('.admin-page--lessons .admin-layout__nav-item--lessons')).toHaveClass(/admin-layout__nav-item--active/);

      await admin.locator('.filter-chips--lessons-tab .filter-chips__chip', { hasText: '专栏' }).click();
      await admin.locator('.admin-table--study-columns').waitFor();
      await admin.locator('.lessons-page__create').click();
      const panel = admin.locator('.admin-panel--study-column');
      await expect(panel.locator('.admin-panel__title')).toHaveText('新建专栏');
      await panel.locator('.study-column-panel__save').click();
      await expect(panel.locator('.admin-field--name .org-panel__error')).toHaveText('请填写专栏名称');
      await panel.locator('.admin-field--name input').fill(columnName);
      await panel.locator('.admin-field--description textarea').fill('产业链党建的做法与案例');
      await panel.locator('.study-column-panel__save').click();
      await expect(panel.locator('.admin-panel__title')).toHaveText(columnName);
      await expect(admin.locator('.admin-table--study-columns .admin-table__row--selected')).toContainText(columnName);
      await shot(admin, 'columns');
    });

    test('writes a lesson: inline messages first, then a heading, a paragraph and an uploaded picture, saved as a draft', async () => {
      await admin.locator('.filter-chips--lessons-tab .filter-chips__chip', { hasText: '课程' }).click();
      await admin.locator('.admin-table--lessons').waitFor();
      await admin.locator('.lessons-page__create').click();
      const panel = admin.locator('.admin-panel--lesson');
      await expect(panel.locator('.admin-panel__title')).toHaveText('新建课程');

      // Nothing filled in: each problem beside its field, in Chinese.
      await panel.locator('.lesson-editor__save').click();
      await expect(panel.locator('.admin-field--title .lesson-editor__error')).toHaveText('请填写课程标题');
      await expect(panel.locator('.admin-field--columnId .lesson-editor__error')).toHaveText('请选择专栏');
      await expect(panel.locator('.lesson-blocks-editor__block').first().locator('.lesson-blocks-editor__error')).toHaveText('请填写内容或删除这一块');

      await panel.locator('.admin-field--title input').fill(title);
      await panel.locator('.org-panel__chips--lesson-column .admin-chip', { hasText: columnName }).click();
      await panel.locator('.admin-field--minutes input').fill('8');
      await panel.locator('.admin-field--summary textarea').fill('学习产业链党建的由来与做法。');
      await panel.locator('.lesson-blocks-editor__block').first().locator('textarea').fill(paragraph);
      await panel.locator('.lesson-blocks-editor__add-heading').click();
      await panel.locator('.lesson-blocks-editor__block--heading input').fill(heading);
      // The heading goes above the paragraph.
      await panel.locator('.lesson-blocks-editor__block--heading .lesson-blocks-editor__up').click();
      await expect(panel.locator('.lesson-blocks-editor__block').first()).toHaveClass(/lesson-blocks-editor__block--heading/);

      // The picture goes through the upload route, from the browser's file input.
      const [chooser] = await Promise.all([admin.waitForEvent('filechooser'), panel.locator('.lesson-blocks-editor__add-image').click()]);
      await expect(chooser.element().getAttribute('class')).resolves.toBe('brand-image-input');
      await chooser.setFiles({ name: 'lesson.png', mimeType: 'image/png', buffer: makePng(160, 96) });
      const thumb = panel.locator('.lesson-blocks-editor__block--image .lesson-blocks-editor__thumb');
      await thumb.waitFor();
      await expect.poll(() => thumb.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      await panel.locator('.lesson-blocks-editor__caption input').fill(caption);
      await shot(admin, 'editor');

      await panel.locator('.lesson-editor__save').click();
      await expect(panel.locator('.admin-panel__title')).toHaveText(title);
      await expect(panel.locator('.lesson-editor__status')).toHaveText('草稿');
      const row = admin.locator('.admin-table--lessons .admin-table__row--selected');
      await expect(row).toContainText(title);
      await expect(row.locator('.admin-table__cell--status')).toContainText('草稿');
      lessonId = (await row.getAttribute('data-key')) ?? '';
      expect(lessonId).toMatch(/^\d+$/);
      // Read back from the server: the three blocks in their order.
      await expect(panel.locator('.lesson-blocks-editor__block')).toHaveCount(3);
      await expect(panel.locator('.lesson-blocks-editor__block').nth(0).locator('input')).toHaveValue(heading);
      await expect(panel.locator('.lesson-blocks-editor__block').nth(1).locator('textarea')).toHaveValue(paragraph);
      await expect(panel.locator('.lesson-blocks-editor__caption input')).toHaveValue(caption);
    });

    test('previews it with the member page’s own article, picture showing', async () => {
      const panel = admin.locator('.admin-panel--lesson');
      await panel.locator('.lesson-editor__preview-toggle').click();
      const article = panel.locator('.lesson-editor__phone .lesson-article');
      await expect(article.locator('.lesson-article__title')).toHaveText(title);
      await expect(article.locator('.lesson-article__minutes')).toHaveText('约 8 分钟');
      await expect(article.locator('.lesson-blocks__heading')).toHaveText(heading);
      await expect(article.locator('.lesson-blocks__paragraph')).toHaveText(paragraph);
      await expect(article.locator('.lesson-blocks__caption')).toHaveText(caption);
      const image = article.locator('.lesson-blocks__image img');
      await expect(image).toBeVisible();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
      await shot(admin, 'preview');
    });

    test('publishes it after confirming; the filters find it by status, column and title', async () => {
      const panel = admin.locator('.admin-panel--lesson');
      await panel.locator('.lesson-editor__publish').click();
      await confirmModal(admin);
      await expect(panel.locator('.lesson-editor__status')).toHaveText('已发布');
      await expect(panel.locator('.lesson-editor__unpublish')).toBeVisible();
      const row = admin.locator(`.admin-table--lessons .admin-table__row[data-key="${lessonId}"]`);
      await expect(row.locator('.admin-table__cell--status')).toContainText('已发布');

      const statusChip = (label: string) => admin.locator('.filter-chips--lesson-status .filter-chips__chip', { hasText: label });
      await statusChip('草稿').click();
      await expect(row).toHaveCount(0);
      await statusChip('已发布').click();
      await expect(row).toBeVisible();
      await admin.locator('.filter-chips--lesson-column .filter-chips__chip', { hasText: columnName }).click();
      await expect(admin.locator('.admin-table--lessons .admin-table__row')).toHaveCount(1);
      await expect(row).toBeVisible();
      await admin.locator('.lessons-page__input input').fill(`不存在的课程${stamp}`);
      await admin.locator('.lessons-page__find').click();
      await expect(admin.locator('.admin-page--lessons .page-state__title')).toHaveText('没有符合条件的课程');
      await admin.locator('.lessons-page__input input').fill(stamp);
      await admin.locator('.lessons-page__find').click();
      await expect(row).toBeVisible();
      await shot(admin, 'list');
    });

    test('member 张伟 finds it in the column on the study pages, as previewed', async () => {
      const member = await session.signInAs('张伟', screen);
      await openTab(member, '学习');
      await member.locator('.study-page .column-card', { hasText: columnName }).click();
      await member.waitForURL(/#\/packages\/study\/pages\/column\/index\?id=\d+/);
      await member.locator('.study-column-page .lesson-item', { hasText: title }).click();
      await member.waitForURL(new RegExp(`#/packages/study/pages/lesson/index\\?id=${lessonId}`));
      const article = member.locator('.lesson-page .lesson-article');
      await expect(article.locator('.lesson-article__title')).toHaveText(title);
      await expect(article.locator('.lesson-blocks__heading')).toHaveText(heading);
      await expect(article.locator('.lesson-blocks__paragraph')).toHaveText(paragraph);
      await expect(article.locator('.lesson-blocks__caption')).toHaveText(caption);
      await expect.poll(() => article.locator('.lesson-blocks__image img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
      await shot(member, 'member-lesson');
    });

    test('finds the creation and the publishing in 审计日志, from the lesson’s 审计记录 and by the 理论学习 filter', async () => {
      await admin.locator('.admin-panel--lesson .lesson-panel__audit').click();
      await admin.waitForURL(new RegExp(`packages/admin/pages/audit/index\\?entityType=study_lesson&entityId=${lessonId}`));
      const rows = admin.locator('.admin-table--audit .admin-table__row');
      await expect(rows.filter({ hasText: '发布课程' })).toHaveCount(1);
      await expect(rows.filter({ hasText: '新建课程' })).toHaveCount(1);
      await rows.filter({ hasText: '发布课程' }).click();
      const entry = admin.locator('.admin-panel--audit-entry');
      await expect(entry.locator('.admin-field--action')).toContainText('发布课程');
      await expect(entry.locator('.admin-field--actor')).toContainText('许红');

      await admin.goto(adminRoute('audit'));
      await admin.locator('.filter-chips--audit-action .filter-chips__chip', { hasText: '理论学习' }).click();
      await expect(rows.filter({ hasText: '发布课程' }).filter({ hasText: `#${lessonId}` }).first()).toBeVisible();
      await shot(admin, 'audit');
    });

    test('withdraws it after confirming: back to 草稿 in the list', async () => {
      // Back to the lessons screen (the one left open, with its filters).
      await admin.goto(adminRoute('lessons'));
      const statusChip = (label: string) => admin.locator('.filter-chips--lesson-status .filter-chips__chip', { hasText: label });
      await statusChip('全部状态').click();
      const row = admin.locator(`.admin-table--lessons .admin-table__row[data-key="${lessonId}"]`);
      await row.click();
      const panel = admin.locator('.admin-panel--lesson');
      await expect(panel.locator('.lesson-editor__status')).toHaveText('已发布');
      await panel.locator('.lesson-editor__unpublish').click();
      await confirmModal(admin);
      await expect(panel.locator('.lesson-editor__status')).toHaveText('草稿');
      await expect(panel.locator('.lesson-editor__publish')).toBeVisible();
      await expect(row.locator('.admin-table__cell--status')).toContainText('草稿');
      await statusChip('已发布').click();
      await expect(row).toHaveCount(0);
      await statusChip('草稿').click();
      await expect(row).toBeVisible();
      expect(pageErrors).toEqual([]);
    });
  });
}
