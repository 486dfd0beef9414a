import { describe, expect, it } from 'vitest';
import { open311Clients, parseConfig } from '../../../../src/config.js';
import { clientOfKey } from '../../../../src/web/open311/api-keys.js';

describe('OPEN311_KEYS', () => {
  it('reads client:key pairs, a key may hold colons; unset is no client', () => {
    const config = parseConfig({ OPEN311_KEYS: 'county:s3cret, app:a:b:c' });

    expect(open311Clients(config)).toEqual([
      { client: 'county', key: 's3cret' },
      { client: 'app', key: 'a:b:c' },
    ]);
    expect(open311Clients(parseConfig({}))).toEqual([]);
  });

  it('refuses a malformed list or a client named twice, naming the key', () => {
    expect(() => parseConfig({ OPEN311_KEYS: 'county' })).toThrow('OPEN311_KEYS');
    expect(() => parseConfig({ OPEN311_KEYS: 'county:a,,app:b' })).toThrow('OPEN311_KEYS');
    expect(() => parseConfig({ OPEN311_KEYS: 'county:a,county:b' })).toThrow('a client is named twice');
  });
});

describe('clientOfKey', () => {
  const clients = [
    { client: 'county', key: 'secret-one' },
    { client: 'app', key: 'secret-two' },
  ];

  it('names the client whose key it is', () => {
    expect(clientOfKey(clients, 'secret-two')).toBe('app');
    expect(clientOfKey(clients, 'secret-one')).toBe('county');
  });

  it('knows no client for a wrong, partial, empty or missing key', () => {
    for (const key of ['secret-three', 'secret-on', 'secret-one ', '', undefined]) {
      expect(clientOfKey(clients, key)).toBeUndefined();
    }
    expect(clientOfKey([], 'secret-one')).toBeUndefined();
  });
});
