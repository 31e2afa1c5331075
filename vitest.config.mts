import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/protocol/**/*.test.ts', 'test/fuzz/**/*.test.ts', 'test/security/**/*.test.ts', 'test/word/**/*.test.ts', 'test/sbom/**/*.test.ts', 'test/vulns/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/setup/build.ts'],
  },
});
