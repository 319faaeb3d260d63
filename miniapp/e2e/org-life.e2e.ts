import { expect, test, type Page } from '@playwright/test';
import type { ActivityResponse, AttendeeResponse, LoginResponse } from '@torch-red/shared';
import { apiOk as api, BrowserSession, BASE_URL, confirmModal, makePng, screenshot } from './support/browser';
import { expectReadable } from './support/readable';

/**
 * 组织生活 (issue 14): a secretary turns a finished 主题党日 activity into an archived record with attendance and
 * minutes; the branch's calendar shows this quarter's 支部党员大会 as 本期待开; the committee sees the branch due this
 * quarter and overdue for the quarter before; a member finds the record under 我的组织生活. Each new page is kept at
 * 360, 390 and 430 px (orglife-<page>-<width>.png).
 */
const session = new BrowserSession();
const { pageErrors } = session;
const WIDTHS = [360, 390, 430] as const;
const BRANCH = '明阳风电第一党支部';
const stamp = Date.now() % 100000;
const TITLE = `主题党日：学习新党章 誓词再重温（${stamp}）`;
const MINUTES = `刘洋同志领学新党章，全体党员面向党旗重温入党誓词（${stamp}）。`;

const signIn = (openid: string) => api<LoginResponse>('POST', '/api/auth/dev-login', null, { openid });

/** `orglife-<name>-<width>.png` at each of the three phone widths. */
async function shots(page: Page, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await screenshot(page, `orglife-${name}-${width}`);
  }
  await page.setViewportSize({ width: 375, height: 812 });
}

/** Everything people tap here is at least 40 px tall (old-eyes rule). */
async function expectTappable(page: Page, selector: string): Promise<void> {
  const boxes = await page.locator(selector).evaluateAll((elements) => elements.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => el.getBoundingClientRect().height));
  expect(boxes.length, `${selector}: none on screen`).toBeGreaterThan(0);
  for (const height of boxes) expect(height, `${selector} height`).toBeGreaterThanOrEqual(40);
}

test.beforeAll(() => session.start());
test.afterAll(() => session.close());

test.describe.serial('组织生活: record, calendar, compliance and 我的组织生活 (H5)', () => {
  test('刘洋 holds a 主题党日 as an activity; once it has ended it becomes an archived record with attendance and minutes', async () => {
    test.setTimeout(150_000);
    const liu = await signIn('demo-secretary-liuyang');
    const orgId = liu.user.orgId!;

    await test.step('a 主题党日 activity: 张伟 checked in, 王芳 on leave, then it ends', async () => {
      const at = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
      const activity = await api<ActivityResponse>('POST', '/api/activities', liu.accessToken, {
        orgId,
        title: TITLE,
        type: 'THEME_PARTY_DAY',
        description: '全体党员重温入党誓词，集中学习新党章。（测试活动）',
        location: '明阳风电 党员活动室',
        signupEndAt: at(10),
        startAt: at(14),
        endAt: at(22),
        capacity: null,
        waitlist: false,
        requiresApproval: false,
        formFields: [],
        visibility: 'ORG',
      });
      await api('POST', `/api/activities/${activity.id}/publish`, liu.accessToken);
      const zhang = await signIn('demo-member-zhangwei');
      const wang = await signIn('demo-member-wangfang');
      await api('POST', `/api/activities/${activity.id}/registrations`, zhang.accessToken, { answers: {} });
      await api('POST', `/api/activities/${activity.id}/registrations`, wang.accessToken, { answers: {} });
      await api('POST', `/api/activities/${activity.id}/registrations/me/leave`, wang.accessToken, { reason: '出差在外' });
      const attendees = await api<AttendeeResponse[]>('GET', `/api/activities/${activity.id}/registrations`, liu.accessToken);
      const zhangLine = attendees.find((a) => a.name === '张伟')!;
      await api('POST', `/api/activities/${activity.id}/registrations/${zhangLine.id}/attendance`, liu.accessToken, { attendance: 'CHECKED_IN' });
      // The record can only be made once the activity is over.
      const wait = new Date(activity.endAt).getTime() - Date.now() + 1500;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
    });

    const page = await session.signInAs('刘洋');
    await test.step('书记工作台 → 组织生活: this quarter’s 支部党员大会 is due', async () => {
      await page.goto(`${BASE_URL}/#/packages/workspace/pages/activities/index`);
      await page.locator('.workspace-page__org-life').click();
      await page.waitForURL(/#\/packages\/org-life\/pages\/calendar\/index/);
      const congress = page.locator('.meeting-calendar__row--party_congress');
      await expect(congress.locator('.meeting-calendar__cell--current')).toHaveClass(/meeting-calendar__cell--due/);
      await expect(congress.locator('.meeting-calendar__cell--current .meeting-calendar__cell-state')).toHaveText('本期待开');
      await expect(congress.locator('.meeting-calendar__now')).toHaveText('本期待开');
      await expectReadable(page, 'calendar');
      await expectTappable(page, '.meeting-calendar__cell, .org-life-page__tools .nut-button, .filter-chips__chip');
      await shots(page, 'calendar');
    });

    await test.step('新建记录 → 主题党日 → 从活动生成', async () => {
      await page.locator('.org-life-page__new').click();
      await page.waitForURL(/#\/packages\/org-life\/pages\/new\/index/);
      const activity = page.locator('.new-meeting-page__activity', { hasText: TITLE });
      await expect(activity).toContainText('签到 1 人');
      // Without a kind nothing is made.
      await activity.locator('.new-meeting-page__generate').click();
      await expect(page.locator('.new-meeting-page__error')).toHaveText('请先选择会议类型');
      await page.locator('.new-meeting-page__kind', { hasText: '主题党日' }).click();
      await expectReadable(page, 'new record');
      await expectTappable(page, '.new-meeting-page__kind, .new-meeting-page__generate');
      await shots(page, 'new');
      await activity.locator('.new-meeting-page__generate').click();
      await page.waitForURL(/#\/packages\/org-life\/pages\/editor\/index\?id=\d+/);
    });

    await test.step('the editor: attendance came in; host, recorder, minutes, a photo and a decision go in', async () => {
      const active = (name: string) => page.locator(`[data-person="${name}"] .attendee-picker__option--active`);
      await expect(active('张伟')).toHaveText('出席');
      await expect(active('王芳')).toHaveText('请假');
      await expect(page.locator('[data-person="王芳"] .attendee-picker__reason input')).toHaveValue('出差在外');
      await expect(active('刘洋')).toHaveText('缺席');
      await expect(page.locator('.meeting-editor__kind.meeting-editor__chip--active')).toHaveText('主题党日');
      await expect(page.locator('.meeting-editor__topic input')).toHaveValue(TITLE);

      // 刘洋 ran it: he is present after all.
      await page.locator('[data-person="刘洋"] .attendee-picker__option', { hasText: '出席' }).click();
      await page.locator('.meeting-editor__hostName input').fill('刘洋');
      await page.locator('.meeting-editor__recorderName input').fill('张伟');
      await page.locator('.meeting-editor__place input').fill('明阳风电 党员活动室');
      await page.locator('.meeting-editor__minutes textarea').fill(MINUTES);
      await page.locator('.meeting-editor__resolutions textarea').fill('每名党员本月内完成一次党章专题学习笔记。');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.meeting-editor__add-image').click()]);
      await chooser.setFiles({ name: 'oath.png', mimeType: 'image/png', buffer: makePng() });
      await page.locator('.meeting-editor__thumb').first().waitFor();
      await expectReadable(page, 'editor');
      await expectTappable(page, '.meeting-editor__chip, .attendee-picker__option, .attendee-picker__all, .meeting-editor__add-image, .meeting-editor__actions .nut-button');
      await page.locator('.meeting-editor').evaluate((el) => el.scrollIntoView());
      await shots(page, 'editor');
      await page.locator('[data-field="attendees"]').evaluate((el) => el.scrollIntoView());
      await shots(page, 'editor-attendees');
      await page.locator('[data-field="minutes"]').evaluate((el) => el.scrollIntoView());
      await shots(page, 'editor-minutes');
    });

    await test.step('归档 asks first and says the record becomes read-only', async () => {
      await page.locator('.meeting-editor__archive').click();
      await expect(page.locator('.taro-modal__content')).toContainText('归档后记录将只读');
      await screenshot(page, 'orglife-archive-confirm-375');
      await confirmModal(page);
      await page.waitForURL(/#\/packages\/org-life\/pages\/detail\/index\?id=\d+/);
      await expect(page.locator('.meeting-view__archived')).toContainText('归档 · 记录只读');
      await expect(page.locator('.meeting-view__section--minutes .meeting-view__text')).toHaveText(MINUTES);
      await expect(page.locator('.meeting-view__group--present .meeting-view__names')).toContainText('刘洋');
      await expect(page.locator('.meeting-view__group--leave .meeting-view__names')).toContainText('王芳（出差在外）');
      await expect(page.locator('.meeting-detail-page__edit')).toHaveCount(0);
      await expect(page.locator('.brand-gallery__item')).toHaveCount(1);
      await expectReadable(page, 'record');
      await shots(page, 'detail');
      await page.locator('.meeting-view__section--attendees').evaluate((el) => el.scrollIntoView());
      await shots(page, 'detail-attendees');
    });

    await test.step('back on the calendar, this month’s 主题党日 is done; the year’s record book downloads', async () => {
      await page.goto(`${BASE_URL}/#/packages/org-life/pages/calendar/index`);
      await expect(page.locator('.meeting-calendar__row--theme_day .meeting-calendar__cell--current')).toHaveClass(/meeting-calendar__cell--done/);
      await expect(page.locator('.meeting-card', { hasText: TITLE }).locator('.meeting-card__status')).toHaveText('已归档');
      const [book] = await Promise.all([page.waitForEvent('download'), page.locator('.org-life-page__book').click()]);
      expect(book.suggestedFilename()).toMatch(new RegExp(`^${BRANCH}-\\d{4}年组织生活台账\\.xlsx$`));
    });
    expect(pageErrors).toEqual([]);
  });

  test('陈静 starts a blank 支部党员大会 record from the calendar, keeps it as a draft, then deletes it', async () => {
    const topic = `选举出席上级党代会代表（${stamp}）`;
    const page = await session.signInAs('陈静');
    await page.goto(`${BASE_URL}/#/pages/mine/index`);
    await page.locator('.mine-menu__item--org-life').click();
    await page.waitForURL(/#\/packages\/org-life\/pages\/calendar\/index/);
    // The running quarter's cell starts a record of that kind.
    await page.locator('.meeting-calendar__row--party_congress .meeting-calendar__cell--current').click();
    await page.waitForURL(/#\/packages\/org-life\/pages\/new\/index\?orgId=\d+&kind=PARTY_CONGRESS/);
    await expect(page.locator('.new-meeting-page__kind--active')).toHaveText('支部党员大会');
    await page.locator('.new-meeting-page__blank').click();
    await page.waitForURL(/#\/packages\/org-life\/pages\/editor\/index\?orgId=\d+&kind=PARTY_CONGRESS/);

    // Nothing can be archived without a topic and attendance.
    await page.locator('.meeting-editor__archive').click();
    await expect(page.locator('[data-field="topic"] .meeting-editor__error')).toHaveText('请填写会议议题');
    await expect(page.locator('[data-field="attendees"] .meeting-editor__error')).toHaveText('归档前请登记参会人员的出勤情况');
    await page.locator('.meeting-editor__topic input').fill(topic);
    await expect(page.locator('[data-field="topic"] .meeting-editor__error')).toHaveCount(0);
    await page.locator('.attendee-picker__all').click();
    await expect(page.locator('[data-person="陈静"] .attendee-picker__option--active')).toHaveText('出席');
    await page.locator('.meeting-editor__online').click();
    await page.locator('.meeting-editor__save').click();
    await page.waitForURL(/#\/packages\/org-life\/pages\/calendar\/index/);

    // A draft does not count: the quarter is still due; the draft is in the list and opens in the editor.
    await expect(page.locator('.meeting-calendar__row--party_congress .meeting-calendar__cell--current')).toHaveClass(/meeting-calendar__cell--due/);
    const draft = page.locator('.meeting-card', { hasText: topic });
    await expect(draft.locator('.meeting-card__status')).toHaveText('草稿');
    await draft.click();
    await page.waitForURL(/#\/packages\/org-life\/pages\/editor\/index\?id=\d+/);
    await expect(page.locator('.meeting-editor__topic input')).toHaveValue(topic);
    await expect(page.locator('.meeting-editor__online')).toHaveClass(/meeting-editor__chip--active/);
    await page.locator('.meeting-editor__delete').click();
    await confirmModal(page);
    await page.waitForURL(/#\/packages\/org-life\/pages\/calendar\/index/);
    await expect(page.locator('.meeting-card', { hasText: topic })).toHaveCount(0);
    expect(pageErrors).toEqual([]);
  });

  test('member 张伟 finds the record under 我的 → 我的组织生活, with how he was counted and the minutes', async () => {
    const page = await session.signInAs('张伟');
    await page.goto(`${BASE_URL}/#/pages/mine/index`);
    await page.locator('.mine-menu__item--meetings').click();
    await page.waitForURL(/#\/packages\/org-life\/pages\/mine\/index/);
    const card = page.locator('.meeting-card', { hasText: TITLE });
    await expect(card.locator('.meeting-card__mine')).toHaveText('我：出席');
    await expectReadable(page, 'my meetings');
    await shots(page, 'mine');
    await card.click();
    await page.waitForURL(/#\/packages\/org-life\/pages\/detail\/index\?id=\d+/);
    await expect(page.locator('.meeting-view__mine-text')).toHaveText('我的出勤：出席');
    await expect(page.locator('.meeting-view__section--minutes .meeting-view__text')).toHaveText(MINUTES);
    await shots(page, 'detail-member');
    expect(pageErrors).toEqual([]);
  });

  test('committee 孙丽 sees the branch’s 支部党员大会 due this quarter and overdue for the quarter before, and exports', async () => {
    const page = await session.signInAs('孙丽');
    await page.goto(`${BASE_URL}/#/pages/mine/index`);
    await page.locator('.mine-menu__item--org-life-compliance').click();
    await page.waitForURL(/#\/packages\/org-life\/pages\/compliance\/index/);
    await page.locator('.filter-chips--kind .filter-chips__chip', { hasText: '支部党员大会' }).click();
    const row = page.locator(`.compliance-row[data-org="${BRANCH}"][data-kind="PARTY_CONGRESS"]`);
    await expect(row.locator('.compliance-row__state')).toHaveText('本期待开');
    await expect(page.locator('.compliance-page__note')).toContainText('本期进行中');
    await expectReadable(page, 'compliance');
    await expectTappable(page, '.compliance-page__unit, .compliance-page__step, .compliance-page__current, .compliance-page__export, .compliance-row__book');
    await shots(page, 'compliance');

    // The quarter before has ended without a 支部党员大会: overdue, and listed first.
    await page.locator('.compliance-page__previous').click();
    await expect(row.locator('.compliance-row__state')).toHaveText('已逾期');
    await expect(page.locator('.compliance-row').first().locator('.compliance-row__state')).toHaveText('已逾期');
    await page.locator('.filter-chips--state .filter-chips__chip', { hasText: '已逾期' }).click();
    await expect(row).toBeVisible();
    // The totals count the same rows: every overdue row of the list is in the 已逾期 figure.
    const figure = page.locator('.compliance-page__figure--overdue .compliance-page__figure-value');
    await expect(figure).toHaveText(/^\d+$/);
    expect(Number(await figure.textContent())).toBe(await page.locator('.compliance-row').count());
    await shots(page, 'compliance-previous');

    const [exported] = await Promise.all([page.waitForEvent('download'), page.locator('.compliance-page__export').click()]);
    expect(exported.suggestedFilename()).toMatch(/^组织生活合规-\d{4}年.季度\.xlsx$/);
    const [book] = await Promise.all([page.waitForEvent('download'), row.locator('.compliance-row__book').click()]);
    expect(book.suggestedFilename()).toMatch(new RegExp(`^${BRANCH}-\\d{4}年组织生活台账\\.xlsx$`));
    expect(pageErrors).toEqual([]);
  });
});
