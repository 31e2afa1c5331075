import { defineConfig } from 'vitest/config';

// Three projects: `unit` runs the sources in-process and needs no build; `process` drives the
// real bundles (CLI and language server processes, the lazily loaded Word bundle) and builds
// them first, unless they are newer than every source (test/setup/build.ts: one build per
// `npm test`); `property` is the seeded fuzz suite (its CLI and server targets use the bundles too).
// `vitest run --project unit` is the fast loop while editing.
const PROCESS = [
  'test/cli/cli.test.ts',
  'test/cli/crosswalk.test.ts',
  'test/cli/packaging.test.ts',
  'test/cli/report.test.ts',
  'test/protocol/**/*.test.ts',
  'test/security/**/*.test.ts',
  'test/sbom/cli.test.ts',
  'test/sbom/lsp.test.ts',
  'test/vulns/cli.test.ts',
  'test/word/cli.test.ts',
  'test/word/lsp.test.ts',
  // Reads the built server/out/word.js (test/architecture/vitest-projects.test.ts finds such tests).
  'test/word/bundle.test.ts',
];
const common = { testTimeout: 60_000, hookTimeout: 120_000, pool: 'forks' as const };

export default defineConfig({
  test: {
    // Two workers even on 2 cores (the default would be one): the process tests mostly wait on
    // the processes they drive. 206 s → 159 s for `vitest run` on this project's machine.
    maxWorkers: 2,
    projects: [
      // The unit files share one module graph per worker (isolate: false): each file no longer
      // re-imports the engine (~1 s a file on 2 cores). Safe because unit tests hold no state
      // of their own across files — no module mocks, no environment they change (pattern.test.ts
      // restores its spies after each test) — and the engine's module caches are keyed by content.
      {
        test: {
          ...common,
          name: 'unit',
          isolate: false,
          // By layer (test/architecture/test-layout.test.ts), then by component.
          include: [
            'test/architecture/**/*.test.ts',
            'test/engine/**/*.test.ts',
            'test/features/**/*.test.ts',
            'test/lsp/**/*.test.ts',
            'test/cli/**/*.test.ts',
            'test/report/**/*.test.ts',
            'test/client/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'test/word/**/*.test.ts',
            'test/sbom/**/*.test.ts',
            'test/vulns/**/*.test.ts',
          ],
          exclude: PROCESS,
        },
      },
      { test: { ...common, name: 'process', include: PROCESS, globalSetup: ['test/setup/build.ts'] } },
      { test: { ...common, name: 'property', include: ['test/fuzz/**/*.test.ts'], globalSetup: ['test/setup/build.ts'] } },
    ],
  },
});
