import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './tests/slow-first-sequencer.js';

export default defineConfig({
  test: {
    // two workers on a two-core machine (every integration file has its own Redis prefix, store and ports); a
    // third made the send-window and PostgreSQL tests race in CI
    maxWorkers: 2,
    globalSetup: ['tests/global-setup.ts'],
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 20_000,
          // no unit test leaves module state behind; one module graph halves the unit files' import time
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // one module graph for all the files: the models, the dictionary and Wechaty load once
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
