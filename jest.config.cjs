/** Jest: one config, five projects. `npm test` runs them all (scripts/test.mjs). */
const tsJest = [
  'ts-jest',
  {
    tsconfig: '<rootDir>/tsconfig.jest.json',
    diagnostics: false,
  },
];
const common = {
  transform: { '^.+\\.(ts|tsx)$': tsJest, '^.+\\.m?js$': tsJest },
  // ESM-only packages that Jest must transform to CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(idb|fake-indexeddb)/)'],
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js',
  },
  setupFiles: ['<rootDir>/test/support/setupGlobals.ts'],
  // Rendering Fluent UI in jsdom takes seconds on a busy 2-core machine; Jest's 5 s default then fails
  // tests for the machine's load, not for what they check. Speed is measured by `npm run bench`.
  testTimeout: 30_000,
  globals: {
    __CHEFSACHE_ENV__: {
      graphBaseUrl: 'http://localhost:4365/v1.0',
      auth: 'emulator',
      emulatorUrl: 'http://localhost:4365',
    },
  },
};

module.exports = {
  // testTimeout is a global option: inside `projects` Jest ignores it and falls back to 5 s.
  testTimeout: common.testTimeout,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/src/**/*.test.tsx', '<rootDir>/scripts/**/*.test.ts', '<rootDir>/test/architecture/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'emulator',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/emulator/test/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'contract',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/contract/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/test/browser/globalSetup.ts',
      globalTeardown: '<rootDir>/test/browser/globalTeardown.ts',
    },
  ],
};
