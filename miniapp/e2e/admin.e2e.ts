import { expect, test, type Page } from '@playwright/test';
import type { ChainResponse, InstructorEnterpriseItem, InstructorSummary, TalkDetail, TalkRegistrationResponse } from '@torch-red/shared';
import { ADMIN_SCREENS, expectAdminDenied, runStamp } from './support/admin';
import { api, BrowserSession, BASE_URL, confirmModal, screenshot, tokenOf } from './support/browser';

const session = new BrowserSession();
const { pageErrors } = session;

const ADMIN_PAGES = ['index', 'orgs', 'people', 'instructors', 'talks', 'brands', 'audit'];

test.beforeAll(() => session.start());
test.afterAll(() => session.close());

for (const screen of ADMIN_SCREENS) {
  test.describe.serial(`管理后台 at ${screen.width}×${screen.height} (H5)`, () => {
    const stamp = runStamp(screen);
    const theme = `链上协同与要素保障 ${stamp}`;
    const shot = (page: Page, name: string) => screenshot(page, `admin-${name}-${screen.name}`);
    let admin: Page;
    let talkId = '';
    let appealIds: string[] = [];
    const registrantName = `审计验证${stamp}`;

    test('a non-admin opening any admin route sees 无权限, and no admin data is requested', async () => {
      const page = await session.signInAs('王军', screen);
      await expectAdminDenied(page, ADMIN_PAGES, () => shot(page, 'denied'));
    });

    test('admin 许红 opens 管理后台 from 我的: a left menu on a desktop, the screens as a list on a phone', async () => {
      admin = await session.signInAs('许红', screen);
      await admin.goto(`${BASE_URL}/#/pages/mine/index`);
      await admin.locator('.mine-menu__item--admin').click();
      await admin.waitForURL(/packages\/admin\/pages\/index\/index/);
      await admin.locator('.admin-home .mine-menu__item--admin-talks').waitFor();
      if (screen.desktop) {
        await expect(admin.locator('.admin-layout__nav')).toBeVisible();
        // Drawn at the phone's scale: 14 px text, the room used for columns.
        await expect(admin.locator('html')).toHaveCSS('font-size', '20px');
        await expect(admin.locator('.admin-home .mine-menu__title').first()).toHaveCSS('font-size', /^(1[4-9]|2\d)(\.\d+)?px$/);
      } else {
        await expect(admin.locator('.admin-layout__nav')).toBeHidden();
      }
      await shot(admin, 'home');
    });

    test('creates a 月月谈 session as a draft and publishes it, then its minutes', async () => {
      await admin.locator('.admin-home .mine-menu__item--admin-talks').click();
      await admin.waitForURL(/packages\/admin\/pages\/talks\/index/);
      await admin.locator('.admin-table--talks, .admin-page--talks .page-state').first().waitFor();
      await admin.locator('.talks-page__create').click();
      const form = admin.locator('.admin-panel--talk-form');
      await form.locator('.talk-form__submit').click();
      await expect(form.locator('.admin-field--theme .talk-form__error')).toHaveText('请填写主题');
      await form.locator('.admin-field--theme input').fill(theme);
      await form.locator('.admin-field--description textarea').fill('围绕原料互供、用工和融资，企业家与承办部门面对面。');
      await form.locator('.admin-field--location input').fill('新兴产业党群服务中心 一楼报告厅');
      await form.locator('.talk-form__department').first().click();
      await shot(admin, 'talk-form');
      await form.locator('.talk-form__submit').click();

      const panel = admin.locator('.admin-panel--talk');
      await expect(panel.locator('.admin-panel__title')).toHaveText(theme);
      await expect(panel.locator('.admin-field--status .admin-field__value')).toHaveText('草稿');
      talkId = (await admin.locator('.admin-table__row--selected').getAttribute('data-key')) ?? '';
      expect(talkId).toMatch(/^\d+$/);
      await panel.locator('.talk-panel__publish').click();
      await confirmModal(admin);
      await expect(panel.locator('.admin-field--status .admin-field__value')).toHaveText('已发布');
      await expect(admin.locator(`.admin-table__row[data-key="${talkId}"]`)).toContainText('已发布');

      await panel.locator('.talk-panel__minutes textarea').fill('议定：原料互供清单下周由发展局牵头对接。');
      await panel.locator('.talk-panel__publish-minutes').click();
      await expect(admin.locator(`.admin-table__row[data-key="${talkId}"] .admin-table__cell--minutes`)).toContainText('已发布');
      await shot(admin, 'talks');
    });

    test('answers one appeal and turns another into a need, on the existing 诉求答复 page', async () => {
      // Two entrepreneurs register with an appeal each, as the app would.
      appealIds = [];
      for (const [index, text] of [`希望协调丙烯原料长期供货（${stamp}）`, `研发楼消防验收排期太久（${stamp}）`].entries()) {
        const who = await tokenOf(`admin-e2e-${stamp}-${index}`.toLowerCase(), index === 0 ? registrantName : `企业家${stamp}`);
        // An enterprise on the chain map: only such an appeal can become a need on the ledger.
        const [chain] = (await api<ChainResponse[]>('GET', '/api/chains', who.accessToken)).body;
        const res = await api<TalkRegistrationResponse>('POST', `/api/talks/${talkId}/registrations`, who.accessToken, {
          enterpriseId: chain.enterprises[0].id,
          position: '总经理',
          phone: `139${String(Date.now() % 100000000).padStart(8, '0')}`.slice(0, 11),
          category: 'RAW_MATERIALS',
          appeal: text,
        });
        expect(res.status).toBe(200);
        appealIds.push(res.body.appeal.id);
      }

      await admin.locator('.admin-panel--talk .talk-panel__appeals').click();
      await admin.waitForURL(new RegExp(`talk/pages/appeals/index\\?talkId=${talkId}`));
      const first = admin.locator('.talk-appeals-page__item', { hasText: '丙烯原料' });
      await first.waitFor();
      await first.locator('.talk-appeals-page__answer').click();
      await admin.locator('.reason-dialog__input textarea:visible').fill('发展局已列入下周原料对接会，会后书面答复。');
      await admin.locator('.nut-dialog-footer-ok:visible').click();
      await expect(first.locator('.appeal-card__answer-text')).toHaveText('发展局已列入下周原料对接会，会后书面答复。');
      await shot(admin, 'appeals');

      const second = admin.locator('.talk-appeals-page__item', { hasText: '消防验收' });
      await second.locator('.talk-appeals-page__to-need').click();
      await confirmModal(admin);
      await admin.waitForURL(/need-detail\/index\?id=/);
      await expect(admin.locator('.need-detail-page__description')).toContainText('消防验收');
    });

    test('grants a secretary role with its org in 人员与权限', async () => {
      await admin.goto(`${BASE_URL}/#/packages/admin/pages/people/index`);
      await admin.locator('.people-page__input input').fill(registrantName);
      await admin.locator('.people-page__find').click();
      const row = admin.locator('.admin-table--people .admin-table__row', { hasText: registrantName });
      await row.click();
      const panel = admin.locator('.admin-panel--person');
      await expect(panel.locator('.admin-panel__title')).toHaveText(registrantName);
      await panel.locator('.person-panel__role-chip--SECRETARY').click();
      await panel.locator('.search-pick--scope input').fill('明阳风电第一');
      await panel.locator('.person-picker__result', { hasText: '明阳风电第一党支部' }).click();
      await panel.locator('.person-panel__grant-submit').click();
      await expect(panel.locator('.person-panel__role[data-role="SECRETARY"]')).toContainText('支部书记 · 明阳风电第一党支部');
      await expect(row).toContainText('支部书记 · 明阳风电第一党支部');
      await shot(admin, 'people');
    });

    test('finds each of these in 审计日志 and opens one entry', async () => {
      // The grant, from the person's own 审计记录.
      await admin.locator('.admin-panel--person .person-panel__audit').click();
      await admin.waitForURL(/packages\/admin\/pages\/audit\/index\?entityType=user&entityId=\d+/);
      const grant = admin.locator('.admin-table--audit .admin-table__row', { hasText: '授予角色' });
      await grant.click();
      const entry = admin.locator('.admin-panel--audit-entry');
      await expect(entry.locator('.admin-field--action')).toContainText('授予角色');
      await expect(entry.locator('.admin-field--actor')).toContainText('许红');
      await expect(entry.locator('.audit-entry__row[data-key="role"] .audit-entry__after')).toHaveText('SECRETARY');
      await shot(admin, 'audit-entry');

      // The session, its publishing (an activity's), the answer and the need, by kind of action.
      await admin.goto(`${BASE_URL}/#/packages/admin/pages/audit/index`);
      const rows = admin.locator('.admin-table--audit .admin-table__row');
      const byKind = async (label: string, expected: string, object: string) => {
        await admin.locator('.filter-chips--audit-action .filter-chips__chip', { hasText: label }).click();
        await expect(rows.filter({ hasText: expected }).filter({ hasText: object }).first()).toBeVisible();
      };
      const detail = await api<TalkDetail>('GET', `/api/talks/${talkId}`, (await tokenOf('demo-admin-xuhong')).accessToken);
      await byKind('月月谈', '新建月月谈', `#${talkId}`);
      await byKind('月月谈', '发布会议纪要', `#${talkId}`);
      await byKind('活动', '发布活动', `#${detail.body.activity.id}`);
      await byKind('诉求答复', '答复诉求', `#${appealIds[0]}`);
      await byKind('需求', '诉求转为需求', '需求');
      await shot(admin, 'audit');
    });

    test('组织架构: creates a branch under a committee, renames it, sees a refused move with its reason; all in 审计日志', async () => {
      const branch = `链上协同党支部${stamp}`;
      await admin.goto(`${BASE_URL}/#/packages/admin/pages/orgs/index`);
      await admin.locator('.admin-table--orgs .admin-table__row', { has: admin.locator('.admin-table__cell--name .admin-table__value', { hasText: /^新能源产业党委$/ }) }).click();
      const panel = admin.locator('.admin-panel--org');
      await expect(panel.locator('.admin-panel__title')).toHaveText('新能源产业党委');
      await panel.locator('.org-panel__chip--BRANCH').click();
      await panel.locator('.admin-field--child-name input').fill(branch);
      await panel.locator('.org-panel__create').click();
      // The new branch opens at once, under its committee in the tree.
      await expect(panel.locator('.admin-panel__title')).toHaveText(branch);
      const orgId = (await admin.locator('.admin-table--orgs .admin-table__row--selected').getAttribute('data-key')) ?? '';
      expect(orgId).toMatch(/^\d+$/);

      await panel.locator('.admin-field--name input').fill(`${branch}（更名）`);
      await panel.locator('.org-panel__rename').click();
      await expect(panel.locator('.admin-panel__title')).toHaveText(`${branch}（更名）`);
      await expect(admin.locator(`.admin-table--orgs .admin-table__row[data-key="${orgId}"]`)).toContainText(`${branch}（更名）`);

      // A branch cannot hang under another branch: refused, the reason beside the form, in Chinese.
      await panel.locator('.search-pick--parent input').fill('明阳风电第一');
      await panel.locator('.person-picker__result', { hasText: '明阳风电第一党支部' }).click();
      await panel.locator('.org-panel__move').click();
      await expect(panel.locator('.admin-field--parent .org-panel__error')).toHaveText('党支部不能挂在党支部之下');
      await admin.evaluate(() => window.scrollTo(0, 0));
      await shot(admin, 'orgs');

      await admin.locator('.filter-chips--orgs-tab .filter-chips__chip', { hasText: '产业链' }).click();
      await admin.locator('.admin-table--chains .admin-table__row', { hasText: '风电装备产业链' }).click();
      await expect(admin.locator('.admin-panel--chain .admin-field--member').first()).toBeVisible();
      await shot(admin, 'orgs-chains');

      await admin.goto(`${BASE_URL}/#/packages/admin/pages/audit/index?entityType=org&entityId=${orgId}`);
      const rows = admin.locator('.admin-table--audit .admin-table__row');
      await expect(rows.filter({ hasText: '新建组织' })).toHaveCount(1);
      await expect(rows.filter({ hasText: '修改组织' })).toHaveCount(1);
    });

    test('指导员: assigns an enterprise to 周凯, sees the visits; found in 审计日志', async () => {
      const token = (await tokenOf('demo-admin-xuhong')).accessToken;
      const zhoukai = (await api<InstructorSummary[]>('GET', '/api/admin/instructors', token)).body.find((i) => i.name === '周凯')!;
      const assigned = new Set((await api<InstructorEnterpriseItem[]>('GET', `/api/admin/instructors/${zhoukai.id}/enterprises`, token)).body.map((e) => e.enterpriseId));
      const chains = (await api<ChainResponse[]>('GET', '/api/chains', token)).body;
      const target = chains.flatMap((c) => c.enterprises).find((e) => !assigned.has(e.id))!;

      await admin.goto(`${BASE_URL}/#/packages/admin/pages/instructors/index`);
      await admin.locator('.admin-table--instructors .admin-table__row', { hasText: '周凯' }).click();
      const panel = admin.locator('.admin-panel--instructor');
      await expect(panel.locator('.instructor-panel__enterprise')).toHaveCount(assigned.size);
      await expect(panel.locator('.instructor-panel__visit').first()).toBeVisible();
      await panel.locator('.search-pick--instructor-enterprise input').fill(target.name);
      await panel.locator('.person-picker__result', { hasText: target.name }).first().click();
      await panel.locator('.instructor-panel__assign').click();
      await expect(panel.locator(`.instructor-panel__enterprise[data-key="${target.id}"]`)).toContainText(target.name);
      await expect(admin.locator(`.admin-table--instructors .admin-table__row[data-key="${zhoukai.id}"]`)).toContainText(`${assigned.size + 1} 家`);
      await expect(panel.locator('.search-pick--instructor-enterprise input')).toHaveValue('');
      await shot(admin, 'instructors');

      await panel.locator('.instructor-panel__audit').click();
      await admin.waitForURL(new RegExp(`packages/admin/pages/audit/index\\?entityType=user&entityId=${zhoukai.id}`));
      await admin.locator('.admin-table--audit .admin-table__row', { hasText: '分配指导企业' }).first().click();
      await expect(admin.locator(`.admin-panel--audit-entry`)).toContainText(target.id);
    });

    test('品牌与示范点 lists the published brands; one opens with its 示范点 naming', async () => {
      await admin.goto(`${BASE_URL}/#/packages/admin/pages/brands/index`);
      await admin.locator('.admin-table--brands .admin-table__row').first().click();
      await expect(admin.locator('.admin-panel--demo-point .demo-point__save')).toBeVisible();
      await shot(admin, 'brands');
      expect(pageErrors).toEqual([]);
    });
  });
}
