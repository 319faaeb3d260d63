import type { OrgTreeNode } from '@torch-red/shared';
import { expect, test, type Page } from '@playwright/test';
import { BASE_URL, BrowserSession, confirmModal, homeSettled, screenshot } from './support/browser';

const session = new BrowserSession();
const { pageErrors } = session;
const BRANCH = '明阳风电第一党支部';
const stamp = Date.now() % 100000;
const rosterName = `花名册${stamp}`;
const joinerName = `申请人${stamp}`;

/** The new pages are checked at 390 px, the width of most phones people here use. */
async function phone(page: Page): Promise<Page> {
  await page.setViewportSize({ width: 390, height: 844 });
  return page;
}

async function api<T>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
  const response = await fetch(`${BASE_URL}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function findOrg(nodes: OrgTreeNode[], name: string): OrgTreeNode | undefined {
  for (const node of nodes) {
    if (node.name === name) return node;
    const below = findOrg(node.children, name);
    if (below) return below;
  }
  return undefined;
}

/** A newcomer signs in through the H5 sign-in page with only a name (dev login, a fresh openid). */
async function newcomer(name: string): Promise<Page> {
  const page = await phone(await session.newPage(name));
  await page.goto(`${BASE_URL}/#/pages/login/index`);
  await page.locator('.new-user-form__input input').fill(name);
  await page.locator('.new-user-form__submit').click();
  await homeSettled(page);
  return page;
}

async function openMineEntry(page: Page, key: string): Promise<void> {
  await page.goto(`${BASE_URL}/#/pages/mine/index`);
  await page.locator(`.mine-menu__item--${key}`).click();
}

test.beforeAll(async () => {
  await session.start();
  // The roster row the secretary issues a code for (rosters are imported in the workspace; here the admin API stands in).
  const { accessToken } = await api<{ accessToken: string }>('/api/admin/auth/login', { method: 'POST', body: { username: 'admin', password: 'torchred-admin' } });
  const branch = findOrg(await api<OrgTreeNode[]>('/api/orgs/tree', { token: accessToken }), BRANCH);
  if (!branch) throw new Error(`${BRANCH} is not seeded`);
  await api('/api/admin/users', { method: 'POST', token: accessToken, body: { name: rosterName, orgId: branch.id, politicalStatus: 'FULL_MEMBER' } });
});
test.afterAll(() => session.close());

test.describe.serial('绑定 and 入组织申请 (H5)', () => {
  let bindingCode = '';
  let joinCode = '';
  let joiner: Page;

  test('secretary 刘洋 issues a one-time binding code for a roster person', async () => {
    const page = await phone(await session.signInAs('刘洋'));
    await openMineEntry(page, 'binding-codes');
    await page.waitForURL(/#\/packages\/onboarding\/pages\/binding-codes\/index/);
    const row = page.locator('.onboarding-page__person', { hasText: rosterName });
    await row.waitFor();
    await row.locator('.nut-button').click();
    const code = page.locator('.onboarding-page__code');
    await code.waitFor();
    bindingCode = (await code.textContent())?.trim() ?? '';
    expect(bindingCode).toMatch(/^[A-Z0-9]{6}$/);
    await screenshot(page, 'onboarding-binding-codes');
  });

  test('a new person binds with the code and then sees their branch’s activities first on 首页', async () => {
    const page = await newcomer(`新同志${stamp}`);
    await page.goto(`${BASE_URL}/#/pages/mine/index`);
    const card = page.locator('.binding-card');
    await card.locator('.binding-card__value', { hasText: '未加入党组织' }).waitFor();
    await screenshot(page, 'onboarding-mine-missing');

    await card.locator('.binding-card__action', { hasText: '输入绑定码' }).click();
    await page.waitForURL(/#\/packages\/onboarding\/pages\/bind-code\/index/);
    await page.locator('.onboarding-page__code-input input').fill(bindingCode.toLowerCase());
    await screenshot(page, 'onboarding-bind-code');
    await page.locator('.onboarding-page__submit').click();
    await confirmModal(page);
    await page.waitForURL(/#\/pages\/mine\/index/);
    await card.locator('.binding-card__value', { hasText: BRANCH }).waitFor();
    await page.locator('.profile-card__name', { hasText: rosterName }).waitFor();
    await screenshot(page, 'onboarding-mine-bound');

    await page.locator('.weui-tabbar__item', { hasText: '首页' }).click();
    const first = page.locator('.home-page__body .upcoming-activities').first();
    await first.locator('.upcoming-activities__heading-title', { hasText: '本支部活动' }).waitFor();
    await screenshot(page, 'onboarding-home-branch-first');
    expect(pageErrors).toEqual([]);
  });

  test('企业吹哨 says an enterprise is needed before the form and leads to the representation request', async () => {
    const page = await newcomer(`无企业${stamp}`);
    await page.goto(`${BASE_URL}/#/packages/need/pages/raise/index`);
    await page.locator('.need-raise-page__requirement-title', { hasText: '请先关联所在企业' }).waitFor();
    await expect(page.locator('.need-form').count()).resolves.toBe(0);
    await screenshot(page, 'onboarding-need-requires-enterprise');
    await page.locator('.need-raise-page__requirement-action').click();
    await page.waitForURL(/#\/packages\/onboarding\/pages\/representation\/index/);
    await page.locator('.onboarding-page__choice', { hasText: '企业联络人' }).waitFor();
    await screenshot(page, 'onboarding-representation');
  });

  test('secretary 刘洋 shows the join code of the branch (QR)', async () => {
    const page = await phone(await session.signInAs('刘洋'));
    await openMineEntry(page, 'join-code');
    await page.waitForURL(/#\/packages\/onboarding\/pages\/join-code\/index/);
    const generate = page.locator('.page-state__action .nut-button', { hasText: '生成入组织码' });
    const shown = page.locator('.onboarding-page__code');
    await Promise.race([generate.waitFor(), shown.waitFor()]);
    if (await generate.isVisible()) await generate.click();
    await shown.waitFor();
    joinCode = (await shown.textContent())?.trim() ?? '';
    expect(joinCode).toMatch(/^[A-Z0-9]{8}$/);
    await page.locator('.onboarding-page__qr').waitFor();
    await screenshot(page, 'onboarding-join-code');
  });

  test('another person types the join code and sends a join request', async () => {
    const page = await newcomer(`扫码人${stamp}`);
    joiner = page;
    await page.goto(`${BASE_URL}/#/pages/mine/index`);
    await page.locator('.binding-card__action', { hasText: '加入党组织' }).click();
    await page.waitForURL(/#\/packages\/onboarding\/pages\/join\/index/);
    await page.locator('.onboarding-page__code-input input').fill(joinCode);
    await page.locator('.onboarding-page__submit', { hasText: '下一步' }).click();
    await page.locator('.onboarding-page__notice-title', { hasText: BRANCH }).waitFor();
    await page.locator('.onboarding-page__field input').first().fill(joinerName);
    await page.locator('.onboarding-page__choice', { hasText: '入党积极分子' }).click();
    await screenshot(page, 'onboarding-join');
    await page.locator('.onboarding-page__submit', { hasText: '提交申请' }).click();
    await confirmModal(page);
    await page.waitForURL(/#\/pages\/mine\/index/);
    await page.locator('.binding-card__note', { hasText: `已申请加入「${BRANCH}」` }).waitFor();
  });

  test('secretary 刘洋 approves it; the person is in the branch', async () => {
    const page = await phone(await session.signInAs('刘洋'));
    await openMineEntry(page, 'join-requests');
    await page.waitForURL(/#\/packages\/onboarding\/pages\/join-requests\/index/);
    const card = page.locator('.request-card', { hasText: joinerName });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('入党积极分子');
    await screenshot(page, 'onboarding-join-requests');
    await card.locator('.request-card__button', { hasText: '通过' }).last().click();
    await confirmModal(page);
    await card.waitFor({ state: 'detached' });

    // The person opens 我的 again: the branch is theirs, under the name they gave.
    await joiner.goto(`${BASE_URL}/#/pages/index/index`);
    await joiner.goto(`${BASE_URL}/#/pages/mine/index`);
    await joiner.locator('.binding-card__value', { hasText: BRANCH }).waitFor();
    await joiner.locator('.profile-card__name', { hasText: joinerName }).waitFor();
    await joiner.locator('.profile-card__status', { hasText: '入党积极分子' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
