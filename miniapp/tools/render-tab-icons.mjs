// Renders the tab bar icons (WeChat tab bars take PNG only, 81×81 recommended) from the
// SVG below with headless Chromium. Run once after changing a shape:
//   node tools/render-tab-icons.mjs
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

// The icons ship in the weapp main package: a 32-colour palette PNG is a third of the size of the
// screenshot's RGBA and looks the same (sharp is the server's image library).
const sharp = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'server', 'package.json'))('sharp');
const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tabbar');
const colors = { normal: '#8c8c8c', active: '#c8102e' };

const shapes = {
  // A house with a flame-shaped window: 首页.
  home: (c) => `
    <path d="M12 44 L48 14 L84 44" fill="none" stroke="${c}" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>
    <path d="M22 38 V80 a4 4 0 0 0 4 4 H70 a4 4 0 0 0 4 -4 V38" fill="none" stroke="${c}" stroke-width="7" stroke-linejoin="round"/>
    <path d="M48 50 C56 58 58 64 54 71 C52 75 44 75 42 71 C38 64 42 58 48 50 Z" fill="${c}"/>`,
  // A calendar page with a flag on it: 活动.
  activity: (c) => `
    <rect x="14" y="20" width="68" height="62" rx="8" fill="none" stroke="${c}" stroke-width="7" stroke-linejoin="round"/>
    <path d="M14 38 H82" stroke="${c}" stroke-width="7"/>
    <path d="M32 12 V26 M64 12 V26" stroke="${c}" stroke-width="7" stroke-linecap="round"/>
    <path d="M40 72 V48 H60 L55 54 L60 60 H40" fill="${c}" stroke="${c}" stroke-width="3" stroke-linejoin="round"/>`,
  // An open book with a small flame above it: 学习.
  study: (c) => `
    <path d="M48 40 C38 32 24 30 12 32 V78 C24 76 38 78 48 86 C58 78 72 76 84 78 V32 C72 30 58 32 48 40 Z" fill="none" stroke="${c}" stroke-width="7" stroke-linejoin="round"/>
    <path d="M48 40 V84" stroke="${c}" stroke-width="6"/>
    <path d="M48 8 C54 14 56 19 53 25 C51 29 45 29 43 25 C40 19 43 14 48 8 Z" fill="${c}"/>`,
  // A medal with a star on two ribbons: 品牌 (branch brands and honours).
  brand: (c) => `
    <path d="M34 56 L24 86 L38 80 L46 90 L52 64 M62 56 L72 86 L58 80 L50 90 L44 64" fill="none" stroke="${c}" stroke-width="6" stroke-linejoin="round"/>
    <circle cx="48" cy="38" r="26" fill="none" stroke="${c}" stroke-width="7"/>
    <path d="M48 24 L52 33 L62 34 L55 41 L57 51 L48 46 L39 51 L41 41 L34 34 L44 33 Z" fill="${c}"/>`,
  // A person: 我的.
  mine: (c) => `
    <circle cx="48" cy="32" r="16" fill="none" stroke="${c}" stroke-width="7"/>
    <path d="M16 84 C18 64 32 56 48 56 C64 56 78 64 80 84" fill="none" stroke="${c}" stroke-width="7" stroke-linecap="round"/>`,
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 81, height: 81 }, deviceScaleFactor: 1 });
  for (const [name, draw] of Object.entries(shapes)) {
    for (const [state, color] of Object.entries(colors)) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 96 96">${draw(color)}</svg>`;
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
      const shot = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: 81, height: 81 } });
      const png = await sharp(shot).png({ palette: true, colors: 32, compressionLevel: 9, effort: 10 }).toBuffer();
      const file = path.join(outDir, state === 'active' ? `${name}-active.png` : `${name}.png`);
      await writeFile(file, png);
      console.log(`wrote ${path.relative(process.cwd(), file)} (${png.length} bytes)`);
    }
  }
} finally {
  await browser.close();
}
