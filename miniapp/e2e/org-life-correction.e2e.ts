import { expect, test, type Page } from '@playwright/test';
import type { LoginResponse, MeetingDetail, Page as ListPage, UserResponse } from '@torch-red/shared';
import { apiOk as call, BrowserSession, BASE_URL, confirmModal, screenshot, type Screen } from './support/browser';
import { expectReadable } from './support/readable';

/**
 * 组织生活 · 更正记录 (issue 14): secretary 刘洋 keeps an archived 党小组会 record; admin 许红 opens it, sees 更正记录,
 * corrects its minutes with a 更正说明 after the 「更正将记入审计日志」 confirmation, and the record shows the new
 * minutes; 审计日志 holds the correction with the minutes before and after and the reason. The secretary and a member
 * never see 更正记录, and the correction editor sends the secretary back to the read-only record.
 * At 390×844 and 1280×800, each with its own record (the browser suites share one demo DB).
 */
const session = new BrowserSession();
const { pageErrors } = session;
const SCREENS: Array<Screen & { name: string }> = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800, desktop: true },
];

const signIn = (openid: string) => call<LoginResponse>('POST', '/api/auth/dev-login', null, { openid });

/**
 * 刘洋's archived 党小组会 record (a kind his branch is not judged on, so the calendar and compliance suites are
 * unaffected), three days ago, with 刘洋 and 张伟 present.
 */
async function archivedRecord(topic: string, minutes: string): Promise<MeetingDetail> {
  const liu = await signIn('demo-secretary-liuyang');
  const orgId = liu.user.orgId!;
  const members = await call<ListPage<UserResponse>>('GET', `/api/orgs/${orgId}/members?limit=100`, liu.accessToken);
  const idOf = (name: string) => members.items.find((member) => member.name === name)!.id;
  const day = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  const created = await call<MeetingDetail>('POST', `/api/workspace/orgs/${orgId}/meetings`, liu.accessToken, {
    kind: 'PARTY_GROUP',
    startsAt: `${day}T14:30:00+08:00`,
    endsAt: `${day}T16:00:00+08:00`,
    place: '明阳风电 党员活动室',
    hostName: '刘洋',
    recorderName: '张伟',
    topic,
    minutes,
  });
  await call('PUT', `/api/workspace/meetings/${created.id}/attendees`, liu.accessToken, {
    attendees: [
      { userId: idOf('刘洋'), status: 'PRESENT' },
      { userId: idOf('张伟'), status: 'PRESENT' },
    ],
  });
  return call<MeetingDetail>('POST', `/api/workspace/meetings/${created.id}/archive`, liu.accessToken);
}

const detailUrl = (id: string) => `${BASE_URL}/#/packages/org-life/pages/detail/index?id=${id}`;
const minutesText = (page: Page) => page.locator('.meeting-view__section--minutes .meeting-view__text');

test.beforeAll(() => session.start());
test.afterAll(() => session.close());

for (const screen of SCREENS) {
  test.describe.serial(`组织生活 更正记录 at ${screen.width}×${screen.height} (H5)`, () => {
    const stamp = `${Date.now() % 100000}${screen.name === 'desktop' ? 'D' : 'P'}`;
    const topic = `党小组学习新党章（更正测试 ${stamp}）`;
    const original = `张伟同志领学党章总纲（${stamp}）。`;
    const corrected = `张伟同志领学党章总纲，刘洋同志补充讲解第二章党员的义务（${stamp}）。`;
    const reason = `补录漏记的讲解内容（${stamp}）`;
    const shot = (page: Page, name: string) => screenshot(page, `orglife-correction-${name}-${screen.name}`);
    let record: MeetingDetail;

    test('the secretary and a member see the archived record read-only, with no 更正记录', async () => {
      record = await archivedRecord(topic, original);
      expect(record.status).toBe('ARCHIVED');

      const liu = await session.signInAs('刘洋', screen);
      await liu.goto(detailUrl(record.id));
      await expect(minutesText(liu)).toHaveText(original);
      await expect(liu.locator('.meeting-view__archived')).toContainText('归档 · 记录只读');
      await expect(liu.locator('.meeting-detail-page__correct')).toHaveCount(0);
      await expect(liu.locator('.meeting-detail-page__edit')).toHaveCount(0);
      // The correction editor itself sends him back to the read-only record.
      await liu.goto(`${BASE_URL}/#/packages/org-life/pages/editor/index?id=${record.id}&mode=correct`);
      await liu.waitForURL(/#\/packages\/org-life\/pages\/detail\/index\?id=\d+/);
      await expect(minutesText(liu)).toHaveText(original);
      await expect(liu.locator('.meeting-editor')).toHaveCount(0);
      await expect(liu.locator('.meeting-detail-page__correct')).toHaveCount(0);

      const zhang = await session.signInAs('张伟', screen);
      await zhang.goto(detailUrl(record.id));
      await expect(minutesText(zhang)).toHaveText(original);
      await expect(zhang.locator('.meeting-detail-page__correct')).toHaveCount(0);
    });

    test('admin 许红 corrects the minutes with a 更正说明, after the audit-log warning', async () => {
      test.setTimeout(90_000);
      const admin = await session.signInAs('许红', screen);
      await admin.goto(detailUrl(record.id));
      await expect(minutesText(admin)).toHaveText(original);
      const button = admin.locator('.meeting-detail-page__correct');
      await expect(button).toHaveText('更正记录');
      expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(40);
      await button.scrollIntoViewIfNeeded();
      await expectReadable(admin, 'detail with 更正记录');
      await shot(admin, 'detail');

      await button.click();
      await admin.waitForURL(/#\/packages\/org-life\/pages\/editor\/index\?id=\d+&mode=correct/);
      await expect(admin.locator('.meeting-editor__banner')).toContainText('更正后原内容与更正内容都会记入审计日志');
      // The archived record is loaded as it is, and only the correction's actions are offered.
      await expect(admin.locator('.meeting-editor__topic input')).toHaveValue(topic);
      await expect(admin.locator('.meeting-editor__minutes textarea')).toHaveValue(original);
      await expect(admin.locator('.meeting-editor__kind.meeting-editor__chip--active')).toHaveText('党小组会');
      await expect(admin.locator('[data-person="张伟"] .attendee-picker__option--active')).toHaveText('出席');
      await expect(admin.locator('.meeting-editor__save, .meeting-editor__archive, .meeting-editor__delete')).toHaveCount(0);

      await admin.locator('.meeting-editor__minutes textarea').fill(corrected);
      // No reason, no save.
      await admin.locator('.meeting-editor__correct').click();
      await expect(admin.locator('[data-field="reason"] .meeting-editor__error')).toHaveText('请填写更正说明，它会记入审计日志');
      await expect(admin.locator('.taro-modal__content')).toHaveCount(0);
      await admin.locator('.meeting-editor__reason textarea').fill(reason);
      await expect(admin.locator('[data-field="reason"] .meeting-editor__error')).toHaveCount(0);
      await expectReadable(admin, 'correction editor');
      await admin.locator('.meeting-editor').evaluate((el) => el.scrollIntoView());
      await shot(admin, 'editor');
      await admin.locator('[data-field="reason"]').evaluate((el) => el.scrollIntoView());
      await shot(admin, 'editor-reason');

      await admin.locator('.meeting-editor__correct').click();
      await expect(admin.locator('.taro-modal__content')).toContainText('更正将记入审计日志');
      await shot(admin, 'confirm');
      await confirmModal(admin);

      await admin.waitForURL(/#\/packages\/org-life\/pages\/detail\/index\?id=\d+$/);
      await expect(minutesText(admin)).toHaveText(corrected);
      await expect(admin.locator('.meeting-view__group--present .meeting-view__names')).toContainText('张伟');
      await expect(admin.locator('.meeting-detail-page__correct')).toBeVisible();
      await shot(admin, 'after');

      // Everything else stayed as the secretary recorded it.
      const liu = await signIn('demo-secretary-liuyang');
      const now = await call<MeetingDetail>('GET', `/api/meetings/${record.id}`, liu.accessToken);
      expect(now).toMatchObject({ status: 'ARCHIVED', topic, minutes: corrected, kind: 'PARTY_GROUP', hostName: '刘洋', recorderName: '张伟', place: '明阳风电 党员活动室', startsAt: record.startsAt, counts: { present: 2, leave: 0, absent: 0 }, canEdit: false, canCorrect: false });
    });

    test('审计日志 lists the correction by 许红, with the minutes before and after and the reason', async () => {
      const admin = await session.signInAs('许红', screen);
      await admin.goto(`${BASE_URL}/#/packages/admin/pages/audit/index?entityType=meeting&entityId=${record.id}`);
      const rows = admin.locator('.admin-table--audit .admin-table__row');
      // Newest first: the correction, then the secretary's archive, attendance and create.
      await expect(rows).toHaveCount(4);
      await expect(rows.first()).toContainText('许红');
      await rows.first().click();
      const entry = admin.locator('.admin-panel--audit-entry');
      await expect(entry.locator('.admin-field--action')).toContainText('meeting.correct');
      await expect(entry.locator('.admin-field--actor')).toContainText('许红');
      await expect(entry.locator('.admin-field--object')).toContainText(`#${record.id}`);
      const row = (key: string) => entry.locator(`.audit-entry__row[data-key="${key}"]`);
      await expect(row('minutes').locator('.audit-entry__before')).toHaveText(original);
      await expect(row('minutes').locator('.audit-entry__after')).toHaveText(corrected);
      await expect(row('minutes')).toHaveClass(/audit-entry__row--changed/);
      // Only what was corrected reads as changed: the untouched attendance and times do not.
      for (const key of ['topic', 'startsAt', 'endsAt', 'attendees']) await expect(row(key)).not.toHaveClass(/audit-entry__row--changed/);
      await expect(row('reason').locator('.audit-entry__after')).toHaveText(reason);
      await row('minutes').scrollIntoViewIfNeeded();
      await shot(admin, 'audit');
      expect(pageErrors).toEqual([]);
    });
  });
}
