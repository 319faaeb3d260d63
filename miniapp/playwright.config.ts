import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the built H5 app against a running server (scripts/test.mjs starts one):
 *   E2E_BASE_URL=http://127.0.0.1:3100 pnpm test:e2e
 * Debian's Chromium with this machine's flags (toolchain.md), never a downloaded browser; no retries — a
 * flaky step is a bug to fix, not to hide. Each file is one story run in order (describe.serial).
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: './e2e/test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100',
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
