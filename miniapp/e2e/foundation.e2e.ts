import { expect, test, type Page } from '@playwright/test';
import { BASE_URL, BrowserSession, openTab, screenshot as screenshotOf } from './support/browser';

let session: BrowserSession;
let page: Page;
let pageErrors: string[];

const screenshot = (name: string) => screenshotOf(page, name);

test.beforeEach(async () => {
  // A fresh phone-sized browser for every test, as WeChat's built-in browser would show it.
  session = new BrowserSession();
  await session.start();
  page = await session.newPage('visitor');
  pageErrors = session.pageErrors;
});

test.afterEach(async () => {
  await session?.close();
});

test.describe.serial('mini-program foundation (H5)', () => {
  test('sends a visitor without a session to the sign-in page', async () => {
    await page.goto(`${BASE_URL}/#/pages/index/index`);

    await page.waitForURL(/#\/pages\/login\/index/);
    await page.locator('.demo-person').first().waitFor();
    expect(pageErrors).toEqual([]);
  });

  test('signs in as demo member 张伟, shows the chain map and the profile', async () => {
    await page.goto(`${BASE_URL}/#/pages/login/index`);
    const zhangWei = page.locator('.demo-person', { hasText: '张伟' });
    await zhangWei.waitFor();
    await screenshot('login');

    await zhangWei.click();

    await page.waitForURL(/#\/pages\/index\/index/);
    const leader = page.locator('.chain-card__leader', { hasText: '明阳风电' });
    await leader.waitFor();
    await expect(page.locator('.chain-map__summary').textContent()).resolves.toMatch(/^\d+ 条产业链 · \d+ 家企业$/);
    await screenshot('home');

    await openTab(page, '我的');

    await page.waitForURL(/#\/pages\/mine\/index/);
    const name = page.locator('.profile-card__name');
    await name.waitFor();
    await expect(name.textContent()).resolves.toBe('张伟');
    await expect(page.locator('.profile-card__role').allTextContents()).resolves.toContain('成员');
    await screenshot('mine');

    expect(pageErrors).toEqual([]);
  });

  test('signs out back to the sign-in page', async () => {
    await page.goto(`${BASE_URL}/#/pages/login/index`);
    await page.locator('.demo-person', { hasText: '张伟' }).click();
    await page.waitForURL(/#\/pages\/index\/index/);
    await openTab(page, '我的');
    await page.locator('.profile-card__name').waitFor();

    await page.locator('.mine-page__sign-out').click();
    await page.locator('.taro-modal__foot .taro-model__confirm').click();

    await page.waitForURL(/#\/pages\/login\/index/);
    await page.locator('.demo-person').first().waitFor();
    await expect(page.evaluate(() => window.localStorage.getItem('torch-red.access-token'))).resolves.toBeNull();
  });
});
