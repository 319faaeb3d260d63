import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BrowserSession, BASE_URL, SCREENSHOTS, screenshot, makePng } from './support/browser';

const session = new BrowserSession();
const { pageErrors } = session;
const signInAs = (name: string) => session.signInAs(name);

test.beforeAll(() => session.start());
test.afterAll(() => session.close());

/** Fills the one open ReasonDialog and confirms it. */
async function answerDialog(page: Page, text: string): Promise<void> {
  const box = page.locator('.reason-dialog__input textarea:visible');
  await box.fill(text);
  await page.locator('.nut-dialog-footer-ok:visible').click();
  await box.waitFor({ state: 'hidden' });
}

async function openMineEntry(page: Page, key: string): Promise<void> {
  await page.goto(`${BASE_URL}/#/pages/mine/index`);
  await page.locator(`.mine-menu__item--${key}`).click();
}

test.describe.serial('企业吹哨 → 派单 → 部门报到 → 评价 (H5)', () => {
  const title = `丙烯原料供应不稳定，请协调长期供货（${Date.now() % 100000}）`;
  let needUrl = '';

  test('entrepreneur 王军 raises a need from 首页 with a photo and lands on its detail', async () => {
    const page = await signInAs('王军');
    const entry = page.locator('.whistle-entry__raise');
    await entry.waitFor();
    await screenshot(page, 'home-whistle');

    await entry.click();
    await page.waitForURL(/#\/packages\/need\/pages\/raise\/index/);
    await page.locator('.need-raise-page__subtitle', { hasText: '以「亿鑫化工」的名义提出' }).waitFor();

    // Nothing chosen yet: the form says what is missing and sends nothing.
    await page.locator('.need-form__submit').click();
    await page.locator('[data-field="category"] .need-form__error', { hasText: '请选择需求类别' }).waitFor();
    await page.locator('[data-field="title"] .need-form__error').waitFor();

    await page.locator('.need-form__category', { hasText: '原料供应' }).click();
    await page.locator('.need-form__urgency', { hasText: '紧急' }).first().click();
    await page.locator('[data-field="title"] input').fill(title);
    await page.locator('[data-field="description"] textarea').fill('近两个月上游装置检修，丙烯到货量减少三成，影响正常生产，希望协调园区内长期稳定供货。');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.need-form__add-image').click()]);
    await chooser.setFiles({ name: 'warehouse.png', mimeType: 'image/png', buffer: makePng() });
    await page.locator('.need-form__thumb').waitFor();
    await expect(page.locator('.need-form__error').count()).resolves.toBe(0);
    await screenshot(page, 'need-raise-form');

    await page.locator('.need-form__submit').click();
    await page.waitForURL(/#\/pages\/need-detail\/index\?id=\d+/);
    needUrl = page.url();
    await page.locator('.need-detail-page__raised', { hasText: '需求已提交' }).waitFor();
    await expect(page.locator('.need-detail-page__title').textContent()).resolves.toBe(title);
    await expect(page.locator('.need-detail-page__status').textContent()).resolves.toBe('待派单');
    await expect(page.locator('.need-detail-page__image').count()).resolves.toBe(1);
    await expect(page.locator('.need-timeline__text').count()).resolves.toBe(1);
    await screenshot(page, 'need-detail-raised');
    expect(pageErrors).toEqual([]);
  });

  test('admin 许红 finds it in the ledger and dispatches it to 经济发展局 with a deadline', async () => {
    const page = await signInAs('许红');
    await openMineEntry(page, 'needs-ledger');
    await page.waitForURL(/#\/packages\/workspace\/pages\/needs-ledger\/index/);

    // Filter to 待派单: the new need is there.
    await page.locator('.filter-chips--status .filter-chips__chip', { hasText: '待派单' }).click();
    const card = page.locator('.need-card', { hasText: title });
    await card.waitFor();
    await expect(card.locator('.need-card__meta').textContent()).resolves.toContain('亿鑫化工 · 王军');
    await screenshot(page, 'needs-ledger');

    await card.locator('.needs-ledger-page__dispatch').click();
    // The sheet shows the need's description; no department chosen: it stays open and says so.
    await page.locator('.dispatch-dialog__description').waitFor();
    await page.locator('.dispatch-dialog__confirm').click();
    await page.locator('.dispatch-dialog__error').waitFor();
    await page.locator('.dispatch-dialog__chip', { hasText: '经济发展局' }).click();
    await page.locator('.dispatch-dialog__deadline[data-department="经济发展局"]').waitFor();
    await page.locator('.dispatch-dialog__note textarea').fill('请一周内对接上游供应商');
    await screenshot(page, 'needs-dispatch-dialog');
    await page.locator('.dispatch-dialog__confirm').click();
    await page.locator('.dispatch-dialog__chip').first().waitFor({ state: 'hidden' });

    // It left 待派单; under 待接单 it names the department.
    await card.waitFor({ state: 'detached' });
    await page.locator('.filter-chips--status .filter-chips__chip', { hasText: '待接单' }).click();
    await expect(card.locator('.need-card__departments').textContent()).resolves.toBe('承办：经济发展局');
    await expect(card.locator('.need-card__status').textContent()).resolves.toBe('待接单');
    await screenshot(page, 'needs-ledger-dispatched');

    // The ledger, as filtered, downloads as a spreadsheet.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.needs-ledger-page__export').click()]);
    expect(download.suggestedFilename()).toBe('需求台账.xlsx');
    const saved = path.join(tmpdir(), `torch-red-ledger-${Date.now()}.xlsx`);
    await download.saveAs(saved);
    expect(statSync(saved).size).toBeGreaterThan(1000);
    expect(pageErrors).toEqual([]);
  });

  test('department handler 赵敏 accepts, records progress and resolves it', async () => {
    const page = await signInAs('赵敏');
    await openMineEntry(page, 'needs-assignments');
    await page.waitForURL(/#\/packages\/workspace\/pages\/needs-assignments\/index/);
    const card = page.locator('.need-card', { hasText: title });
    await card.waitFor();
    await expect(card.locator('.needs-assignments-page__deadline .status-tag').textContent()).resolves.toBe('待接单');
    await screenshot(page, 'needs-assignments');

    await card.locator('.assignment-actions__accept').click();
    await card.locator('.needs-assignments-page__deadline .status-tag', { hasText: '办理中' }).waitFor();

    await card.locator('.assignment-actions__progress').click();
    await answerDialog(page, '已联系大庆石化，下周起每周增供丙烯 200 吨');
    await card.locator('.assignment-actions__resolve').click();
    await answerDialog(page, '已协调大庆石化签订一年期丙烯供货协议，每月保供 800 吨。');
    await card.locator('.needs-assignments-page__deadline .status-tag', { hasText: '已办结' }).waitFor();
    await expect(card.locator('.assignment-actions__resolve').count()).resolves.toBe(0);
    await screenshot(page, 'needs-assignments-resolved');
    expect(pageErrors).toEqual([]);
  });

  test('王军 sees it 待评价 under 我的需求, rates it 5 stars and reads the whole timeline', async () => {
    const page = await signInAs('王军');
    await openMineEntry(page, 'needs');
    await page.waitForURL(/#\/packages\/need\/pages\/mine\/index/);
    const card = page.locator('.need-card', { hasText: title });
    await card.waitFor();
    await expect(card.locator('.need-card__status').textContent()).resolves.toBe('待评价');
    await screenshot(page, 'my-needs');

    await card.locator('.need-card__main').click();
    await page.waitForURL(/#\/pages\/need-detail\/index\?id=\d+/);
    expect(page.url().split('?')[1].split('&')[0]).toBe(needUrl.split('?')[1].split('&')[0]);
    await page.locator('.rate-panel').waitFor();
    await expect(page.locator('.assignment-list__department').allTextContents()).resolves.toEqual(['经济发展局']);
    await expect(page.locator('.need-detail-page__answer-text').textContent()).resolves.toContain('一年期丙烯供货协议');
    await screenshot(page, 'need-detail-resolved');

    await page.locator('.rate-panel .rating-stars__star[data-score="5"]').click();
    await page.locator('.rate-panel__comment textarea').fill('经发局响应快，问题当周解决');
    await page.locator('.rate-panel__submit').click();
    await page.locator('.need-detail-page__rated').waitFor();
    await expect(page.locator('.need-detail-page__status').textContent()).resolves.toBe('已办结');
    await expect(page.locator('.need-detail-page__rated .rating-stars__star--on').count()).resolves.toBe(5);
    await expect(page.locator('.rate-panel').count()).resolves.toBe(0);

    const steps = await page.locator('.need-timeline__item').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
    expect(steps).toEqual(['RAISED', 'DISPATCHED', 'ACCEPTED', 'PROGRESS', 'RESOLVED', 'RATED']);
    const texts = await page.locator('.need-timeline__text').allTextContents();
    for (const text of texts) expect(text).toMatch(/[\u4e00-\u9fa5]/);
    await expect(page.locator('.need-timeline__note').allTextContents()).resolves.toContain('已联系大庆石化，下周起每周增供丙烯 200 吨');
    await screenshot(page, 'need-detail-rated');
    await page.locator('.need-detail-page__timeline').scrollIntoViewIfNeeded();
    await page.locator('.need-detail-page__timeline').screenshot({ path: path.join(SCREENSHOTS, 'need-detail-timeline.png') });
    expect(pageErrors).toEqual([]);
  });

  test('许红 reads the 数据看板 with totals and per-chain bars', async () => {
    const page = await signInAs('许红');
    await openMineEntry(page, 'needs-dashboard');
    await page.waitForURL(/#\/packages\/workspace\/pages\/needs-dashboard\/index/);
    await page.locator('.needs-dashboard-page__card').first().waitFor();
    const raised = Number((await page.locator('.needs-dashboard-page__card--needsRaised .needs-dashboard-page__card-value').textContent())?.replace(/\D/g, ''));
    expect(raised).toBeGreaterThanOrEqual(1);
    await expect(page.locator('.chain-bars__row').count()).resolves.toBeGreaterThan(0);
    // The bars are drawn: the longest is full width.
    const widths = await page.locator('.chain-bars__fill').evaluateAll((fills) => fills.map((fill) => (fill as HTMLElement).style.width));
    expect(widths).toContain('100%');
    await page.locator('.chain-bars__row[data-chain="绿色化工产业链"]').waitFor();
    await screenshot(page, 'needs-dashboard');
    expect(pageErrors).toEqual([]);
  });

  test('instructor 周凯 logs a visit to 多维时空 and raises its problem as a need', async () => {
    const page = await signInAs('周凯');
    await openMineEntry(page, 'needs-visits');
    await page.waitForURL(/#\/packages\/workspace\/pages\/needs-visits\/index/);
    const enterprise = page.locator('.needs-visits-page__enterprise', { hasText: '多维时空' });
    await enterprise.waitFor();
    const before = Number(/共 (\d+) 次/.exec((await enterprise.locator('.needs-visits-page__meta').textContent()) ?? '')?.[1]);
    expect(Number.isInteger(before)).toBe(true);
    await enterprise.click();

    const form = page.locator('.visit-form');
    await form.locator('.visit-form__people input').fill('张华（总经理）');
    await form.locator('.visit-form__discussed textarea').fill('了解研发人员招聘情况和支部活动开展');
    await form.locator('.visit-form__add').click();
    await form.locator('.visit-form__problem input').fill('高端算法人才招不到');
    await form.locator('.visit-form__chip', { hasText: '人才引进' }).click();
    await screenshot(page, 'needs-visit-form');
    await form.locator('.visit-form__submit').click();

    await enterprise.locator('.needs-visits-page__meta', { hasText: `共 ${before + 1} 次` }).waitFor();
    await expect(enterprise.locator('.needs-visits-page__meta').textContent()).resolves.toContain('上次走访');
    await screenshot(page, 'needs-visits');

    // The problem reached 许红's ledger as a 待派单 need of 多维时空.
    const admin = await signInAs('许红');
    await openMineEntry(admin, 'needs-ledger');
    await admin.locator('.need-card', { hasText: '高端算法人才招不到' }).locator('.need-card__meta', { hasText: '多维时空' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  test('only people with the roles see the workspace entries on 我的', async () => {
    const page = await signInAs('王军');
    await page.goto(`${BASE_URL}/#/pages/mine/index`);
    await page.locator('.mine-menu__item--needs').waitFor();
    await expect(page.locator('.mine-menu__item--needs-ledger, .mine-menu__item--needs-assignments, .mine-menu__item--needs-dashboard').count()).resolves.toBe(0);
    await screenshot(page, 'mine-needs-entry');
  });
});
