import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100').replace(/\/$/, '');
const SCREENSHOTS = path.join(__dirname, 'screenshots');

let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function screenshot(page: Page, name: string): Promise<void> {
  // Let fonts, images, transitions and toasts settle before the picture.
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A fresh phone-sized browser (its own storage) signed in as one demo person. */
async function signInAs(name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
  await page.goto(`${BASE_URL}/#/pages/login/index`);
  await page.locator('.demo-person', { hasText: name }).click();
  await page.waitForURL(/#\/pages\/index\/index/);
  return page;
}

async function openTab(page: Page, text: string): Promise<void> {
  await page.locator('.weui-tabbar__item', { hasText: text }).click();
}

/** Confirms a Taro.showModal dialog (H5 renders its own). */
async function confirmModal(page: Page): Promise<void> {
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

/** A real 96×64 PNG: a torch-red field with a gold band, built byte by byte. */
function makePng(width = 96, height = 64): Buffer {
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

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  for (const context of contexts) {
    await context.close();
  }
  await browser?.close();
});

describe('企业家月月谈 registration (H5)', () => {
  const appeal = `园区丙烯原料供应不稳定，希望协调长期供货渠道（${Date.now() % 100000}）`;

  it('entrepreneur 王军 registers from the 首页 card with an appeal and sees it under 我的诉求', async () => {
    const page = await signInAs('王军');
    const card = page.locator('.talk-card__body');
    await card.waitFor();
    await expect(page.locator('.talk-card__theme').textContent()).resolves.toBe('稳链强链与要素保障');
    await screenshot(page, 'home-talk-card');

    await card.click();
    await page.waitForURL(/#\/pages\/talk-detail\/index\?id=\d+/);
    await page.locator('.talk-overview__theme', { hasText: '稳链强链与要素保障' }).waitFor();
    await expect(page.locator('.talk-overview__department-list .status-tag').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'talk-detail');

    await page.locator('.talk-detail-page__register').click();
    await page.waitForURL(/#\/pages\/talk-register\/index\?id=\d+/);
    // 王军's profile names his enterprise: it is picked already.
    await expect(page.locator('.enterprise-picker__picked-name').textContent()).resolves.toBe('亿鑫化工');

    // Nothing filled in yet: the form says what is missing before sending anything.
    await page.locator('.talk-form__submit').click();
    await page.locator('[data-field="appeal"] .talk-form__error', { hasText: '请填写诉求内容' }).waitFor();

    await page.locator('[data-field="position"] input').fill('总经理');
    await page.locator('[data-field="phone"] input').fill('13800000006');
    await page.locator('.talk-form__category', { hasText: '原料供应' }).click();
    await page.locator('[data-field="appeal"] textarea').fill(appeal);
    await expect(page.locator('[data-field="appeal"] .talk-form__error').count()).resolves.toBe(0);
    await screenshot(page, 'talk-register-form');

    await page.locator('.talk-form__submit').click();
    await page.locator('.talk-register-page__done-title', { hasText: '报名已提交，等待审核' }).waitFor();
    await expect(page.locator('.talk-register-page__done .appeal-card__content').textContent()).resolves.toBe(appeal);
    await screenshot(page, 'talk-register-done');

    await page.goto(`${BASE_URL}/#/pages/mine/index`);
    await page.locator('.mine-menu__item--appeals').click();
    await page.waitForURL(/#\/pages\/my-appeals\/index/);
    const mine = page.locator('.my-appeals-page .appeal-card', { hasText: appeal });
    await mine.waitFor();
    await expect(mine.locator('.status-tag').allTextContents()).resolves.toEqual(['原料供应', '已受理']);
    await screenshot(page, 'my-appeals');

    expect(pageErrors).toEqual([]);
  });
});

describe('brand submission and review (H5)', () => {
  const slogan = `党旗插在链上，先锋站在岗上 · 第${Date.now() % 100000}版`;
  let secretary: Page;

  it('secretary 刘洋 edits the published brand, uploads a picture and submits it', async () => {
    secretary = await signInAs('刘洋');
    await openTab(secretary, '我的');
    await secretary.locator('.mine-menu__item--brand').click();
    await secretary.waitForURL(/#\/packages\/workspace\/pages\/brand\/index/);
    const sloganInput = secretary.locator('.brand-editor__field--slogan input');
    await sloganInput.waitFor();
    await expect(secretary.locator('.brand-status-banner__status').textContent()).resolves.toBe('已发布');

    await sloganInput.fill(slogan);
    const before = await secretary.locator('.brand-editor__thumb-image').count();
    const [chooser] = await Promise.all([secretary.waitForEvent('filechooser'), secretary.locator('.brand-editor__thumb--add').click()]);
    await chooser.setFiles({ name: 'branch-day.png', mimeType: 'image/png', buffer: makePng() });
    await expect(secretary.locator('.brand-editor__thumb-image').nth(before).waitFor()).resolves.toBeUndefined();

    // A picture in the story too, between the paragraphs.
    const [storyChooser] = await Promise.all([secretary.waitForEvent('filechooser'), secretary.locator('.story-editor__add-image').click()]);
    await storyChooser.setFiles({ name: 'story.png', mimeType: 'image/png', buffer: makePng(120, 80) });
    await secretary.locator('.story-editor__image').waitFor();
    await screenshot(secretary, 'workspace-brand-editor');

    await secretary.locator('.brand-editor__submit').click();
    await secretary.locator('.brand-status-banner--review').waitFor();
    await expect(secretary.locator('.brand-editor__submit').count()).resolves.toBe(0);
    await screenshot(secretary, 'workspace-brand-submitted');
  });

  it('a file that is not an image is refused with the server’s message', async () => {
    // The brand is under review now, so try on a fresh upload through the page's own client.
    const status = await secretary.evaluate(async () => {
      const form = new FormData();
      form.append('file', new Blob(['not an image at all'], { type: 'image/png' }), 'fake.png');
      const token = JSON.parse(localStorage.getItem('torch-red.access-token') ?? '""') as string | { data: string };
      const bearer = typeof token === 'string' ? token : token.data;
      const response = await fetch('/api/uploads/images', { method: 'POST', body: form, headers: { Authorization: `Bearer ${bearer}` } });
      return response.status;
    });
    expect(status).toBe(422);
  });

  it('admin 许红 approves it in 品牌审核', async () => {
    const admin = await signInAs('许红');
    await openTab(admin, '我的');
    await admin.locator('.mine-menu__item--brand-review').click();
    await admin.waitForURL(/#\/packages\/workspace\/pages\/brand-review\/index/);
    const card = admin.locator('.review-card', { hasText: slogan });
    await card.waitFor();
    await expect(card.locator('.review-card__org').textContent()).resolves.toBe('明阳风电第一党支部');
    await expect(card.locator('.brand-gallery__item').count()).resolves.toBeGreaterThan(0);
    await screenshot(admin, 'brand-review');

    await card.locator('.review-card__approve').click();
    await confirmModal(admin);
    await admin.locator('.review-card', { hasText: slogan }).waitFor({ state: 'detached' });
    await screenshot(admin, 'brand-review-done');
  });

  it('member 张伟 opens 品牌 and sees the new version published, and likes it once', async () => {
    const member = await signInAs('张伟');
    await openTab(member, '品牌');
    await member.waitForURL(/#\/pages\/brands\/index/);
    const card = member.locator('.brand-card', { hasText: '链上红帆' });
    await card.waitFor();
    await expect(card.locator('.brand-card__slogan').textContent()).resolves.toBe(slogan);
    await expect(member.locator('.brand-card__demo').first().textContent()).resolves.toMatch(/示范点$/);
    await screenshot(member, 'brands');

    await card.click();
    await member.waitForURL(/#\/pages\/brand-detail\/index\?id=\d+/);
    await member.locator('.brand-profile__slogan-text', { hasText: slogan }).waitFor();
    await expect(member.locator('.brand-gallery__item').count()).resolves.toBeGreaterThan(0);
    await expect(member.locator('.story-blocks__image').count()).resolves.toBeGreaterThan(0);
    await expect(member.locator('.post-card__name').first().textContent()).resolves.toBe('叶片装配党员先锋岗');
    await expect(member.locator('.like-bar__note').textContent()).resolves.toContain('不作为组织评比排名依据');

    const likes = Number(await member.locator('.like-bar__count').textContent());
    await member.locator('.like-bar__button').click();
    await member.locator('.like-bar__button--liked').waitFor();
    await expect(member.locator('.like-bar__count').textContent()).resolves.toBe(String(likes + 1));
    await screenshot(member, 'brand-detail');

    await member.reload();
    await member.locator('.like-bar__button--liked').waitFor();
    await expect(member.locator('.like-bar__count').textContent()).resolves.toBe(String(likes + 1));

    expect(pageErrors).toEqual([]);
  });
});
