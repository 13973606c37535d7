// ESM + ts-jest: tests import './x.js' and the resolver maps it to x.ts.
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  resolver: 'ts-jest-resolver',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true }]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  // Bundles the current src/ for the end-to-end tests (see the file).
  globalSetup: '<rootDir>/__tests__/support/test-bundles.ts',
  collectCoverage: true,
  collectCoverageFrom: ['src/**/*.ts', '!src/action/index.ts'],
  coverageReporters: ['text-summary', 'text'],
  coverageThreshold: { global: { lines: 90 } },
  reporters: ['default', '<rootDir>/scripts/count-reporter.js'],
  // Two workers on two cores: no test depends on how fast the machine is.
  maxWorkers: 2,
  testTimeout: 30000
}
