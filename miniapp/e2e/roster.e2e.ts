import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BrowserSession, BASE_URL, screenshot } from './support/browser';

// The spreadsheets a secretary would receive are built with the server's own xlsx library.
const requireServer = createRequire(path.join(__dirname, '..', '..', 'server', 'package.json'));
interface Workbook {
  addWorksheet: (name: string) => { addRow: (values: unknown[]) => unknown };
  xlsx: { writeBuffer: () => Promise<ArrayBuffer> };
}
const ExcelJS = requireServer('exceljs') as { Workbook: new () => Workbook };

const session = new BrowserSession();
const { pageErrors } = session;

test.beforeAll(() => session.start());
test.afterAll(() => session.close());

const HEADER = ['姓名', '手机号', '所在党组织', '政治面貌', '所在企业', '党内职务', '入党日期'];
const BRANCH = '明阳风电第一党支部';
// A run-specific number block, so the suite can run again against the same server.
const block = String(Date.now() % 10000).padStart(4, '0');
const phone = (n: number) => `137${block}${String(n).padStart(4, '0')}`;

async function rosterFile(lines: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(HEADER);
  for (const line of lines) sheet.addRow(line);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function upload(page: Page, file: Buffer): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.roster-page__import').click()]);
  await chooser.setFiles({ name: '花名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
}

test.describe.serial('花名册: an admin imports a roster (H5, 390 px)', () => {
  test('许红 downloads the template, sees every bad row, imports a clean roster, edits one person and marks one as left', async () => {
    const page = await session.signInAs('许红');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${BASE_URL}/#/pages/mine/index`);
    await page.locator('.mine-menu__item--roster').click();
    await page.waitForURL(/#\/packages\/workspace\/pages\/roster\/index/);
    await page.locator('.roster-card').first().waitFor();

    const [template] = await Promise.all([page.waitForEvent('download'), page.locator('.roster-page__template').click()]);
    expect(template.suggestedFilename()).toBe('花名册导入模板.xlsx');
    const saved = path.join(tmpdir(), `torch-red-roster-template-${Date.now()}.xlsx`);
    await template.saveAs(saved);
    expect(statSync(saved).size).toBeGreaterThan(1000);

    // A file with mistakes: nothing is imported, every bad cell is listed by row.
    await upload(page, await rosterFile([
      ['周建华', phone(1), BRANCH, '正式党员', '明阳风电', '书记', '2008-07-01'],
      ['', '1380', '不存在的支部', '党员'],
    ]));
    await page.locator('.import-errors').waitFor();
    await expect(page.locator('.import-errors__item').count()).resolves.toBe(4);
    await expect(page.locator('.import-errors__row').first().textContent()).resolves.toBe('第 3 行');
    await expect(page.locator('.roster-card', { hasText: '周建华' }).count()).resolves.toBe(0);
    await screenshot(page, 'roster-import-errors');

    // The corrected file goes in; 书记 becomes the branch's secretary.
    await upload(page, await rosterFile([
      ['周建华', phone(1), BRANCH, '正式党员', '明阳风电', '书记', '2008-07-01'],
      ['吴晓梅', phone(2), BRANCH, '预备党员', '明阳风电', '党员', '2025-12-01'],
      ['郑国强', phone(3), BRANCH, '入党积极分子', '明阳风电'],
    ]));
    await page.locator('.roster-page__result-text', { hasText: '新增 3 人' }).waitFor();
    await expect(page.locator('.import-errors').count()).resolves.toBe(0);

    await page.locator('.roster-page__search-input input').fill('周建华');
    await page.locator('.roster-page__search-button').click();
    const zhou = page.locator('.roster-card', { hasText: '周建华' });
    await zhou.waitFor();
    // 周建华 is on the unfiltered list too: wait for the search's answer to replace it (a count is read once).
    await expect(page.locator('.roster-card')).toHaveCount(1);
    await expect(zhou.locator('.roster-card__post').textContent()).resolves.toBe('书记');
    await expect(zhou.locator('.roster-card__roles').textContent()).resolves.toContain('书记');
    await expect(zhou.locator('.roster-card__bound').textContent()).resolves.toBe('未登录');
    await screenshot(page, 'roster-list');

    // Unbound people only: the three new ones are there, 许红 (signed in) is not.
    await page.locator('.roster-page__search-input input').fill('');
    await page.locator('.roster-page__search-button').click();
    await page.locator('.filter-chips--bound .filter-chips__chip', { hasText: '未登录' }).click();
    await page.locator('.roster-card', { hasText: '吴晓梅' }).waitFor();
    await expect(page.locator('.roster-card', { hasText: '许红' }).count()).resolves.toBe(0);
    await screenshot(page, 'roster-list-unbound');

    // Edit 郑国强: now a probationary member.
    await page.locator('.roster-card', { hasText: '郑国强' }).locator('.roster-page__edit').click();
    await page.waitForURL(/#\/packages\/workspace\/pages\/roster-person\/index\?id=\d+/);
    await page.locator('[data-field="politicalStatus"] .roster-person-page__chip', { hasText: '预备党员' }).click();
    await page.locator('[data-field="partyPost"]').waitFor();
    await screenshot(page, 'roster-person-edit');
    await page.locator('.roster-person-page__save').click();
    await page.waitForURL(/#\/packages\/workspace\/pages\/roster\/index/);
    await page.locator('.roster-card', { hasText: '郑国强' }).locator('.roster-card__meta', { hasText: '预备党员' }).waitFor();

    // 吴晓梅 leaves, after a confirmation.
    await page.locator('.roster-card', { hasText: '吴晓梅' }).locator('.roster-page__leave').click();
    await page.locator('.reason-dialog__input textarea:visible').fill('转出至其他园区');
    await screenshot(page, 'roster-leave-confirm');
    await page.locator('.nut-dialog-footer-ok:visible').click();
    await page.locator('.roster-card', { hasText: '吴晓梅' }).waitFor({ state: 'detached' });

    const [exported] = await Promise.all([page.waitForEvent('download'), page.locator('.roster-page__export').click()]);
    expect(exported.suggestedFilename()).toMatch(/花名册\.xlsx$/);
    expect(pageErrors).toEqual([]);
  });
});
