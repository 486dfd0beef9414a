import { existsSync } from 'node:fs';
import * as z from 'zod';

const Flag = z.stringbool();

/** Every setting the bot reads from the environment (and an optional .env file); nothing else reads process.env. */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  /** Folder for the embedded SQLite store. */
  DATA_DIR: z.string().default('data'),
  /**
   * The key that signs the audit chain, messages and replies (HMAC); default: DATA_DIR/audit.key, made on
   * first start. Keep it where a database writer cannot read it.
   */
  AUDIT_KEY: z.string().min(32).optional(),
  /** PostgreSQL instead of SQLite when set. */
  DATABASE_URL: z.string().optional(),
  /** PostgreSQL schema holding the tables (created if missing). */
  DATABASE_SCHEMA: z.string().default('public'),
  REDIS_URL: z.string().optional(),
  /**
   * A Redis Cluster instead of one Redis: some of its nodes as `host:port` separated by commas (the rest are
   * found from them). The queue prefix then carries a hash tag (`{shaozi}`), so that every key of a queue is
   * in one slot, as BullMQ's scripts need.
   */
  REDIS_CLUSTER_NODES: z
    .string()
    .regex(/^\s*[\w.-]+:\d+\s*(,\s*[\w.-]+:\d+\s*)*$/, 'expected host:port pairs separated by commas')
    .optional(),
  /**
   * Prefix of every Redis key the queues use, so deployments and test runs never share keys; by default
   * `shaozi`, or `shaozi-sandbox` when no puppet is set, so the sandbox never touches a deployment's queues
   * (in braces, `{shaozi}`, on a Redis Cluster).
   */
  QUEUE_PREFIX: z.string().optional(),
  /** Community directory file; the shipped sample community when unset. */
  DIRECTORY_FILE: z.string().optional(),
  /** Knowledge base the bot answers questions from; by default the file beside the directory (xingfuli-kb.yaml). */
  KNOWLEDGE_FILE: z.string().optional(),
  /** Wechaty puppet; unset means the sandbox on the mock puppet. */
  WECHATY_PUPPET: z.string().optional(),
  /** The puppet's token; with several accounts, one per account separated by commas (or one for all). */
  WECHATY_PUPPET_TOKEN: z.string().optional(),
  /**
   * How many WeChat accounts the bot runs (1–8). Each logs in with its own session and sends within its
   * own OUTBOX_PER_MINUTE: a group is answered by the account in it, staff by whichever account knows them
   * and has room. On the sandbox the groups are dealt out among the accounts.
   */
  BOT_ACCOUNTS: z.coerce.number().int().min(1).max(8).default(1),
  /** Seconds to wait for a real puppet to log in before giving up. */
  LOGIN_TIMEOUT_S: z.coerce.number().int().positive().default(60),
  /** Port of the web side (health, and later the dashboard); 0 picks a free one. */
  WEB_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Address the web side binds; the loopback by default, so nothing is exposed without a decision. */
  WEB_HOST: z.string().default('127.0.0.1'),
  /** Most messages the bot account may send per minute (WeChat bans bursts). */
  OUTBOX_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /**
   * Seconds a private notice to a staff member waits for more to the same person, to go out with them as
   * one message (answers to residents and emergencies never wait); 0 sends each alone.
   */
  OUTBOX_BATCH_WINDOW_S: z.coerce.number().int().min(0).default(60),
  /**
   * The same for a routine notice (about a ticket of normal urgency, whose response deadline is hours away):
   * it waits longer, so a grid worker gets one message listing the new tickets, co-reports and reminders of
   * several minutes rather than one each. 0 with a batch window uses that window.
   */
  OUTBOX_ROUTINE_WINDOW_S: z.coerce.number().int().min(0).default(600),
  /** Run the queue processors inside the bot process (false when `npm run worker:*` runs them). */
  INLINE_WORKERS: Flag.default(true),
  /**
   * The ordinary intake lane's partitions: the messages of one compound's groups, or of one private chat,
   * always go to one partition and are read one after another, in order, across every intake process; the
   * partitions are read side by side (each process runs one worker per partition). Every process of a
   * deployment must use the same number. The emergency lane reads one at a time.
   */
  INTAKE_PARTITIONS: z.coerce.number().int().min(1).max(64).default(8),
  /** Seconds within which several messages of one sender are read as one request. */
  AGGREGATION_WINDOW_S: z.coerce.number().int().min(0).default(60),
  /** Hours within which a report of the same problem at the same place joins an open ticket. */
  MERGE_WINDOW_H: z.coerce.number().int().min(0).default(72),
  /** Days after a ticket's closure within which the same problem at the same place reopens it (a recurrence). */
  RECURRENCE_DAYS: z.coerce.number().int().min(0).default(30),
  /**
   * Seconds between two runs of the recovery watchdog: stored messages left unread, unsent replies whose
   * jobs are gone and missing timer schedulers (Redis restarted without its data) are queued again; 0 = off.
   */
  RECOVERY_INTERVAL_S: z.coerce.number().int().min(0).default(60),
  /** Seconds a stored message may wait unread before the watchdog queues it again. */
  RECOVERY_GRACE_S: z.coerce.number().int().min(0).default(60),
  /** Seconds between two sweeps of the deadline timers; 0 leaves sweeping to `runTimers` (replay, tests). */
  SWEEP_INTERVAL_S: z.coerce.number().int().min(0).default(30),
  /** Cron (China time) of the daily digest to the supervisors' group; `off` sends none. */
  DIGEST_CRON: z.string().default('0 18 * * *'),
  /** Send a weekly public summary to each residents' group. */
  WEEKLY_SUMMARY: Flag.default(false),
  /** Cron (China time) of the weekly public summary. */
  WEEKLY_SUMMARY_CRON: z.string().default('0 9 * * 1'),
  /** Cron (China time) of the monthly summary of party members' results to each branch; `off` sends none. */
  BRANCH_SUMMARY_CRON: z.string().default('0 9 1 * *'),
  LLM_BASE_URL: z.string().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().optional(),
  /** `json_schema` (strict structured output) or `json_object` for endpoints without it. */
  LLM_RESPONSE_FORMAT: z.enum(['json_schema', 'json_object']).default('json_schema'),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
  /** `unsure`: ask the LLM only below the threshold; `always`: ask for everything but sure chatter. */
  LLM_CASCADE: z.enum(['unsure', 'always']).default('unsure'),
  /** Below this calibrated certainty (of no request at all, for chatter and feedback) the LLM is asked. */
  LLM_THRESHOLD: z.coerce.number().min(0).max(1).default(0.7),
  /** The largest share of group messages the LLM is asked about (the least certain first); 1 lifts it. */
  LLM_BUDGET: z.coerce.number().min(0).max(1).default(0.2),
  /** Longest the LLM may take for one message, retries included, before the local answer stands. */
  LLM_MESSAGE_BUDGET_MS: z.coerce.number().int().positive().default(8_000),
  /** Longest it may take for an emergency check (the grey zone), which waits for nobody. */
  LLM_CHECK_BUDGET_MS: z.coerce.number().int().positive().default(1_500),
  /** Most LLM answers remembered by normalised text, so a repeated message is not asked again; 0: none. */
  LLM_CACHE_SIZE: z.coerce.number().int().min(0).default(2_000),
  /** Seconds a remembered LLM answer stays good. */
  LLM_CACHE_TTL_S: z.coerce
    .number()
    .int()
    .positive()
    .default(6 * 3_600),
  PROMPTS_DIR: z.string().default('prompts'),
  /** An OpenAI-compatible transcription endpoint for voice messages; without it residents are asked to type. */
  ASR_BASE_URL: z.string().optional(),
  ASR_API_KEY: z.string().optional(),
  ASR_MODEL: z.string().default('whisper-1'),
  ASR_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /**
   * A WeCom (企业微信) application for staff notices: with the corp id, the app's secret and agent id, a
   * staff member the directory gives a WeCom id (`wecom_ids`) gets their notices there, not on the bot's
   * WeChat account, whose budget is left to the groups and residents.
   */
  WECOM_CORP_ID: z.string().optional(),
  WECOM_SECRET: z.string().optional(),
  WECOM_AGENT_ID: z.coerce.number().int().positive().optional(),
  WECOM_API_URL: z.url().default('https://qyapi.weixin.qq.com'),
  /**
   * Open311 clients allowed to file requests (`POST /open311/v2/requests.json`), as `client:key` pairs
   * separated by commas (`county:k3y-one,app:k3y-two`); unset: nobody may file, reading stays open.
   */
  OPEN311_KEYS: z
    .string()
    .regex(
      /^\s*[\w.-]+:[^,\s]+\s*(,\s*[\w.-]+:[^,\s]+\s*)*$/,
      'expected client:key pairs separated by commas',
    )
    .refine((v) => new Set(open311Pairs(v).map((p) => p.client)).size === open311Pairs(v).length, {
      message: 'a client is named twice',
    })
    .optional(),
});

const ResolvedConfigSchema = ConfigSchema.refine(
  (c) => [1, c.BOT_ACCOUNTS].includes(puppetTokens(c.WECHATY_PUPPET_TOKEN).length) || !c.WECHATY_PUPPET_TOKEN,
  {
    path: ['WECHATY_PUPPET_TOKEN'],
    message: 'give one token for every account (BOT_ACCOUNTS), separated by commas, or one for all',
  },
)
  .refine(
    (c) => !c.REDIS_CLUSTER_NODES || c.QUEUE_PREFIX === undefined || /\{[^{}]+\}/.test(c.QUEUE_PREFIX),
    {
      path: ['QUEUE_PREFIX'],
      message:
        'on a Redis Cluster (REDIS_CLUSTER_NODES) the prefix needs a hash tag in braces, e.g. {shaozi}',
    },
  )
  .transform((c) => {
    const name = c.WECHATY_PUPPET ? 'shaozi' : 'shaozi-sandbox';
    return { ...c, QUEUE_PREFIX: c.QUEUE_PREFIX ?? (c.REDIS_CLUSTER_NODES ? `{${name}}` : name) };
  });

/** The puppet tokens of WECHATY_PUPPET_TOKEN, one per account (or one for all); none when unset. */
export function puppetTokens(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/** The nodes of REDIS_CLUSTER_NODES. */
export function clusterNodes(value: string): Array<{ host: string; port: number }> {
  return value.split(',').map((pair) => {
    const [host = '', port = ''] = pair.trim().split(':');
    return { host, port: Number(port) };
  });
}

export type Config = z.infer<typeof ResolvedConfigSchema>;

/** Parses the configuration; a wrong value fails naming the key and the problem. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ResolvedConfigSchema.safeParse(cleaned);
  if (!result.success) {
    throw new Error(`Invalid configuration:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

/** The LLM settings, when all three of base URL, key and model are set. */
export function llmSettings(config: Config) {
  if (!config.LLM_BASE_URL || !config.LLM_API_KEY || !config.LLM_MODEL) {
    return undefined;
  }
  return {
    baseURL: config.LLM_BASE_URL,
    apiKey: config.LLM_API_KEY,
    model: config.LLM_MODEL,
    responseFormat: config.LLM_RESPONSE_FORMAT,
    timeoutMs: config.LLM_TIMEOUT_MS,
    maxRetries: config.LLM_MAX_RETRIES,
    policy: {
      mode: config.LLM_CASCADE,
      threshold: config.LLM_THRESHOLD,
      budget: config.LLM_BUDGET,
      messageBudgetMs: config.LLM_MESSAGE_BUDGET_MS,
      checkBudgetMs: config.LLM_CHECK_BUDGET_MS,
    },
    cache: { maxEntries: config.LLM_CACHE_SIZE, ttlMs: config.LLM_CACHE_TTL_S * 1_000 },
  };
}
export type LlmSettings = NonNullable<ReturnType<typeof llmSettings>>;

/** The transcription settings, when a base URL is set (a local service may need no key). */
export function asrSettings(config: Config) {
  if (!config.ASR_BASE_URL) {
    return undefined;
  }
  return {
    baseURL: config.ASR_BASE_URL,
    apiKey: config.ASR_API_KEY ?? 'none',
    model: config.ASR_MODEL,
    timeoutMs: config.ASR_TIMEOUT_MS,
  };
}
export type AsrSettings = NonNullable<ReturnType<typeof asrSettings>>;

/** The WeCom application for staff notices, when the corp id is set; its secret and agent id must be too. */
export function wecomSettings(config: Config) {
  if (!config.WECOM_CORP_ID) {
    return undefined;
  }
  if (!config.WECOM_SECRET || config.WECOM_AGENT_ID === undefined) {
    throw new Error('Invalid configuration: WECOM_CORP_ID needs WECOM_SECRET and WECOM_AGENT_ID');
  }
  return {
    apiUrl: config.WECOM_API_URL,
    corpId: config.WECOM_CORP_ID,
    secret: config.WECOM_SECRET,
    agentId: config.WECOM_AGENT_ID,
  };
}
export type WecomSettings = NonNullable<ReturnType<typeof wecomSettings>>;

/** `client:key` pairs of OPEN311_KEYS, in order; the key is everything after the first colon. */
function open311Pairs(value: string): { client: string; key: string }[] {
  return value.split(',').map((pair) => {
    const [client = '', ...key] = pair.trim().split(':');
    return { client, key: key.join(':') };
  });
}

/** The Open311 clients and their keys; none when OPEN311_KEYS is unset. */
export function open311Clients(config: Pick<Config, 'OPEN311_KEYS'>): { client: string; key: string }[] {
  return config.OPEN311_KEYS ? open311Pairs(config.OPEN311_KEYS) : [];
}

/** Loads `.env` from the working directory when present, then parses the environment. */
export function loadConfig(): Config {
  if (existsSync('.env')) {
    process.loadEnvFile('.env');
  }
  return parseConfig(process.env);
}
