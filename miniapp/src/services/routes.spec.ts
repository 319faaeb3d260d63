import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MOVED_PAGES, ROUTES } from './routes';

interface AppConfig {
  pages: string[];
  subPackages: Array<{ root: string; pages: string[] }>;
  preloadRule: Record<string, { packages: string[] }>;
  tabBar: { list: Array<{ pagePath: string }> };
}

(globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- app.config.ts calls a global that must exist first
const config = (require('../app.config') as { default: AppConfig }).default;
const declared = [...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];

describe('routes and app.config', () => {
  it('every route is a page the app declares, with its source file', () => {
    for (const route of Object.values(ROUTES)) {
      expect(declared).toContain(route.replace(/^\//, ''));
    }
    for (const page of declared) expect(existsSync(join(__dirname, '..', `${page}.tsx`))).toBe(true);
  });

  it('keeps the tab pages and the sign-in page in the main package', () => {
    for (const tab of config.tabBar.list) expect(config.pages).toContain(tab.pagePath);
    expect(config.pages).toContain(ROUTES.login.slice(1));
  });

  it('keeps the pages that notifications link to where the server points (the paths are stored)', () => {
    // server: activity, need, brand and talk services write these links; WeChat subscribe messages keep them.
    for (const linked of [ROUTES.activityDetail, ROUTES.needDetail, ROUTES.brandDetail]) {
      expect(config.pages).toContain(linked.slice(1));
    }
    // 我的诉求 moved to the talk subpackage: old messages' path is mapped to the new page, which exists.
    expect(MOVED_PAGES['/pages/my-appeals/index']).toBe(ROUTES.myAppeals);
    for (const [old, now] of Object.entries(MOVED_PAGES)) {
      expect(declared).not.toContain(old.slice(1));
      expect(declared).toContain(now.slice(1));
    }
  });

  it('every page link the server writes (notifications, subscribe messages) opens a declared page', () => {
    const serverSrc = join(__dirname, '..', '..', '..', 'server', 'src');
    const files = (readdirSync(serverSrc, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
    const links = files.flatMap((f) => [...readFileSync(join(serverSrc, f), 'utf8').matchAll(/['`]\/((?:pages|packages)\/[\w/-]+)/g)].map((m) => ({ file: f, page: m[1] })));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !declared.includes(l.page))).toEqual([]);
  });

  it('preloads only subpackages that exist, from pages that exist', () => {
    const roots = config.subPackages.map((p) => p.root);
    for (const [page, rule] of Object.entries(config.preloadRule)) {
      expect(declared).toContain(page);
      for (const pkg of rule.packages) expect(roots).toContain(pkg);
    }
  });
});
