import { describe, expect, it } from 'vitest';
import { llmSettings, parseConfig, puppetTokens, wecomSettings } from '../../../src/config.js';

describe('parseConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = parseConfig({});

    expect(config).toMatchObject({
      DATA_DIR: 'data',
      QUEUE_PREFIX: 'shaozi-sandbox',
      OUTBOX_PER_MINUTE: 20,
      INLINE_WORKERS: true,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(llmSettings(config)).toBeUndefined();
  });

  it("keeps the sandbox off a deployment's queues unless a prefix is set", () => {
    expect(parseConfig({ WECHATY_PUPPET: 'wechaty-puppet-wechat4u' }).QUEUE_PREFIX).toBe('shaozi');
    expect(parseConfig({ QUEUE_PREFIX: 'mine' }).QUEUE_PREFIX).toBe('mine');
  });

  it('names the key and the problem of a wrong value', () => {
    expect(() => parseConfig({ OUTBOX_PER_MINUTE: 'lots' })).toThrow(/OUTBOX_PER_MINUTE/);
    expect(() => parseConfig({ LLM_CASCADE: 'sometimes' })).toThrow(/LLM_CASCADE/);
  });

  it('turns on the LLM only when base URL, key and model are all set', () => {
    expect(
      llmSettings(parseConfig({ LLM_BASE_URL: 'http://127.0.0.1:9/v1', LLM_MODEL: 'm' })),
    ).toBeUndefined();

    const settings = llmSettings(
      parseConfig({
        LLM_BASE_URL: 'http://127.0.0.1:9/v1',
        LLM_API_KEY: 'k',
        LLM_MODEL: 'm',
        LLM_THRESHOLD: '0.6',
      }),
    );

    expect(settings).toMatchObject({
      model: 'm',
      responseFormat: 'json_schema',
      policy: { mode: 'unsure', threshold: 0.6 },
    });
  });

  it('runs one bot account by default, and takes one puppet token per account or one for all', () => {
    expect(parseConfig({}).BOT_ACCOUNTS).toBe(1);
    const puppet = { WECHATY_PUPPET: 'wechaty-puppet-service', BOT_ACCOUNTS: '3' };
    expect(
      puppetTokens(parseConfig({ ...puppet, WECHATY_PUPPET_TOKEN: 'a, b ,c' }).WECHATY_PUPPET_TOKEN),
    ).toEqual(['a', 'b', 'c']);
    expect(
      puppetTokens(parseConfig({ ...puppet, WECHATY_PUPPET_TOKEN: 'one' }).WECHATY_PUPPET_TOKEN),
    ).toEqual(['one']);
    expect(() => parseConfig({ ...puppet, WECHATY_PUPPET_TOKEN: 'a,b' })).toThrow(
      /one token for every account.*WECHATY_PUPPET_TOKEN/s,
    );
    expect(() => parseConfig({ BOT_ACCOUNTS: '9' })).toThrow(/BOT_ACCOUNTS/);
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', INLINE_WORKERS: 'false' })).toMatchObject({
      INLINE_WORKERS: false,
    });
  });
});

describe('wecomSettings', () => {
  it('is off without a corp id, and batches staff notices per minute by default', () => {
    const config = parseConfig({});

    expect(wecomSettings(config)).toBeUndefined();
    expect(config.OUTBOX_BATCH_WINDOW_S).toBe(60);
  });

  it('needs the secret and agent id with the corp id', () => {
    const complete = { WECOM_CORP_ID: 'ww1', WECOM_SECRET: 's', WECOM_AGENT_ID: '1000002' };

    expect(wecomSettings(parseConfig(complete))).toEqual({
      apiUrl: 'https://qyapi.weixin.qq.com',
      corpId: 'ww1',
      secret: 's',
      agentId: 1000002,
    });
    expect(() => wecomSettings(parseConfig({ WECOM_CORP_ID: 'ww1', WECOM_SECRET: 's' }))).toThrow(
      /WECOM_AGENT_ID/,
    );
  });
});

describe('.env.example', () => {
  it('lists every configuration key, and nothing else', async () => {
    const { readFileSync } = await import('node:fs');
    const { ConfigSchema } = await import('../../../src/config.js');
    const listed = [...readFileSync('.env.example', 'utf8').matchAll(/^# ([A-Z][A-Z0-9_]+)=/gm)].map(
      (m) => m[1],
    );

    expect(listed.sort()).toEqual(Object.keys(ConfigSchema.shape).sort());
  });
});
