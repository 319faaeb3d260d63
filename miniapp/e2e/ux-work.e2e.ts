import { expect, test, type Page } from '@playwright/test';
import type { Page as ListPage, TalkRegistrationResponse, TalkSummary, TodoResponse } from '@torch-red/shared';
import { BrowserSession, BASE_URL, PHONE_WIDTHS, api, confirmModal, openTab, screenshotsAtWidths, tokenOf } from './support/browser';

const session = new BrowserSession();
const { pageErrors } = session;

/** `uxw-<name>-<width>.png` at each of the three phone widths. */
const shots = (page: Page, name: string) => screenshotsAtWidths(page, `uxw-${name}`);

test.beforeAll(() => session.start());
test.afterAll(() => session.close());

test.describe.serial('each role finds its work: 待办, 派单 sheet, 诉求答复 (H5)', () => {
  const stamp = Date.now() % 100000;

  test('secretary 陈静 sees 待办 with the pending sign-up count and opens the list', async () => {
    // 王军 signs up for 陈静's activity that needs approval (already signed up in an earlier run: 409).
    const wang = await tokenOf('demo-entrepreneur-wangjun');
    const list = await api<ListPage<{ id: string; title: string }>>('GET', '/api/activities?limit=50', wang.accessToken);
    const sports = list.body.items.find((a) => a.title.includes('趣味运动会'))!;
    const signup = await api('POST', `/api/activities/${sports.id}/registrations`, wang.accessToken, { answers: { size: 'L' } });
    expect([201, 409]).toContain(signup.status);
    const chen = await tokenOf('demo-secretary-chenjing');
    const todo = (await api<TodoResponse>('GET', '/api/me/todo', chen.accessToken)).body;
    const pending = todo.items.find((i) => i.kind === 'REGISTRATIONS_TO_REVIEW')!.count;
    expect(pending).toBeGreaterThanOrEqual(1);

    const page = await session.signInAs('陈静');
    const tile = page.locator('.todo-card__item--registrations_to_review');
    await expect(tile.locator('.todo-card__count')).toHaveText(String(pending));
    await expect(page.locator('.todo-card__item--checkins_today .todo-card__label')).toHaveText('今天的活动签到');
    // And the branch's organisational life still due this period (三会一课 …), counted as the calendar counts it.
    const due = todo.items.find((i) => i.kind === 'MEETINGS_DUE')!.count;
    const meetings = page.locator('.todo-card__item--meetings_due');
    await expect(meetings.locator('.todo-card__label')).toHaveText('本期待开组织生活');
    await expect(meetings.locator('.todo-card__count')).toHaveText(String(due));
    await expect(page.locator('.todo-card__item')).toHaveCount(3);
    await shots(page, 'home-secretary');
    await tile.click();
    await page.waitForURL(/#\/packages\/workspace\/pages\/activities\/index/);
    // The subpackage page must have rendered before the next navigation: a hash change while its chunk still loads
    // leaves the router showing it over 我的.
    await expect(page.locator('.workspace-page__title')).toBeVisible();

    // 我的: work first, under 我的工作.
    await page.goto(`${BASE_URL}/#/pages/mine/index`);
    const headings = page.locator('.mine-menu__heading');
    await expect(headings.first()).toHaveText('我的工作');
    await expect(page.locator('.mine-menu').first().locator('.mine-menu__item--workspace')).toBeVisible();
    await shots(page, 'mine-secretary');
  });

  test('a plain member sees no 待办 card', async () => {
    const page = await session.signInAs('张伟');
    await page.locator('.whistle-entry').waitFor();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('.todo-card')).toHaveCount(0);
    await page.goto(`${BASE_URL}/#/pages/mine/index`);
    await page.locator('.mine-menu__item--activities').waitFor();
    await expect(page.locator('.mine-menu__heading')).toHaveCount(0);
  });

  test('committee 孙丽 opens 待派单 from 待办 and dispatches through the full-height sheet', async () => {
    const title = `储能电池隔膜交期长（${stamp}）`;
    // A need on 孙丽's chain: raised for 明阳风电 by its secretary 刘洋.
    const liu = await tokenOf('demo-secretary-liuyang');
    const raised = await api<{ id: string }>('POST', '/api/needs', liu.accessToken, {
      category: 'RAW_MATERIALS',
      urgency: 'URGENT',
      title,
      description: '隔膜供应商交期由两周延长到六周，影响风机储能柜交付，请协调本地替代供应商。',
    });
    expect(raised.status).toBe(201);

    const page = await session.signInAs('孙丽');
    const tile = page.locator('.todo-card__item--needs_to_dispatch');
    await tile.waitFor();
    expect(Number(await tile.locator('.todo-card__count').textContent())).toBeGreaterThanOrEqual(1);
    await shots(page, 'home-committee');
    await tile.click();
    await page.waitForURL(/needs-ledger\/index\?status=SUBMITTED/);
    await expect(page.locator('.filter-chips--status .filter-chips__chip--active')).toHaveText('待派单');
    const card = page.locator('.need-card', { hasText: title });
    await card.locator('.needs-ledger-page__dispatch').click();

    const sheet = page.locator('.dispatch-dialog');
    await expect(sheet.locator('.dispatch-dialog__description')).toContainText('隔膜供应商交期');
    await page.locator('.dispatch-dialog__confirm').click();
    await page.locator('.dispatch-dialog__error').waitFor();
    await page.locator('.dispatch-dialog__chip', { hasText: '经济发展局' }).click();
    await page.locator('.dispatch-dialog__chip', { hasText: '金融服务办公室' }).click();
    await expect(page.locator('.dispatch-dialog__deadline')).toHaveCount(2);
    await page.locator('.dispatch-dialog__note textarea').fill('请两周内对接本地替代供应商');
    await expect(page.locator('.dispatch-dialog__confirm')).toHaveText('派给 2 个部门');
    // The sheet fills the screen and its buttons stay in view at every width.
    for (const width of PHONE_WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const box = (await page.locator('.dispatch-dialog__confirm').boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.y + box.height).toBeLessThanOrEqual(800);
      expect(box.height).toBeGreaterThanOrEqual(40);
    }
    // The need's description and photos are at the top of the sheet.
    await page.locator('.dispatch-dialog__scroll').evaluate((el) => el.scrollTo(0, 0));
    await shots(page, 'dispatch-sheet');
    await page.locator('.dispatch-dialog__confirm').click();
    await sheet.waitFor({ state: 'detached' });
    await card.waitFor({ state: 'detached' });
  });

  test('department 赵敏 sees the excerpt, the dispatch note and the caller, and acts on 需求详情 itself', async () => {
    const page = await session.signInAs('赵敏');
    await page.locator('.todo-card__item--assignments_to_accept').click();
    await page.waitForURL(/needs-assignments\/index/);
    const card = page.locator('.need-card', { hasText: `储能电池隔膜交期长（${stamp}）` });
    await expect(card.locator('.needs-assignments-page__excerpt')).toContainText('隔膜供应商交期');
    await expect(card.locator('.needs-assignments-page__note')).toHaveText('派单说明：请两周内对接本地替代供应商');
    await expect(card.locator('.needs-assignments-page__status')).toContainText('本部门：待接单 · 整体：待接单');
    await card.locator('.contact-reveal').click();
    await expect(card.locator('.contact-reveal__phone')).toHaveText('13800000004 拨打');
    await shots(page, 'assignments');

    // From the card the handler lands on 部门办理, the same body as 需求详情: the need and her own steps on it.
    await card.locator('.need-card__main').click();
    await page.waitForURL(/need\/pages\/handle\/index/);
    const handling = page.locator('.need-detail-page__handling');
    await expect(handling.locator('.need-detail-page__section')).toHaveText('本部门：待接单 · 整体：待接单');
    await expect(page.locator('.need-detail-page__description')).toContainText('隔膜供应商交期');
    await expect(handling.locator('.nut-button')).toHaveText(['退回', '接单']);
    await shots(page, 'need-handle');

    // 需求详情 (main package) carries the same steps: accept there, then 记录进展 / 办结 / 退回 are offered.
    await page.goto(page.url().replace('/packages/need/pages/handle/index', '/pages/need-detail/index'));
    await handling.locator('.assignment-actions__accept').click();
    await expect(handling.locator('.need-detail-page__section')).toHaveText('本部门：办理中 · 整体：办理中');
    await expect(handling.locator('.assignment-actions__progress')).toBeVisible();
    await expect(handling.locator('.assignment-actions__resolve')).toBeVisible();
    await expect(handling.locator('.assignment-actions__return')).toBeVisible();
    await handling.locator('.assignment-actions__progress').click();
    await page.locator('.reason-dialog__input textarea:visible').fill('已联系两家本地隔膜厂商，本周内安排对接');
    await page.locator('.nut-dialog-footer-ok:visible').click();
    await expect(page.locator('.need-timeline').first()).toContainText('已联系两家本地隔膜厂商');
    for (const button of await handling.locator('.nut-button').all()) expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(40);
    await shots(page, 'need-detail-handler');
    expect(pageErrors).toEqual([]);
  });

  test('instructor 周凯: labelled fields, errors that clear as he types, a real checkbox, and past visits', async () => {
    const page = await session.signInAs('周凯');
    await page.locator('.todo-card__item--enterprises_to_visit').click();
    await page.waitForURL(/needs-visits\/index/);
    const block = page.locator('.needs-visits-page__block', { hasText: '亿鑫化工' });
    await block.locator('.needs-visits-page__history').click();
    await block.locator('.visit-history__item').first().waitFor();
    await expect(block.locator('.visit-history__when').first()).toHaveText(/^\d{2}月\d{2}日 · /);
    await shots(page, 'visits-history');

    await block.locator('.needs-visits-page__enterprise').click();
    const form = page.locator('.visit-form');
    await expect(form.locator('.visit-form__date')).toContainText(/\d{2}月\d{2}日/);
    await form.locator('.visit-form__submit').click();
    await expect(form.locator('.visit-form__error')).toHaveCount(2);
    await form.locator('.visit-form__people input').fill('陈静（党支部书记）');
    await expect(form.locator('.visit-form__error--people')).toHaveCount(0);
    await expect(form.locator('.visit-form__error--discussed')).toHaveCount(1);
    await form.locator('.visit-form__add').click();
    await expect(form.locator('.visit-form__raise input[type="checkbox"], .visit-form__raise .nut-checkbox-icon-checked')).not.toHaveCount(0);
    await shots(page, 'visit-form');
    await form.locator('.visit-form__cancel').click();
    await form.waitFor({ state: 'detached' });
  });

  test('admin 许红 answers one appeal and turns another into a need', async () => {
    const talks = await api<ListPage<TalkSummary>>('GET', '/api/talks?limit=5', (await tokenOf('demo-admin-xuhong')).accessToken);
    const talk = talks.body.items[0];
    const appealOf = async (openid: string, phone: string, text: string) => {
      const who = await tokenOf(openid);
      const res = await api<TalkRegistrationResponse>('POST', `/api/talks/${talk.id}/registrations`, who.accessToken, {
        enterpriseId: who.user.enterpriseId,
        position: '总经理',
        phone,
        category: 'WORKING_CAPITAL',
        appeal: text,
      });
      expect(res.status).toBe(200);
    };
    const answerText = `流动资金贷款贴息政策何时兑现（${stamp}）`;
    const needText = `研发楼消防验收排期太久（${stamp}）`;
    await appealOf('demo-member-lina', '13800000002', answerText);
    await appealOf('demo-member-wangfang', '13800000003', needText);

    const page = await session.signInAs('许红');
    await page.goto(`${BASE_URL}/#/pages/mine/index`);
    await page.locator('.mine-menu__item--talk-appeals').click();
    await page.waitForURL(/talk\/pages\/appeals\/index/);
    const first = page.locator('.talk-appeals-page__item', { hasText: answerText });
    await first.waitFor();
    await shots(page, 'talk-appeals');
    await first.locator('.talk-appeals-page__answer').click();
    await page.locator('.reason-dialog__input textarea:visible').fill('贴息资金已列入下月拨付计划，金融办将逐户通知。');
    await page.locator('.nut-dialog-footer-ok:visible').click();
    await expect(first.locator('.appeal-card__answer-text')).toHaveText('贴息资金已列入下月拨付计划，金融办将逐户通知。');

    const second = page.locator('.talk-appeals-page__item', { hasText: needText });
    await second.locator('.talk-appeals-page__to-need').click();
    await confirmModal(page);
    await page.waitForURL(/need-detail\/index\?id=/);
    await expect(page.locator('.need-detail-page__description')).toHaveText(needText);
    expect(pageErrors).toEqual([]);
  });
});

test.describe.serial('brand editor and its review (H5)', () => {
  const slogan = `链上党旗红，岗上先锋亮 · 第${Date.now() % 100000}版`;
  const paragraph = '支部联合上下游企业党组织开展“链上党课”，每月一次走进车间，'.repeat(6);

  test('secretary 刘洋: story paragraphs grow with their text, 保存草稿 / 提交审核 stay at hand, 先锋岗 editing is explained', async () => {
    const page = await session.signInAs('刘洋');
    await openTab(page, '我的');
    await page.locator('.mine-menu__item--brand').click();
    await page.waitForURL(/workspace\/pages\/brand\/index/);
    await page.locator('.brand-editor__field--slogan input').fill(slogan);

    // A long paragraph: the box grows to show all of it instead of clipping at two lines.
    await page.locator('.story-editor__add-paragraph').click();
    const box = page.locator('.story-editor__paragraph textarea').last();
    const emptyHeight = (await box.boundingBox())!.height;
    await box.fill(paragraph);
    await expect.poll(async () => (await box.boundingBox())!.height).toBeGreaterThan(emptyHeight * 1.5);
    const { scrollHeight, clientHeight } = await box.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
    expect(scrollHeight).toBeLessThanOrEqual(clientHeight + 2);
    // …and its block grows with it, so the text never runs over the buttons below.
    const block = (await page.locator('.story-editor__block--paragraph').last().boundingBox())!;
    const text = (await box.boundingBox())!;
    expect(block.y + block.height).toBeGreaterThanOrEqual(text.y + text.height);

    // Mid-editor, the action bar sits on the bottom of the screen at every width.
    await page.locator('.brand-editor__field--honours').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    for (const width of PHONE_WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const bar = (await page.locator('.brand-editor__actions').boundingBox())!;
      expect(bar.y + bar.height).toBeLessThanOrEqual(800 + 0.5);
      expect(bar.y + bar.height).toBeGreaterThan(780);
      await expect(page.locator('.brand-editor__save')).toBeInViewport();
      await expect(page.locator('.brand-editor__submit')).toBeInViewport();
    }
    await shots(page, 'brand-editor');

    // 先锋岗 is edited below, and the page says which of its changes need review.
    const rules = page.locator('.workspace-brand-page__post-rules');
    await expect(rules).toContainText('需在上方“保存并提交审核”');
    await expect(rules).toContainText('删除岗位立即从品牌页撤下，无需审核');
    await rules.scrollIntoViewIfNeeded();
    await shots(page, 'brand-editor-posts');

    await page.locator('.brand-editor__submit').click();
    await page.locator('.brand-status-banner--review').waitFor();
  });

  test('admin 许红 sees what changed since the published version, then approves', async () => {
    const page = await session.signInAs('许红');
    await page.goto(`${BASE_URL}/#/packages/workspace/pages/brand-review/index`);
    const card = page.locator('.review-card', { hasText: slogan });
    const changes = card.locator('.brand-changes');
    await expect(changes.locator('.brand-changes__title')).toHaveText('与已发布版本相比');
    await expect(changes.locator('.brand-changes__item--slogan .brand-changes__after')).toHaveText(`新：${slogan}`);
    await expect(changes.locator('.brand-changes__item--slogan .brand-changes__before')).not.toHaveText(`原：${slogan}`);
    // Only the paragraph put in, not the whole story twice.
    const story = changes.locator('.brand-changes__item--story');
    await expect(story.locator('.brand-changes__after')).toHaveText(`新增：${paragraph}`);
    await expect(story.locator('.brand-changes__before')).toHaveCount(0);
    await expect(story.locator('.brand-changes__note')).toHaveText(/^其余 \d+ 段未改动$/);
    await expect(changes.locator('.brand-changes__item--name')).toHaveCount(0);
    await changes.scrollIntoViewIfNeeded();
    await shots(page, 'brand-review-diff');

    await card.locator('.review-card__approve').click();
    await confirmModal(page);
    await card.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });
});
