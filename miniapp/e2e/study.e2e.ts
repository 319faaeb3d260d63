import { expect, test, type Page } from '@playwright/test';
import { BrowserSession, BASE_URL, screenshot, openTab } from './support/browser';

const session = new BrowserSession();
const { pageErrors } = session;
const signInAs = (name: string) => session.signInAs(name);

test.beforeAll(() => session.start());
test.afterAll(() => session.close());

test.describe.serial('theory study (H5)', () => {
  // Two steps wait for the server-timed heartbeat (15 s) and a quiz; give them room on a loaded machine.
  test.describe.configure({ timeout: 120_000 });
  let member: Page;

  test(
    'a member opens a lesson and the server-credited time appears',
    async () => {
      member = await signInAs('张伟');
      await member.locator('.study-today-strip').waitFor();
      await screenshot(member, 'home-study-strip');

      await openTab(member, '学习');
      await member.waitForURL(/#\/pages\/study\/index/);
      const column = member.locator('.study-page .column-card').first();
      await column.waitFor();
      await screenshot(member, 'study');

      await column.click();
      await member.waitForURL(/#\/packages\/study\/pages\/column\/index\?id=\d+/);
      const lesson = member.locator('.study-column-page .lesson-item').first();
      await lesson.waitFor();
      await screenshot(member, 'study-column');

      await lesson.click();
      await member.waitForURL(/#\/packages\/study\/pages\/lesson\/index\?id=\d+/);
      const credited = member.locator('.lesson-page .study-clock__figure');
      await credited.waitFor();
      await expect(credited.textContent()).resolves.toBe('0秒');
      await member.locator('.lesson-page .status-tag', { hasText: '示例内容' }).waitFor();
      await member.locator('.lesson-page .lesson-blocks__paragraph').first().waitFor();
      await screenshot(member, 'lesson-start');

      // The first heartbeat is 15 s in; the figure is whatever the server credited.
      await member.waitForFunction(
        () => {
          const figure = Array.from(document.querySelectorAll('.lesson-page .study-clock__figure')).pop();
          return figure !== undefined && /^[1-9]\d*秒$/.test(figure.textContent ?? '');
        },
        undefined,
        { timeout: 30_000 },
      );
      const seconds = Number((await credited.textContent())?.replace('秒', ''));
      expect(seconds).toBeGreaterThanOrEqual(10);
      expect(seconds).toBeLessThanOrEqual(30);
      await screenshot(member, 'lesson-credited');
    },
  );

  test(
    'the member takes the daily quiz and sees answers with explanations',
    async () => {
      // Leaving the reader ends the session; back to the 学习 tab, one page at a time.
      await member.goBack();
      await member.waitForURL(/#\/packages\/study\/pages\/column\/index/);
      await member.locator('.study-column-page .lesson-item').first().waitFor();
      await member.goBack();
      await member.waitForURL(/#\/pages\/study\/index/);
      await member.locator('.study-page .column-card').first().waitFor();
      await member.locator('.study-overview__entry--quiz').click();
      await member.waitForURL(/#\/packages\/study\/pages\/daily-quiz\/index/);
      const questions = member.locator('.daily-quiz-page .quiz-question');
      await questions.first().waitFor();
      const openedAt = Date.now();
      await expect(questions.count()).resolves.toBe(5);
      await expect(member.locator('.daily-quiz-page .quiz-question__explanation').count()).resolves.toBe(0);

      const submit = member.locator('.daily-quiz-page .answer-sheet__submit');
      for (let index = 0; index < 5; index += 1) {
        await expect(submit.textContent()).resolves.toContain(`还有 ${5 - index} 题未答`);
        await questions.nth(index).locator('.quiz-question__option').first().click();
      }
      await expect(member.locator('.daily-quiz-page .answer-sheet__progress').textContent()).resolves.toBe('已答 5/5');
      await screenshot(member, 'daily-quiz');

      // Like a person reading each question: the server ignores answers faster than 3 s each.
      await member.waitForTimeout(Math.max(0, 16_000 - (Date.now() - openedAt)));
      await submit.click();

      await member.locator('.daily-quiz-page .quiz-score').waitFor();
      await expect(member.locator('.daily-quiz-page .quiz-question__explanation').count()).resolves.toBe(5);
      const points = await member.locator('.daily-quiz-page .quiz-score__points').textContent();
      expect(['+1', '+2']).toContain(points);
      await expect(member.locator('.daily-quiz-page .quiz-score__note').count()).resolves.toBe(0);
      await screenshot(member, 'daily-quiz-result');
    },
  );

  test('the member sees the quiz points on 我的积分', async () => {
    await member.goBack();
    await member.waitForURL(/#\/pages\/study\/index/);
    await openTab(member, '我的');
    await member.waitForURL(/#\/pages\/mine\/index/);
    await member.locator('.mine-menu__item--points').click();
    await member.waitForURL(/#\/packages\/study\/pages\/my-points\/index/);

    const today = member.locator('.my-points-page__today');
    await today.waitFor();
    expect(Number(await today.textContent())).toBeGreaterThan(0);
    const line = member.locator('.my-points-page .point-line--daily_quiz');
    await line.waitFor();
    await expect(line.locator('.point-line__label').textContent()).resolves.toBe('每日答题');
    await expect(line.locator('.point-line__rule').textContent()).resolves.toContain('全对得 2 分');
    await expect(member.locator('.my-points-page [data-rule="DAILY_QUIZ"] .rule-progress__figure').textContent()).resolves.toMatch(/^[12]\/2 分$/);
    await screenshot(member, 'my-points');
  });

  test('the member opts in to the leaderboard, which says it is not for assessment', async () => {
    await member.locator('.my-points-page__link').click();
    await member.waitForURL(/#\/packages\/study\/pages\/leaderboard\/index/);
    await member.locator('.leaderboard-page__notice-text', { hasText: '排行仅供个人学习激励参考，不作为考核评价依据' }).waitFor();
    await member.locator('.leaderboard-page__me-rank', { hasText: '未参与排行' }).waitFor();

    await member.locator('.leaderboard-page .nut-switch').click();
    await member.locator('.leaderboard-page .board-list__row--me').waitFor();
    await screenshot(member, 'leaderboard');

    await member.locator('.leaderboard-page__tab', { hasText: '支部' }).click();
    await member.locator('.leaderboard-page .board-list__group').first().waitFor();
    await expect(member.locator('.leaderboard-page .board-list__row').count()).resolves.toBe(0);
    await screenshot(member, 'leaderboard-branches');
  });

  test('the member sees the papers (专题测试) with their limits', async () => {
    await member.goto(`${BASE_URL}/#/packages/study/pages/papers/index`);
    await member.locator('.papers-page .paper-card').first().waitFor();
    await screenshot(member, 'papers');
  });

  test('a secretary sees who in the branch has studied this week, as a list', async () => {
    const secretary = await signInAs('刘洋');
    await openTab(secretary, '我的');
    await secretary.locator('.mine-menu__item--study-participation').click();
    await secretary.waitForURL(/#\/packages\/workspace\/pages\/study-participation\/index/);
    await secretary.locator('.participation-list__summary').waitFor();
    await secretary.locator('.participation-list__group--studied .participation-list__name', { hasText: '张伟' }).waitFor();
    await screenshot(secretary, 'study-participation');

    expect(pageErrors).toEqual([]);
  });
});
