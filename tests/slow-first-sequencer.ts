import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that take tens of seconds (they train a model, kill processes or drive a browser) start first, so that
 * the two workers never end with one of them running a long file alone. The default order puts them last on a
 * fresh clone (no timing cache, and small files sort after large ones).
 */
const SLOW_FIRST = [
  'model-floor.test.ts',
  'kill-mid-burst.test.ts',
  'recovery.test.ts',
  'dashboard.test.ts',
  'eval-parallel.test.ts',
  'model.test.ts',
];

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const i = SLOW_FIRST.findIndex((name) => file.moduleId.endsWith(`/${name}`));
      return i === -1 ? SLOW_FIRST.length : i;
    };
    return sorted
      .map((file, order) => ({ file, order }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order)
      .map(({ file }) => file);
  }
}
