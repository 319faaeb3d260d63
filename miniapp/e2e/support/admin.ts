import { expect, type Page } from '@playwright/test';
import { BASE_URL, type Screen } from './browser';

/** A window a 管理后台 story runs at, named for its screenshots. */
export type AdminScreen = Screen & { name: 'desktop' | 'phone' };

/** Every 管理后台 story runs twice: in a desktop window (the left menu) and on a phone. */
export const ADMIN_SCREENS: AdminScreen[] = [
  { name: 'desktop', width: 1280, height: 800, desktop: true },
  { name: 'phone', width: 390, height: 844 },
];

/** A stamp for the names a run creates: the browser suites share one demo DB, and each screen runs the story again. */
export const runStamp = (screen: AdminScreen): string => `${Date.now() % 100000}${screen.name === 'desktop' ? 'D' : 'P'}`;

/** The H5 address of one 管理后台 page (`index`, `orgs`, `lessons` …). */
export const adminRoute = (page: string): string => `${BASE_URL}/#/packages/admin/pages/${page}/index`;

/**
 * Opens each of these 管理后台 pages as someone who is not an admin: each says 无权限, no admin layout is drawn,
 * and no /api/admin/ request is made. `shot` (a screenshot) runs before that last check.
 */
export async function expectAdminDenied(page: Page, pages: string[], shot?: () => Promise<void>): Promise<void> {
  const adminCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/admin/')) adminCalls.push(request.url());
  });
  for (const name of pages) {
    await page.goto(adminRoute(name));
    await expect(page.locator('.admin-page--denied .page-state__title:visible').first()).toHaveText('无权限');
    // Two denied pages may show for a moment while the route changes.
    await expect(page.locator('.admin-page--denied .page-state__leave:visible').first()).toBeVisible();
  }
  await expect(page.locator('.admin-layout')).toHaveCount(0);
  await shot?.();
  expect(adminCalls).toEqual([]);
}

/** From the 管理后台 home, taps one screen's entry (`lessons`, `questions` …) and waits for its page. */
export async function openAdminScreen(page: Page, name: string): Promise<void> {
  await page.goto(adminRoute('index'));
  await page.locator(`.admin-home .mine-menu__item--admin-${name}`).click();
  await page.waitForURL(new RegExp(`packages/admin/pages/${name}/index`));
}
