/** Browser test of the built H5 app against a running server: E2E_BASE_URL=http://127.0.0.1:3100 pnpm test:e2e */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
  testTimeout: 60000,
  setupFilesAfterEnv: ['<rootDir>/e2e/support/retry.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
};
