/** Component and unit tests (jsdom). The browser tests run under Playwright Test: playwright.config.ts. */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  setupFiles: ['<rootDir>/test/setup.ts'],
  transform: {
    '^.+\\.(t|j|mj)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2020',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // NutUI and its helpers ship ES modules.
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/[^/]+/node_modules/)?(@nutui|@swc/helpers|@react-spring|@use-gesture)/)'],
  moduleNameMapper: {
    '^@tarojs/components$': '<rootDir>/test/__mocks__/taro-components.tsx',
    '^@tarojs/taro$': '<rootDir>/test/__mocks__/taro.ts',
    '\\.(css|scss)$': '<rootDir>/test/__mocks__/style.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@test/(.*)$': '<rootDir>/test/$1',
  },
};
