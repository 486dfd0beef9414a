import { describe, expect, it } from 'vitest';
import { isOtherSchemaGone } from '../../../src/store/open-ticket-store.js';

describe('a migration that met another schema being dropped', () => {
  const gone = (name: string) =>
    Object.assign(new Error(`schema "${name}" does not exist`), { code: '3F000' });

  it('is tried again when the schema that went away is another one', () => {
    expect(isOtherSchemaGone(gone('shaozi_test_other'), 'spine_ours')).toBe(true);
  });

  it('is not tried again for our own schema, another error, or no error object', () => {
    expect(isOtherSchemaGone(gone('spine_ours'), 'spine_ours')).toBe(false);
    expect(
      isOtherSchemaGone(Object.assign(new Error('relation does not exist'), { code: '42P01' }), 'x'),
    ).toBe(false);
    expect(isOtherSchemaGone(null, 'x')).toBe(false);
  });
});
