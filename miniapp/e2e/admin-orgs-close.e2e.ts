import { expect, test, type Page } from '@playwright/test';
import type { OrgResponse, OrgTreeNode, UserResponse } from '@torch-red/shared';
import { ADMIN_SCREENS, runStamp } from './support/admin';
import { api, BASE_URL, BrowserSession, confirmModal, screenshot, tokenOf } from './support/browser';

const session = new BrowserSession();
const { pageErrors } = session;

const findOrg = (nodes: OrgTreeNode[], name: string): OrgTreeNode | undefined => {
  for (const node of nodes) {
    if (node.name === name) return node;
    const hit = findOrg(node.children, name);
    if (hit) return hit;
  }
  return undefined;
};

test.beforeAll(() => session.start());
test.afterAll(() => session.close());

for (const screen of ADMIN_SCREENS) {
  test.describe.serial(`组织架构: closing an org, and 运行期限检查, at ${screen.width}×${screen.height} (H5)`, () => {
    const stamp = runStamp(screen);
    const emptyName = `待撤销党支部${stamp}`;
    const busyName = `有党员的党支部${stamp}`;
    const shot = (page: Page, name: string) => screenshot(page, `admin-orgs-close-${name}-${screen.name}`);
    let admin: Page;
    let emptyId = '';
    const row = (name: string, table = 'orgs') => admin.locator(`.admin-table--${table} .admin-table__row`, { has: admin.locator('.admin-table__cell--name', { hasText: name }) });

    test('set-up: two fresh branches under 新能源产业党委, one with a member', async () => {
      const { accessToken } = await tokenOf('demo-admin-xuhong');
      const tree = (await api<OrgTreeNode[]>('GET', '/api/orgs/tree', accessToken)).body;
      const committee = findOrg(tree, '新能源产业党委')!;
      const create = async (name: string) => (await api<OrgResponse>('POST', '/api/admin/orgs', accessToken, { name, type: 'BRANCH', parentId: committee.id })).body;
      emptyId = (await create(emptyName)).id;
      const busy = await create(busyName);
      const person = await api<UserResponse>('POST', '/api/admin/users', accessToken, { name: `转出党员${stamp}`, orgId: busy.id, politicalStatus: 'FULL_MEMBER' });
      expect(person.status).toBe(201);
      admin = await session.signInAs('许红', screen);
    });

    test('closing a branch that still has a member is refused, and the reason names the member', async () => {
      await admin.goto(`${BASE_URL}/#/packages/admin/pages/orgs/index`);
      await row(busyName).click();
      const panel = admin.locator('.admin-panel--org');
      await expect(panel.locator('.admin-panel__title')).toHaveText(busyName);
      await panel.locator('.org-panel__close').click();
      await confirmModal(admin);
      const refusal = panel.locator('.org-panel__error');
      await expect(refusal).toContainText(`“${busyName}”还有 1 名成员（转出党员${stamp}）`);
      await expect(refusal).toContainText('请先在“人员”中把成员转到其他组织');
      await expect(row(busyName)).toHaveCount(1);
      await panel.locator('.org-panel__close').scrollIntoViewIfNeeded();
      await shot(admin, 'refused');
    });

    test('closes the empty branch: it leaves the tree and shows under 已关闭, where 恢复 brings it back', async () => {
      await row(emptyName).click();
      const panel = admin.locator('.admin-panel--org');
      await expect(panel.locator('.admin-panel__title')).toHaveText(emptyName);
      await panel.locator('.org-panel__close').click();
      await confirmModal(admin);
      await expect(row(emptyName)).toHaveCount(0);
      await expect(admin.locator('.admin-panel--org')).toHaveCount(0);

      await admin.locator('.filter-chips--org-view .filter-chips__chip', { hasText: '已关闭' }).click();
      await row(emptyName, 'closed-orgs').click();
      const closed = admin.locator('.admin-panel--closed-org');
      await expect(closed.locator('.admin-panel__title')).toHaveText(emptyName);
      await expect(closed.locator('.admin-panel__subtitle')).toHaveText('党支部 · 已关闭');
      await expect(closed.locator('.admin-field--parent')).toContainText('新能源产业党委');
      await admin.evaluate(() => window.scrollTo(0, 0));
      await shot(admin, 'closed');

      await closed.locator('.org-panel__reopen').click();
      await expect(row(emptyName, 'closed-orgs')).toHaveCount(0);
      await admin.locator('.filter-chips--org-view .filter-chips__chip', { hasText: '在用' }).click();
      await expect(row(emptyName)).toHaveCount(1);
    });

    test('运行期限检查 on 概览: confirmed, then what it did in Chinese', async () => {
      await admin.goto(`${BASE_URL}/#/packages/admin/pages/index/index`);
      const card = admin.locator('.deadline-checks');
      await card.locator('.deadline-checks__run').click();
      await expect(admin.locator('.taro-modal__content, .taro-modal__text').first()).toContainText('立即检查需求承办期限');
      await confirmModal(admin);
      await expect(card.locator('.deadline-checks__result')).toContainText(/^检查完成：/);
      await card.scrollIntoViewIfNeeded();
      await shot(admin, 'deadline-checks');
    });

    test('the close, the reopening and the deadline check are in 审计日志', async () => {
      await admin.goto(`${BASE_URL}/#/packages/admin/pages/audit/index?entityType=org&entityId=${emptyId}`);
      const rows = admin.locator('.admin-table--audit .admin-table__row');
      await expect(rows.filter({ hasText: '关闭组织' })).toHaveCount(1);
      await expect(rows.filter({ hasText: '恢复组织' })).toHaveCount(1);
      await rows.filter({ hasText: '关闭组织' }).click();
      await expect(admin.locator('.admin-panel--audit-entry .admin-field--actor')).toContainText('许红');

      await admin.goto(`${BASE_URL}/#/packages/admin/pages/audit/index`);
      await admin.locator('.filter-chips--audit-action .filter-chips__chip', { hasText: '需求' }).click();
      await expect(admin.locator('.admin-table--audit .admin-table__row', { hasText: '运行期限检查' }).first()).toBeVisible();
      await shot(admin, 'audit');
      expect(pageErrors).toEqual([]);
    });
  });
}
