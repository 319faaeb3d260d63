import { expect, test, type Page } from '@playwright/test';
import { BrowserSession, BASE_URL, PHONE_WIDTHS, openTab, screenshot, screenshotsAtWidths as atWidths } from './support/browser';
import { expectReadable } from './support/readable';

/**
 * App-wide readability and reach (issue 13): WCAG AA text contrast on the main pages as the roles that use
 * them (axe-core), every dialog's footer inside the dialog at 360/390/430 px, work buttons and chips at least
 * 40 px tall, a title bar with 返回 / 首页 on H5, error states that lead somewhere, and no home-page flash
 * before a visitor's sign-in page.
 */
const session = new BrowserSession();
const { pageErrors } = session;

const MIN_TAP = 40;

test.beforeAll(() => session.start());
test.afterAll(() => session.close());

/** Calls the API as the signed-in person of this page (the token the app stored). */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ({ method, path, body }) => {
      const raw = localStorage.getItem('torch-red.access-token') ?? '';
      let token = raw;
      try {
        const parsed = JSON.parse(raw) as { data?: string };
        token = parsed.data ?? raw;
      } catch {
        // stored as a plain string
      }
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: body === undefined ? (method === 'GET' ? undefined : '{}') : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as unknown };
    },
    { method, path, body },
  );
  expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.json)}`).toBeLessThan(300);
  return answer.json as T;
}

async function open(page: Page, route: string): Promise<void> {
  await page.goto(`${BASE_URL}/#${route}`);
}

/** The boxes of every visible dialog and its footer buttons: each button lies inside its dialog. */
async function expectFooterInside(page: Page, label: string): Promise<void> {
  for (const width of PHONE_WIDTHS) {
    await test.step(`${label} at ${width} px`, async () => {
      await page.setViewportSize({ width, height: 800 });
      await page.waitForTimeout(300);
      const dialog = page.locator('.nut-dialog:visible').last();
      const box = await dialog.boundingBox();
      expect(box, `${label}: dialog box`).not.toBeNull();
      const buttons = dialog.locator('.nut-dialog-footer .nut-button');
      const count = await buttons.count();
      expect(count, `${label}: footer buttons`).toBeGreaterThan(0);
      for (let index = 0; index < count; index += 1) {
        const button = await buttons.nth(index).boundingBox();
        expect(button, `${label}: button ${index}`).not.toBeNull();
        if (!box || !button) continue;
        expect(button.x, `${label} @${width}: button ${index} left edge`).toBeGreaterThanOrEqual(box.x - 0.5);
        expect(button.x + button.width, `${label} @${width}: button ${index} right edge`).toBeLessThanOrEqual(box.x + box.width + 0.5);
        expect(button.y + button.height, `${label} @${width}: button ${index} bottom edge`).toBeLessThanOrEqual(box.y + box.height + 0.5);
        expect(button.height, `${label} @${width}: button ${index} height`).toBeGreaterThanOrEqual(MIN_TAP);
        expect(button.width, `${label} @${width}: button ${index} width`).toBeGreaterThanOrEqual(80);
      }
      await screenshot(page, `ux-${label}-${width}`);
    });
  }
  await page.setViewportSize({ width: 375, height: 812 });
}

/** Every visible element matching `selector` is at least 40 px tall; returns how many were measured. */
async function expectTappable(page: Page, selector: string, label: string): Promise<number> {
  const heights = await page.locator(selector).evaluateAll((elements) =>
    elements
      .map((element) => ({ text: (element.textContent ?? '').trim(), rect: element.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && rect.height > 0)
      .map(({ text, rect }) => ({ text, height: Math.round(rect.height * 10) / 10 })),
  );
  const small = heights.filter(({ height }) => height < MIN_TAP);
  expect(small, `${label}: tap targets under ${MIN_TAP} px`).toEqual([]);
  return heights.length;
}

const screenshotsAtWidths = (page: Page, name: string) => atWidths(page, `ux-${name}`);

test.describe.serial('app-wide readability and reach (H5)', () => {
  let secretary: Page;
  let member: Page;
  let activityId: string;

  test('a visitor opening / never sees the home page before the sign-in page', async () => {
    const visitor = await session.newPage('visitor');
    // Record whether the home page (or its empty states) was ever put on screen during the load.
    await visitor.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      new MutationObserver(() => {
        if (document.querySelector('.home-page')) seen.push('home-page');
        if (document.body?.textContent?.includes('即将发布')) seen.push('empty-state copy');
      }).observe(document, { childList: true, subtree: true });
    });
    await visitor.goto(`${BASE_URL}/`);
    await visitor.locator('.demo-person').first().waitFor();
    expect(visitor.url()).toMatch(/#\/pages\/login\/index/);
    await expect(visitor.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).resolves.toEqual([]);
    await expectReadable(visitor, 'login');
    await screenshotsAtWidths(visitor, 'login');
  });

  test('the member\'s main pages have readable text', async () => {
    member = await session.signInAs('张伟');
    await member.locator('.upcoming-activities__item').first().waitFor();
    await expectReadable(member, 'home');
    await screenshotsAtWidths(member, 'home');

    await openTab(member, '活动');
    await member.locator('.activities-page .activity-card').first().waitFor();
    await expectReadable(member, 'activities');
    await expectTappable(member, '.activity-filters__type', 'activity type chips');
    await expectTappable(member, '.activity-filters__segment, .activity-filters__toggle, .activity-filters__chain', 'activity range and chain filters');
    await screenshotsAtWidths(member, 'activities');

    await openTab(member, '学习');
    await member.waitForTimeout(800);
    await expectReadable(member, 'study');
    await screenshotsAtWidths(member, 'study');

    await openTab(member, '品牌');
    await member.locator('.brand-card').first().waitFor();
    await expectReadable(member, 'brands');
    await expectTappable(member, '.chain-chips__chip', 'brand chain chips');

    await openTab(member, '我的');
    await member.locator('.mine-menu__item').first().waitFor();
    await expectReadable(member, 'mine');

    await open(member, '/packages/inbox/pages/notifications/index');
    await member.waitForTimeout(800);
    await expectReadable(member, 'notifications');
    await screenshotsAtWidths(member, 'notifications');
  });

  test('a non-tab page has a title bar with 返回, and 首页 when opened directly', async () => {
    await open(member, '/pages/index/index');
    await member.locator('.upcoming-activities__item').first().click();
    await member.waitForURL(/activity-detail\/index\?id=/);
    const bar = member.locator('#taro-navigation-bar');
    await expect(bar).toBeVisible();
    await expect(bar.locator('.taro-navigation-bar-title')).toHaveText('活动详情');
    const back = bar.locator('.taro-navigation-bar-back');
    await expect(back).toBeVisible();
    const backBox = await back.boundingBox();
    expect(backBox?.height ?? 0).toBeGreaterThanOrEqual(MIN_TAP);
    await expectReadable(member, 'activity-detail');
    await screenshotsAtWidths(member, 'activity-detail');
    await back.click();
    await member.waitForURL(/#\/pages\/index\/index/);

    // Opened from a link, with no history: 首页 instead of 返回.
    await open(member, '/packages/activity/pages/mine/index');
    await member.reload();
    await expect(bar.locator('.taro-navigation-bar-title')).toHaveText('我的活动');
    await expect(bar.locator('.taro-navigation-bar-home')).toBeVisible();
    await expect(bar.locator('.taro-navigation-bar-back')).toBeHidden();
    await screenshot(member, 'ux-my-activities-no-history-390');
    await bar.locator('.taro-navigation-bar-home').click();
    await member.waitForURL(/#\/pages\/index\/index/);
  });

  test('a missing activity says so and leads home', async () => {
    await open(member, '/pages/activity-detail/index?id=999999');
    await member.reload();
    const state = member.locator('.page-state--error');
    await state.waitFor();
    await expect(state.locator('.page-state__title')).toHaveText('没有找到');
    await screenshotsAtWidths(member, 'error-404');
    await state.locator('.page-state__leave').click();
    await member.waitForURL(/#\/pages\/index\/index/);
  });

  test('the secretary\'s workspace: readable, 40 px buttons, and the 取消活动 dialog fits', async () => {
    secretary = await session.signInAs('刘洋');
    const me = await api<{ orgId: string | null }>(secretary, 'GET', '/api/me');
    expect(me.orgId).toBeTruthy();
    // An activity in its check-in window: starts in 30 minutes, sign-up still open.
    const now = Date.now();
    const created = await api<{ id: string }>(secretary, 'POST', '/api/activities', {
      orgId: me.orgId,
      title: `现场签到演练 ${now % 100000}`,
      type: 'THEME_PARTY_DAY',
      description: '检验签到码对话框在各种手机宽度下都能完整显示。',
      location: '党群服务中心一楼',
      startAt: new Date(now + 30 * 60_000).toISOString(),
      endAt: new Date(now + 150 * 60_000).toISOString(),
      signupEndAt: new Date(now + 20 * 60_000).toISOString(),
      capacity: null,
      waitlist: false,
      requiresApproval: false,
      formFields: [],
    });
    activityId = created.id;
    await api(secretary, 'POST', `/api/activities/${activityId}/publish`);

    await openTab(secretary, '我的');
    await secretary.locator('.mine-menu__item--workspace').click();
    await secretary.waitForURL(/#\/packages\/workspace\/pages\/activities\/index/);
    await secretary.locator('.workspace-page .activity-card').first().waitFor();
    await expectReadable(secretary, 'workspace');
    const measured = await expectTappable(secretary, '.workspace-page .nut-button', 'workspace buttons');
    expect(measured).toBeGreaterThan(3);
    await screenshotsAtWidths(secretary, 'workspace');

    await secretary.locator('.workspace-page__cancel').first().click();
    await expectFooterInside(secretary, 'cancel-activity-dialog');
    await secretary.locator('.nut-dialog:visible .nut-dialog-footer-cancel').click();
  });

  test('a member at the venue opens 输入签到码 and both buttons sit inside the dialog', async () => {
    await api(member, 'POST', `/api/activities/${activityId}/registrations`, { answers: {} });
    await open(member, `/pages/activity-detail/index?id=${activityId}`);
    await member.reload();
    await member.locator('.checkin-button').click();
    await member.locator('.checkin-dialog').waitFor();
    await expectFooterInside(member, 'checkin-dialog');
    await member.locator('.nut-dialog:visible .nut-dialog-footer-cancel').click();
  });

  test('the secretary\'s registration list has 40 px buttons', async () => {
    await open(secretary, `/packages/workspace/pages/registrations/index?id=${activityId}`);
    await secretary.reload();
    await secretary.locator('.attendee-card').first().waitFor();
    await expectReadable(secretary, 'registrations');
    await expectTappable(secretary, '.registrations-page .nut-button', 'registration buttons');
    await expectTappable(secretary, '.registrations-page__tab', 'registration status chips');
    await screenshotsAtWidths(secretary, 'registrations');
  });

  test('the admin\'s ledger and board: readable, 40 px buttons and chips, dialogs that fit', async () => {
    const admin = await session.signInAs('许红');
    await open(admin, '/packages/workspace/pages/needs-ledger/index');
    await admin.locator('.needs-ledger-page .need-card').first().waitFor();
    await expectReadable(admin, 'needs-ledger');
    await expectTappable(admin, '.needs-ledger-page .nut-button', 'ledger buttons');
    await expectTappable(admin, '.filter-chips__chip', 'ledger filter chips');
    await screenshotsAtWidths(admin, 'needs-ledger');

    const answer = admin.locator('.needs-ledger-page__answer').first();
    if (await answer.count()) {
      await answer.click();
      await expectFooterInside(admin, 'direct-answer-dialog');
      await admin.locator('.nut-dialog:visible .nut-dialog-footer-cancel').click();
    }
    // 派单 is a full-height sheet, not a dialog: its two buttons must be inside the sheet and on screen at every width.
    const dispatch = admin.locator('.needs-ledger-page__dispatch').first();
    await dispatch.click();
    const sheet = admin.locator('.dispatch-dialog');
    await sheet.waitFor();
    for (const width of PHONE_WIDTHS) {
      await test.step(`dispatch sheet at ${width} px`, async () => {
        await admin.setViewportSize({ width, height: 800 });
        await admin.waitForTimeout(300);
        const box = (await sheet.boundingBox())!;
        for (const name of ['cancel', 'confirm']) {
          const button = (await sheet.locator(`.dispatch-dialog__${name}`).boundingBox())!;
          expect(button.x, `dispatch ${name} @${width}: left edge`).toBeGreaterThanOrEqual(box.x - 0.5);
          expect(button.x + button.width, `dispatch ${name} @${width}: right edge`).toBeLessThanOrEqual(Math.min(box.x + box.width, width) + 0.5);
          expect(button.y + button.height, `dispatch ${name} @${width}: bottom edge`).toBeLessThanOrEqual(800 + 0.5);
          expect(button.height, `dispatch ${name} @${width}: height`).toBeGreaterThanOrEqual(MIN_TAP);
        }
        await screenshot(admin, `ux-dispatch-sheet-${width}`);
      });
    }
    await admin.setViewportSize({ width: 375, height: 812 });
    await sheet.locator('.dispatch-dialog__cancel').click();
    await sheet.waitFor({ state: 'detached' });

    await open(admin, '/packages/workspace/pages/needs-dashboard/index');
    await admin.reload();
    await admin.waitForTimeout(1500);
    await expectReadable(admin, 'needs-dashboard');
  });

  test('the department\'s assignments have 40 px buttons', async () => {
    const department = await session.signInAs('赵敏');
    await open(department, '/packages/workspace/pages/needs-assignments/index');
    await department.reload();
    await department.waitForTimeout(1500);
    await expectReadable(department, 'needs-assignments');
    await expectTappable(department, '.needs-assignments-page .nut-button', 'assignment buttons');
    await screenshotsAtWidths(department, 'needs-assignments');
  });

  test('no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
