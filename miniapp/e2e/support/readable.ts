import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** axe-core's color-contrast rule on what is on screen now: no text below 4.5:1 (3:1 for large text). */
export async function expectReadable(page: Page, label: string): Promise<void> {
  await test.step(`contrast: ${label}`, async () => {
    await page.waitForTimeout(500);
    const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    const failures = results.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(-1)[0] ?? ''}`),
    );
    expect(failures, `${label}: low-contrast text`).toEqual([]);
  });
}
