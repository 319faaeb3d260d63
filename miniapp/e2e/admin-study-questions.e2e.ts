import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { DailyQuizResponse, Page as ListPage, QuestionResponse } from '@torch-red/shared';
import { ADMIN_SCREENS, adminRoute, expectAdminDenied, openAdminScreen, runStamp } from './support/admin';
import { api, BrowserSession, confirmModal, screenshot, tokenOf } from './support/browser';

// The spreadsheets are built with the server's own xlsx library, from the template the page downloads.
const requireServer = createRequire(path.join(__dirname, '..', '..', 'server', 'package.json'));
interface Worksheet {
  addRow: (values: unknown[]) => unknown;
  getRow: (n: number) => { values: unknown[] };
}
interface Workbook {
  addWorksheet: (name: string) => Worksheet;
  worksheets: Worksheet[];
  xlsx: { writeBuffer: () => Promise<ArrayBuffer>; load: (data: Buffer) => Promise<unknown> };
}
const ExcelJS = requireServer('exceljs') as { Workbook: new () => Workbook };

const session = new BrowserSession();
const { pageErrors } = session;
/** The bank's questions whose stem holds `text`, as the server has them. */
const bankSearch = async (token: string, text: string) =>
  (await api<ListPage<QuestionResponse>>('GET', `/api/admin/study/questions?limit=100&q=${encodeURIComponent(text)}`, token)).body.items;

test.beforeAll(() => session.start());
test.afterAll(() => session.close());

for (const screen of ADMIN_SCREENS) {
  test.describe.serial(`理论学习·题库 at ${screen.width}×${screen.height} (H5)`, () => {
    const stamp = runStamp(screen);
    const shot = (page: Page, name: string) => screenshot(page, `admin-questions-${name}-${screen.name}`);
    const stem = (n: number) => `产业链党建导入题${n}-${stamp}`;
    let admin: Page;
    let token = '';
    let header: string[] = [];

    /** A file with the template's header and these rows. */
    const sheet = async (rows: string[][]): Promise<Buffer> => {
      const workbook = new ExcelJS.Workbook();
      const ws = workbook.addWorksheet('题目');
      ws.addRow(header);
      for (const row of rows) ws.addRow(row);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const choose = async (file: Buffer) => {
      const [chooser] = await Promise.all([admin.waitForEvent('filechooser'), admin.locator('.question-import__choose').click()]);
      await chooser.setFiles({ name: '题目.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    };
    const tab = (label: string) => admin.locator('.filter-chips--questions-tab .filter-chips__chip', { hasText: label }).click();

    test('a non-admin opening the route sees 无权限, and no admin data is requested', async () => {
      const page = await session.signInAs('王军', screen);
      await expectAdminDenied(page, ['questions'], () => shot(page, 'denied'));
    });

    test('许红 opens 理论学习·题库 from the 管理后台: the bank with its filters', async () => {
      admin = await session.signInAs('许红', screen);
      token = (await tokenOf('demo-admin-xuhong')).accessToken;
      await openAdminScreen(admin, 'questions');
      const rows = admin.locator('.admin-table--questions .admin-table__row');
      await rows.first().waitFor();
      if (screen.desktop) await expect(admin.locator('.admin-layout__nav-item--questions:visible')).toHaveClass(/admin-layout__nav-item--active/);

      // The demo bank's judgement questions only.
      await admin.locator('.filter-chips--question-type .filter-chips__chip', { hasText: '判断题' }).click();
      await expect(rows.first().locator('.admin-table__cell--type')).toContainText('判断题');
      await expect(rows.filter({ hasNotText: '判断题' })).toHaveCount(0);
      await admin.locator('.filter-chips--question-type .filter-chips__chip', { hasText: '全部题型' }).click();
      await rows.first().click();
      // The open question shows its right answer marked.
      await expect(admin.locator('.admin-panel--question .question-panel__letter--right').first()).toBeVisible();
      await shot(admin, 'bank');
      await admin.locator('.admin-panel--question .admin-panel__close').click();
    });

    test('导入: a file with a bad row shows that row and writes nothing; fixed, it imports and the bank finds it', async () => {
      await tab('导入');
      const [download] = await Promise.all([admin.waitForEvent('download'), admin.locator('.question-import__template').click()]);
      expect(download.suggestedFilename()).toBe('题库导入模板.xlsx');
      const saved = path.join(tmpdir(), `torch-red-questions-template-${stamp}.xlsx`);
      await download.saveAs(saved);
      const template = new ExcelJS.Workbook();
      await template.xlsx.load(readFileSync(saved));
      header = (template.worksheets[0].getRow(1).values as unknown[]).slice(1).map(String);
      expect(header.slice(0, 3)).toEqual(['题型', '题干', '选项A']);

      const good = [
        ['单选', stem(1), '党建链', '产业链', '创新链', '', '', '', 'A', '以党建链串联产业链。'],
        ['多选', stem(2), '技术攻关', '人才交流', '市场开拓', '', '', '', 'ABC', '三方面都可以协同。'],
      ];
      const bad = ['单选', stem(3), '是', '否', '', '', '', '', 'D', '答案超出了选项。'];
      await choose(await sheet([good[0], bad, good[1]]));
      const preview = admin.locator('.question-import__preview');
      await expect(preview.locator('.question-import__valid')).toHaveText('2 题可导入');
      const error = preview.locator('.question-import__error[data-row="3"]');
      await expect(error.locator('.question-import__error-column')).toHaveText('答案');
      await expect(error.locator('.question-import__error-text')).toHaveText('正确答案不在选项范围内');
      await expect(preview.locator('.question-import__error:not(.question-import__error--head)')).toHaveCount(1);
      await expect(preview.locator('.question-import__confirm')).toHaveClass(/nut-button-disabled/);
      await shot(admin, 'import-errors');
      // Nothing was written.
      expect(await bankSearch(token, stamp)).toEqual([]);

      bad[8] = 'B';
      await choose(await sheet([good[0], bad, good[1]]));
      await expect(preview.locator('.question-import__valid')).toHaveText('3 题可导入');
      await expect(preview.locator('.question-import__error')).toHaveCount(0);
      await expect(preview.locator('.question-import__sample-stem').first()).toHaveText(stem(1));
      expect(await bankSearch(token, stamp)).toEqual([]);
      await shot(admin, 'import-preview');

      await preview.locator('.question-import__confirm').click();
      await expect(admin.locator('.question-import__done .question-import__valid')).toHaveText('已导入 3 题');
      expect((await bankSearch(token, stamp)).map((q) => q.stem).sort()).toEqual([stem(1), stem(2), stem(3)]);
      await shot(admin, 'import-done');

      await admin.locator('.question-import__to-bank').click();
      await admin.locator('.questions-page__q input').fill(stem(2));
      await admin.locator('.questions-page__find').click();
      const rows = admin.locator('.admin-table--questions .admin-table__row');
      await expect(rows).toHaveCount(1);
      await expect(rows.first().locator('.admin-table__cell--answer .admin-table__value')).toHaveText('ABC');
      await expect(rows.first().locator('.admin-table__cell--state')).toContainText('启用中');
    });

    test('题库: edits a question, disables it with a confirm, finds it under 已停用; creates one', async () => {
      const rows = admin.locator('.admin-table--questions .admin-table__row');
      await admin.locator('.questions-page__q input').fill(stem(3));
      await admin.locator('.questions-page__find').click();
      await expect(rows).toHaveCount(1);
      await rows.first().click();
      const panel = admin.locator('.admin-panel--question');
      await expect(panel.locator('.admin-field--stem textarea')).toHaveValue(stem(3));
      await panel.locator('.admin-field--explanation textarea').fill('修改后的解析：选 B。');
      await panel.locator('.question-panel__save').click();
      await expect.poll(async () => (await bankSearch(token, stem(3)))[0]?.explanation).toBe('修改后的解析：选 B。');

      await panel.locator('.question-panel__toggle--disable').click();
      await confirmModal(admin);
      await expect(panel.locator('.question-panel__toggle--enable')).toBeVisible();
      await expect(rows.first().locator('.admin-table__cell--state')).toContainText('已停用');
      await admin.locator('.filter-chips--question-enabled .filter-chips__chip', { hasText: '启用中' }).click();
      await expect(admin.locator('.admin-table--questions')).toHaveCount(0);
      await admin.locator('.filter-chips--question-enabled .filter-chips__chip', { hasText: '已停用' }).click();
      await expect(rows).toHaveCount(1);
      await shot(admin, 'bank-disabled');
      await admin.locator('.filter-chips--question-enabled .filter-chips__chip', { hasText: '全部状态' }).click();

      await admin.locator('.questions-page__create').click();
      const form = admin.locator('.admin-panel--question');
      await expect(form.locator('.admin-panel__title')).toHaveText('新建题目');
      await form.locator('.org-panel__chip--JUDGE').click();
      await form.locator('.admin-field--stem textarea').fill(`“链长制”由链主企业牵头。${stamp}`);
      await form.locator('.question-panel__save').click();
      await expect(form.locator('.org-panel__error')).toHaveText('请选择正确答案');
      await form.locator('.question-panel__option[data-option="A"] .question-panel__judge').click();
      await form.locator('.admin-field--explanation textarea').fill('链长制由链主企业牵头、上下游协同。');
      await form.locator('.question-panel__save').click();
      await expect(form.locator('.admin-panel__title')).toHaveText(/^题目 #\d+$/);
      const created = await bankSearch(token, `链长制”由链主企业牵头。${stamp}`);
      expect(created.map((q) => [q.type, q.answer, q.enabled])).toEqual([['JUDGE', [0], true]]);
    });

    test('试卷: creates a fixed paper from imported questions and publishes it', async () => {
      await tab('试卷');
      await admin.locator('.questions-page__create').click();
      const panel = admin.locator('.admin-panel--paper');
      const title = `产业链党建专题测试 ${stamp}`;
      await panel.locator('.admin-field--title input').fill(title);
      await panel.locator('.paper-panel__find-input input').fill(stamp);
      await panel.locator('.paper-panel__find').click();
      const results = panel.locator('.paper-panel__result');
      // The disabled one is not offered.
      await expect(results).toHaveCount(3);
      await expect(results.filter({ hasText: stem(3) })).toHaveCount(0);
      await results.filter({ hasText: stem(1) }).locator('.paper-panel__add').click();
      await results.filter({ hasText: stem(2) }).locator('.paper-panel__add').click();
      await expect(panel.locator('.paper-panel__item')).toHaveCount(2);
      await panel.locator('.admin-field--timeLimitMinutes input').fill('15');
      await panel.locator('.org-panel__chip--PUBLISHED').click();
      await panel.locator('.paper-panel__save').click();
      await expect(panel.locator('.admin-panel__title')).toHaveText(title);
      const row = admin.locator('.admin-table--papers .admin-table__row', { hasText: title });
      await expect(row.locator('.admin-table__cell--mode .admin-table__value')).toHaveText('固定组卷 · 2 题');
      await expect(row.locator('.admin-table__cell--rules')).toContainText('限时 15 分钟');
      await expect(row.locator('.admin-table__cell--status .admin-table__value')).toHaveText('已发布');
      await admin.evaluate(() => window.scrollTo(0, 0));
      await shot(admin, 'papers');

      // Published: members see it among their 专题测试.
      const member = await tokenOf(`e2e-paper-${stamp}`, `党员${stamp}`);
      const papers = (await api<Array<{ title: string }>>('GET', '/api/study/papers', member.accessToken)).body;
      expect(papers.map((p) => p.title)).toContain(title);
    });

    test('异常记录: a too-fast daily quiz shows with the person and what happened', async () => {
      const name = `快答${stamp}`;
      const member = await tokenOf(`e2e-flag-${stamp}`, name);
      const quiz = (await api<DailyQuizResponse>('GET', '/api/study/daily-quiz', member.accessToken)).body;
      const submitted = await api('POST', '/api/study/daily-quiz/submit', member.accessToken, { answers: quiz.questions.map((q) => ({ questionId: q.id, choice: [0] })) });
      expect(submitted.status).toBeLessThan(300);

      await tab('异常记录');
      await admin.locator('.filter-chips--flag-kind .filter-chips__chip', { hasText: '答题快于正常阅读速度' }).click();
      const row = admin.locator('.admin-table--flags .admin-table__row', { hasText: name });
      await expect(row.locator('.admin-table__cell--kind .admin-table__value')).toHaveText('答题快于正常阅读速度');
      await expect(row.locator('.admin-table__cell--reason')).toContainText('每日答题仅用');
      await shot(admin, 'flags');
    });

    test('审计日志 holds the import, by 许红, with how many questions', async () => {
      await admin.goto(adminRoute('audit'));
      await admin.locator('.filter-chips--audit-action .filter-chips__chip', { hasText: '理论学习' }).click();
      const rows = admin.locator('.admin-table--audit .admin-table__row', { hasText: '导入题目' });
      await rows.first().click();
      const entry = admin.locator('.admin-panel--audit-entry');
      await expect(entry.locator('.admin-field--action')).toContainText('导入题目');
      await expect(entry.locator('.admin-field--actor')).toContainText('许红');
      await expect(entry.locator('.audit-entry__row[data-key="imported"] .audit-entry__after')).toHaveText('3');
      await shot(admin, 'audit');
      expect(pageErrors).toEqual([]);
    });
  });
}
