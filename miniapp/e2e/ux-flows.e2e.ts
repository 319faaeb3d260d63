import { expect, test, type Page } from '@playwright/test';
import { BrowserSession, BASE_URL, confirmModal, openTab, screenshot, screenshotsAtWidths } from './support/browser';

/**
 * Issue 13's flows as the people who use them: the daily quiz's result shows my choice beside the right answer,
 * a sign-up without form fields takes one confirm on the detail page, and a 本组织 activity stays out of a 群众
 * entrepreneur's list. Each changed page is kept at 360, 390 and 430 px wide (uxf-<page>-<width>.png).
 */
const session = new BrowserSession();
const { pageErrors } = session;

test.beforeAll(() => session.start());
test.afterAll(() => session.close());

/** The page at each phone width, one screen high (uxf-<name>-<width>.png). */
const atWidths = (page: Page, name: string) => screenshotsAtWidths(page, `uxf-${name}`, 844);

test.describe.serial('ux flows (H5)', () => {
  test.describe.configure({ timeout: 120_000 });
  const title = `本支部学习会 第${Date.now() % 100000}期`;

  test('a member takes the daily quiz and sees their choice beside the right one', async () => {
    const member = await session.signInAs('王芳');
    await openTab(member, '学习');
    await member.locator('.study-overview__entry--quiz').click();
    await member.waitForURL(/#\/packages\/study\/pages\/daily-quiz\/index/);
    const questions = member.locator('.daily-quiz-page .quiz-question');
    await questions.first().waitFor();
    await expect(questions.count()).resolves.toBe(5);
    await atWidths(member, 'daily-quiz');

    // Tap the first option everywhere: with shuffled options that no longer passes by itself.
    for (let index = 0; index < 5; index += 1) await questions.nth(index).locator('.quiz-question__option').first().click();
    await member.locator('.daily-quiz-page .answer-sheet__submit').click();
    await member.locator('.daily-quiz-page .quiz-score').waitFor();

    const choices = member.locator('.daily-quiz-page .quiz-question__choice');
    await expect(choices.count()).resolves.toBe(5);
    for (const text of await choices.allTextContents()) expect(text).toBe('你的选择：A');
    const answers = await member.locator('.daily-quiz-page .quiz-question__answer').allTextContents();
    expect(answers.every((text) => /^正确答案：[A-F]/.test(text))).toBe(true);
    // Wrong picks are red, right ones green, and their count is the score's.
    const wrong = await member.locator('.daily-quiz-page .quiz-question__choice--wrong').count();
    const right = answers.filter((text) => text === '正确答案：A').length;
    expect(wrong).toBe(5 - right);
    // The picked option itself is marked wrong only where A is not among the right letters (another suite may have
    // imported multiple-choice questions into the shared bank: picking only A of ABC is wrong, but A is not).
    const aNotRight = answers.filter((text) => !text.replace('正确答案：', '').includes('A')).length;
    await expect(member.locator('.daily-quiz-page .quiz-question__option--wrong .quiz-question__mine').count()).resolves.toBe(aNotRight);
    await expect(member.locator('.daily-quiz-page .quiz-score__value').nth(0).textContent()).resolves.toBe(`${right}/5`);
    await atWidths(member, 'daily-quiz-result');

    await member.locator('.daily-quiz-page .quiz-score__back').click();
    await member.waitForURL(/#\/pages\/study\/index/);
  });

  test('a member signs up from the detail page with one confirm', async () => {
    const member = await session.signInAs('王芳');
    await openTab(member, '活动');
    const card = member.locator('.activities-page .activity-card', { hasText: '主题党日：重温入党誓词' }).first();
    await card.waitFor();
    await atWidths(member, 'activities');
    await card.click();
    await member.waitForURL(/#\/pages\/activity-detail\/index\?id=\d+/);
    const signup = member.locator('.detail-action-bar__signup');
    await signup.waitFor();
    await atWidths(member, 'activity-detail');

    await signup.click();
    await member.locator('.taro-modal__content', { hasText: '主题党日：重温入党誓词' }).waitFor();
    await screenshot(member, 'uxf-activity-detail-confirm-390');
    await confirmModal(member);
    await member.locator('.my-status-banner__title', { hasText: '报名成功' }).waitFor();
    // No extra page: still on the detail page.
    expect(member.url()).toMatch(/#\/pages\/activity-detail\/index\?id=\d+/);
    await expect(member.locator('.detail-action-bar__cancel').count()).resolves.toBe(1);
    await atWidths(member, 'activity-detail-signed-up');
  });

  test('a secretary creates a 本组织 activity that a 群众 entrepreneur does not see', async () => {
    const secretary = await session.signInAs('刘洋');
    await openTab(secretary, '我的');
    await secretary.locator('.mine-menu__item--workspace').click();
    await secretary.waitForURL(/#\/packages\/workspace\/pages\/activities\/index/);
    await secretary.locator('.workspace-page__create').click();
    await secretary.waitForURL(/activity-form/);
    await secretary.locator('.activity-editor__title input').fill(title);
    await secretary.locator('.activity-editor__description textarea').fill('支部全体党员集中学习，交流学习体会。');
    await secretary.locator('.activity-editor__location input').fill('明阳风电 党员活动室');
    // 本组织 is the default for a new activity; the secretary can see what it means.
    await expect(secretary.locator('.activity-editor__visibility-option--active').textContent()).resolves.toBe('本组织');
    await secretary.locator('.activity-editor__hint', { hasText: '仅本组织' }).waitFor();
    await secretary.locator('.activity-editor__visibility').scrollIntoViewIfNeeded();
    await atWidths(secretary, 'activity-form');
    await secretary.locator('.activity-editor__publish').click();
    await secretary.waitForURL(/#\/packages\/workspace\/pages\/activities\/index/);
    await secretary.locator('.workspace-page .activity-card', { hasText: title }).waitFor();

    // A member of the branch sees it; the entrepreneur of another enterprise, in no Party organisation, does not.
    const member = await session.signInAs('张伟');
    await openTab(member, '活动');
    await member.locator('.activities-page .activity-card', { hasText: title }).first().waitFor();

    const entrepreneur = await session.signInAs('王军');
    await openTab(entrepreneur, '活动');
    await entrepreneur.locator('.activities-page .activity-card').first().waitFor();
    await entrepreneur.locator('.activity-filters__segment', { hasText: '全部' }).click();
    await entrepreneur.locator('.activities-page .activity-card').first().waitFor();
    await entrepreneur.waitForTimeout(800);
    await expect(entrepreneur.locator('.activities-page .activity-card', { hasText: title }).count()).resolves.toBe(0);
    await expect(entrepreneur.locator('.activities-page .activity-card', { hasText: '主题党日：重温入党誓词' }).count()).resolves.toBe(0);
    await atWidths(entrepreneur, 'activities-entrepreneur');
    await openTab(entrepreneur, '首页');
    await entrepreneur.locator('.talk-card__body').waitFor();
    await atWidths(entrepreneur, 'home-entrepreneur');
  });

  test('the secretary calls an attendee from the list', async () => {
    const secretary = await session.signInAs('刘洋');
    await openTab(secretary, '我的');
    await secretary.locator('.mine-menu__item--workspace').click();
    await secretary.waitForURL(/#\/packages\/workspace\/pages\/activities\/index/);
    const card = secretary.locator('.workspace-page .activity-card', { hasText: '主题党日：重温入党誓词' });
    await card.waitFor();
    await card.locator('.workspace-page__registrations').click();
    await secretary.waitForURL(/registrations\/index\?id=\d+/);
    const attendee = secretary.locator('.attendee-card', { hasText: '王芳' });
    await attendee.waitFor();
    await expect(attendee.locator('.attendee-card__phone').textContent()).resolves.toContain('****');
    await atWidths(secretary, 'registrations');
    await attendee.locator('.attendee-card__call').click();
    await expect(attendee.locator('.attendee-card__phone')).toHaveText('13800000003');
    await atWidths(secretary, 'registrations-called');
  });

  test('the dashboard defines its figures; a one-chain committee gets no comparison; 支部学习情况 of an org with no members', async () => {
    const admin = await session.signInAs('许红');
    await admin.goto(`${BASE_URL}/#/packages/workspace/pages/needs-dashboard/index`);
    await admin.locator('.needs-dashboard-page__card--activitiesPublished').waitFor();
    await expect(admin.locator('.needs-dashboard-page__card-hint').count()).resolves.toBeGreaterThan(10);
    await admin.locator('.needs-dashboard-page__chart').waitFor();
    await atWidths(admin, 'dashboard-admin');

    const committee = await session.signInAs('孙丽');
    await committee.goto(`${BASE_URL}/#/packages/workspace/pages/needs-dashboard/index`);
    await committee.locator('.needs-dashboard-page__card--activitiesPublished').waitFor();
    await expect(committee.locator('.needs-dashboard-page__chart').count()).resolves.toBe(0);
    await atWidths(committee, 'dashboard-committee');

    await committee.goto(`${BASE_URL}/#/packages/workspace/pages/study-participation/index`);
    await committee.locator('.study-participation-page .participation-list').waitFor();
    // 新能源产业党委 itself has no members: one state, not three.
    await committee.locator('.study-participation-page', { hasText: '本组织下暂无成员' }).waitFor();
    await expect(committee.locator('.study-participation-page .participation-list__group').count()).resolves.toBe(0);
    await atWidths(committee, 'study-participation');
    expect(pageErrors).toEqual([]);
  });
});
