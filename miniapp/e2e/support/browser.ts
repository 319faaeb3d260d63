import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { LoginResponse } from '@torch-red/shared';

/** The running server that serves the H5 build at `/` and the API at `/api`. */
export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100').replace(/\/$/, '');
export const SCREENSHOTS = path.join(__dirname, '..', 'screenshots');

/** Debian's Chromium with the flags this machine needs (toolchain.md); never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A browser window's size; a phone (touch, 2× pixels) unless `desktop`. */
export interface Screen {
  width: number;
  height: number;
  desktop?: boolean;
}

const PHONE: Screen = { width: 375, height: 812 };

/** Phone-sized browser contexts (or any Screen), one per demo person, each with its own storage; page errors are collected. */
export class BrowserSession {
  readonly pageErrors: string[] = [];
  private browser?: Browser;
  private readonly contexts: BrowserContext[] = [];

  async start(): Promise<void> {
    this.browser = await launchChromium();
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close();
    await this.browser?.close();
  }

  /** A fresh phone (its own storage) on the sign-in page, not yet signed in. */
  async newPage(label: string, screen: Screen = PHONE): Promise<Page> {
    if (!this.browser) throw new Error('BrowserSession.start() was not called');
    const context = await this.browser.newContext({
      viewport: { width: screen.width, height: screen.height },
      deviceScaleFactor: screen.desktop ? 1 : 2,
      isMobile: !screen.desktop,
      hasTouch: !screen.desktop,
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => this.pageErrors.push(`${label}: ${error.message}`));
    return page;
  }

  /** A fresh phone signed in as one demo person through the H5 sign-in page. */
  async signInAs(name: string, screen?: Screen): Promise<Page> {
    return test.step(`sign in as ${name}`, async () => {
      const page = await this.newPage(name, screen);
      await page.goto(`${BASE_URL}/#/pages/login/index`);
      await page.locator('.demo-person', { hasText: name }).click();
      await homeSettled(page);
      return page;
    });
  }
}

/**
 * Sign-in relaunches the app onto 首页; the URL changes before the relaunch has finished building the page.
 * Wait for the home page itself, so a test's next navigation does not race the relaunch.
 */
export async function homeSettled(page: Page): Promise<void> {
  await page.waitForURL(/#\/pages\/index\/index/);
  await page.locator('.home-page').first().waitFor({ state: 'visible' });
  await page.locator('.weui-tabbar__item').first().waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await test.step(`screenshot ${name}.png`, async () => {
    // Let fonts, images, transitions and toasts settle before the picture.
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  });
}

/** The phone widths every UX screenshot is kept at. */
export const PHONE_WIDTHS = [360, 390, 430] as const;

/** `<name>-<width>.png` at each phone width (one screen high), then back to the page's own size. */
export async function screenshotsAtWidths(page: Page, name: string, height = 800): Promise<void> {
  const original = page.viewportSize() ?? { width: 375, height: 812 };
  for (const width of PHONE_WIDTHS) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize(original);
}

/** One API call from the test itself (setting up data the way the app would, or reading what it should show). */
export async function api<T>(method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}
/** An API call that must succeed (a test setting up data the way the app would): its body. A bodiless write sends `{}`. */
export async function apiOk<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const res = await api<T>(method, path, token, body === undefined && method !== 'GET' ? {} : body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}
/** Signs a person in through the API (a demo person, or a new one with `name`): their token and profile. */
export const tokenOf = async (openid: string, name?: string) => (await api<LoginResponse>('POST', '/api/auth/dev-login', null, name ? { openid, name } : { openid })).body;

const TAB_PAGES: Record<string, string> = { 首页: 'index', 活动: 'activities', 学习: 'study', 品牌: 'brands', 我的: 'mine' };

/**
 * Taps a tab and waits for its page. Right after sign-in the app relaunches onto 首页, and on a loaded machine a
 * tap that lands during that relaunch is dropped by the tab bar; so the tap is repeated until the tab's page is
 * showing (Playwright's polling `toPass`, bounded), instead of retrying the whole test.
 */
export async function openTab(page: Page, text: string): Promise<void> {
  const target = new RegExp(`#/pages/${TAB_PAGES[text]}/index`);
  await test.step(`open the ${text} tab`, async () => {
    await expect(async () => {
      await page.locator('.weui-tabbar__item', { hasText: text }).click({ timeout: 5_000 });
      await page.waitForURL(target, { timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
  });
}

/** Confirms a Taro.showModal dialog (H5 renders its own). */
export async function confirmModal(page: Page): Promise<void> {
  const foot = page.locator('.taro-modal__foot');
  await foot.waitFor();
  await foot.locator('> *').last().click();
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG (torch-red field with a gold band), built byte by byte, for upload tests. */
export function makePng(width = 96, height = 64): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const gold = y > height * 0.6 && y < height * 0.75;
      row.set(gold ? [232, 163, 61] : [200, 16, 46], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
