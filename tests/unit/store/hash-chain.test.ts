import { describe, expect, it } from 'vitest';
import { canonicalJson, eventHash, sha256 } from '../../../src/store/hash-chain.js';

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });

  it('writes equal objects built in different orders alike', () => {
    expect(canonicalJson({ x: '号', y: 1.5 })).toBe(canonicalJson({ y: 1.5, x: '号' }));
  });
});

describe('eventHash', () => {
  const fields = {
    ticket_number: 1,
    seq: 1,
    at: '2026-11-30T01:00:00.000Z',
    actor: '王阿姨',
    type: 'created',
    detail: '电梯坏了',
    state_hash: 'abc',
  };

  it('is sha256 of the previous hash followed by the canonical fields', () => {
    expect(eventHash('prev', fields)).toBe(sha256(`prev${canonicalJson(fields)}`));
  });

  it('changes when any field or the previous hash changes', () => {
    const base = eventHash('', fields);

    expect(eventHash('x', fields)).not.toBe(base);
    expect(eventHash('', { ...fields, detail: '电梯好了' })).not.toBe(base);
    expect(eventHash('', { ...fields, state_hash: 'abd' })).not.toBe(base);
  });
});
