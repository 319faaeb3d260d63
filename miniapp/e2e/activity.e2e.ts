import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BrowserSession, BASE_URL, screenshot, openTab } from './support/browser';

const session = new BrowserSession();
const { pageErrors } = session;
const signInAs = (name: string) => session.signInAs(name);

test.beforeAll(() => session.start());
test.afterAll(() => session.close());

test.describe.serial('activity sign-up (H5)', () => {
  // One story across three sessions: each step builds on the one before.
  const title = `链上党建沙龙 第${Date.now() % 100000}期`;
  let secretary: Page;
  let member: Page;

  test('a secretary publishes an activity with a custom required field', async () => {
    secretary = await signInAs('刘洋');
    await openTab(secretary, '我的');
    await secretary.locator('.mine-menu__item--workspace').click();
    await secretary.waitForURL(/#\/packages\/workspace\/pages\/activities\/index/);
    await secretary.locator('.workspace-page__title').waitFor();
    await screenshot(secretary, 'workspace');

    await secretary.locator('.workspace-page__create').click();
    await secretary.waitForURL(/activity-form/);
    await secretary.locator('.activity-editor__title input').fill(title);
    await secretary.locator('.activity-editor__chip', { hasText: '培训讲座' }).click();
    await secretary.locator('.activity-editor__description textarea').fill('围绕产业链协同与党建引领开展交流，欢迎链上企业党员、职工报名参加。');
    await secretary.locator('.activity-editor__location input').fill('新兴产业党群服务中心 3 楼会议室');
    await secretary.locator('.activity-editor__capacity input').fill('20');
    await secretary.locator('.form-field-builder__add').click();
    const field = secretary.locator('.form-field-builder__field').first();
    await field.locator('.form-field-builder__label input').fill('单位名称');
    await field.locator('.form-field-builder__required .nut-switch').click();
    await screenshot(secretary, 'workspace-activity-form');

    await secretary.locator('.activity-editor__publish').click();

    await secretary.waitForURL(/#\/packages\/workspace\/pages\/activities\/index/);
    const card = secretary.locator('.workspace-page .activity-card', { hasText: title });
    await card.waitFor();
    await expect(card.locator('.status-tag').allTextContents()).resolves.toEqual(['培训讲座', '报名中']);
    await expect(card.locator('.activity-card__seats').textContent()).resolves.toBe('已报 0/20');
    await screenshot(secretary, 'workspace-published');
  });

  test('a member finds it under 活动, signs up through the form and sees 报名成功', async () => {
    member = await signInAs('张伟');
    await member.locator('.upcoming-activities__item').first().waitFor();
    await screenshot(member, 'home-upcoming');

    await openTab(member, '活动');
    await member.waitForURL(/#\/pages\/activities\/index/);
    const card = member.locator('.activities-page .activity-card', { hasText: title });
    await card.waitFor();
    await screenshot(member, 'activities');

    await card.click();
    await member.waitForURL(/#\/pages\/activity-detail\/index\?id=\d+/);
    await member.locator('.activity-overview__title', { hasText: title }).waitFor();
    await expect(member.locator('.activity-overview__confirmed').textContent()).resolves.toBe('0');
    await screenshot(member, 'activity-detail');

    await member.locator('.detail-action-bar__signup').click();
    await member.waitForURL(/#\/packages\/activity\/pages\/signup\/index\?id=\d+/);
    const company = member.locator('.signup-form__field', { hasText: '单位名称' });
    await company.waitFor();
    await expect(company.locator('.signup-form__required').count()).resolves.toBe(1);

    await test.step('the required field is checked before anything is sent', async () => {
      await member.locator('.signup-form__submit').click();
      await company.locator('.signup-form__error', { hasText: '请填写“单位名称”' }).waitFor();
      await screenshot(member, 'signup-form-error');
    });

    await test.step('fill the field and send', async () => {
      await company.locator('input').fill('明阳风电集团');
      await screenshot(member, 'signup-form');
      await member.locator('.signup-form__submit').click();
    });

    await member.waitForURL(/#\/pages\/activity-detail\/index\?id=\d+/);
    await member.locator('.my-status-banner__title', { hasText: '报名成功' }).waitFor();
    await expect(member.locator('.activity-overview__confirmed').textContent()).resolves.toBe('1');
    await expect(member.locator('.detail-action-bar__cancel').count()).resolves.toBe(1);
    await screenshot(member, 'signup-success');
  });

  test('the member sees it under 我的活动 and gets a message', async () => {
    await member.goto(`${BASE_URL}/#/pages/mine/index`);
    await member.locator('.mine-menu__item--activities').waitFor();
    await expect(member.locator('.mine-menu__item--workspace').count()).resolves.toBe(0);
    await screenshot(member, 'mine-menu');

    await member.locator('.mine-menu__item--activities').click();
    // H5 keeps earlier pages in the DOM (hidden): look inside the page on show.
    const mine = member.locator('.my-activities-page .activity-card', { hasText: title });
    await mine.waitFor();
    await expect(mine.locator('.registration-tags .status-tag').first().textContent()).resolves.toBe('报名成功');
    await screenshot(member, 'my-activities');

    await member.goto(`${BASE_URL}/#/packages/inbox/pages/notifications/index`);
    await member.locator('.notification-item, .page-state--empty').first().waitFor();
    await screenshot(member, 'notifications');
  });

  test('the secretary sees the registration with its answer and downloads the export', async () => {
    await secretary.reload();
    const card = secretary.locator('.workspace-page .activity-card', { hasText: title });
    await card.waitFor();
    await card.locator('.workspace-page__registrations').click();

    await secretary.waitForURL(/registrations\/index\?id=\d+/);
    const attendee = secretary.locator('.attendee-card', { hasText: '张伟' });
    await attendee.waitFor();
    await expect(attendee.locator('.attendee-card__answer-value').allTextContents()).resolves.toEqual(['明阳风电集团']);
    await expect(attendee.locator('.status-tag').first().textContent()).resolves.toBe('报名成功');
    await screenshot(secretary, 'workspace-registrations');

    const [download] = await Promise.all([secretary.waitForEvent('download'), secretary.locator('.registrations-page__export').click()]);
    const filename = download.suggestedFilename();
    expect(filename.endsWith('.xlsx')).toBe(true);
    expect(filename).toContain(title);
    const saved = path.join(tmpdir(), `torch-red-export-${Date.now()}.xlsx`);
    await download.saveAs(saved);
    expect(statSync(saved).size).toBeGreaterThan(1000);

    await secretary.locator('.registrations-page__checkin').click();
    await secretary.waitForURL(/checkin\/index\?id=\d+/);
    await secretary.locator('.checkin-panel__qr').waitFor();
    await expect(secretary.locator('.checkin-panel__code').textContent()).resolves.toMatch(/^\d \d \d \d \d \d$/);
    await screenshot(secretary, 'workspace-checkin');

    expect(pageErrors).toEqual([]);
  });
});
