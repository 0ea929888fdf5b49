import { z } from 'zod';
import { hashToken } from '../auth/tokens';

/**
 * Every environment variable the server reads, parsed once at start (app/environment.ts is the only file that
 * touches process.env). An empty value counts as unset. A bad value stops the start with a sentence naming the
 * variable and the value; the CLI's help lists every variable from here.
 */
const unset = (v: unknown) => (v === '' ? undefined : v);
const text = z.preprocess(unset, z.string().optional());
/** Shortest admin token, metrics token or webhook secret the server accepts from the environment. */
export const MIN_SECRET_LENGTH = 32;
const secret = z.preprocess(
  unset,
  z
    .string()
    .min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters (a long random value)`)
    .optional(),
);
/** Variables whose value is never repeated in an error message. */
const SECRETS = new Set([
  'SIDEKICK_ADMIN_TOKEN',
  'SIDEKICK_METRICS_TOKEN',
  'SIDEKICK_ZENDESK_SECRET',
  'SIDEKICK_FRESHDESK_SECRET',
  'SIDEKICK_TOKEN',
  'SIDEKICK_REDIS_URL',
]);
const wholeNumber = (what: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    unset,
    z
      .string()
      .regex(/^\d+$/, `must be ${what}`)
      .transform(Number)
      .refine((n) => Number.isSafeInteger(n) && n >= min && n <= max, `must be ${what}`)
      .optional(),
  );

/** Where the fault suite can make the server stop for good (and log it), so a SIGKILL lands there every time. */
export const FAULT_POINTS = ['recompute'] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export const ENVIRONMENT = {
  DATABASE_URL: {
    schema: z.preprocess(
      unset,
      z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// connection URL' }).optional(),
    ),
    help: 'PostgreSQL connection string (`?schema=name` selects a schema); unset: SQLite under --data-dir',
  },
  PORT: {
    schema: wholeNumber('a port number from 0 to 65535', 0, 65535),
    help: 'port of `serve` when --port is not given (default 8787, 0 = a free port)',
  },
  SIDEKICK_ADMIN_TOKEN: {
    schema: secret,
    help: 'a bearer token that is an admin (hashed in memory, never stored)',
  },
  SIDEKICK_METRICS_TOKEN: {
    schema: secret,
    help: 'the bearer token a Prometheus scraper sends for /metrics',
  },
  SIDEKICK_ZENDESK_SECRET: {
    schema: secret,
    help: 'the Zendesk webhook signing secret (unset: refused, 503)',
  },
  SIDEKICK_FRESHDESK_SECRET: {
    schema: secret,
    help: 'the X-Sidekick-Secret Freshdesk sends (unset: refused, 503)',
  },
  SIDEKICK_HEARTBEAT_MS: {
    schema: wholeNumber('a whole number of milliseconds, at least 1', 1),
    help: 'live socket heartbeat in ms (default 15000)',
  },
  SIDEKICK_REVOKE_SWEEP_MS: {
    schema: wholeNumber('a whole number of milliseconds, at least 1', 1),
    help: 'how often live sockets are re-checked for revoked tokens, in ms (default 60000)',
  },
  SIDEKICK_INGEST_RATE_PER_MINUTE: {
    schema: wholeNumber('a whole number of requests, at least 1', 1),
    help: 'ingest requests a minute per client (default 600)',
  },
  SIDEKICK_AUTH_FAILURES_PER_MINUTE: {
    schema: wholeNumber('a whole number of attempts, at least 1', 1),
    help: 'failed sign-ins a minute per IP before 429 (default 30)',
  },
  SIDEKICK_ACTIONS_PER_MINUTE: {
    schema: wholeNumber('a whole number of actions, at least 1', 1),
    help: 'actions (kudos, ideas, replies…) a minute per person before 429 (default 60)',
  },
  SIDEKICK_TRUST_PROXY: {
    schema: z.preprocess(
      unset,
      z
        .string()
        .regex(
          /^[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*$/,
          'must be a comma-separated list of proxy addresses or CIDRs (e.g. 127.0.0.1,10.0.0.0/8)',
        )
        .optional(),
    ),
    help: 'behind a load balancer: its address(es), e.g. 127.0.0.1 or 10.0.0.0/8; the client IP (limits) is then read from X-Forwarded-For (default: not trusted)',
  },
  SIDEKICK_FEED_BUS: {
    schema: z.preprocess(
      unset,
      z.enum(['postgres', 'redis', 'in-process'], 'must be postgres, redis or in-process').optional(),
    ),
    help: 'how live pushes and sign-outs reach the other instances: postgres (LISTEN/NOTIFY, the default with DATABASE_URL), redis (pub/sub at SIDEKICK_REDIS_URL) or in-process (one instance)',
  },
  SIDEKICK_REDIS_URL: {
    schema: z.preprocess(
      unset,
      z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
    ),
    help: 'the Redis of SIDEKICK_FEED_BUS=redis, e.g. redis://127.0.0.1:6379',
  },
  SIDEKICK_RENDERER_DIR: { schema: text, help: 'the built renderer served at / (default renderer/dist)' },
  SIDEKICK_IMPORT_MAX_BYTES: {
    schema: wholeNumber('a positive whole number of bytes', 1),
    help: 'largest history file POST /api/admin/import takes (default 4 GiB)',
  },
  SIDEKICK_VALIDATE_REPLIES: {
    schema: z.preprocess(unset, z.enum(['0', '1'], 'must be 0 or 1').optional()),
    help: '1: check every reply against shared/api/routes.ts (the integration suite does)',
  },
  SIDEKICK_TOKEN: { schema: text, help: 'the admin token `import --server` sends (kept out of argv)' },
  SIDEKICK_FAULT_PAUSE: {
    schema: z.preprocess(unset, z.enum(FAULT_POINTS, `must be one of ${FAULT_POINTS.join(', ')}`).optional()),
    help: 'fault tests only: stop for good at this point, after logging "fault pause: <point>" (recompute: mid-way through the recomputation after an import)',
  },
  SIDEKICK_SECRET_KEY: {
    schema: z.preprocess(
      unset,
      z
        .string()
        .refine(
          (v) => secretKeyBytes(v) !== null,
          'must be 32 bytes as 64 hex digits or base64 (openssl rand -hex 32)',
        )
        .optional(),
    ),
    help: 'key that encrypts helpdesk connection secrets at rest (32 bytes, hex or base64; unset: no connections)',
    /** A refusal never repeats the value: it is a key. */
    secret: true,
  },
} as const;

type Variables = typeof ENVIRONMENT;
/** The environment, parsed: each variable's value, or undefined when unset. */
export type Environment = { [K in keyof Variables]: z.output<Variables[K]['schema']> };

/** SIDEKICK_SECRET_KEY as its 32 bytes (64 hex digits or base64), or null when it is neither. */
export function secretKeyBytes(value: string): Buffer | null {
  const text = value.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  return bytes.length === 32 ? bytes : null;
}

/** A configuration value that cannot be used; its message is the sentence a person reads. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function readEnvironment(env: Readonly<Record<string, string | undefined>>): Environment {
  const out: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(ENVIRONMENT)) {
    const parsed = variable.schema.safeParse(env[name]);
    if (!parsed.success) {
      // A secret's refusal never repeats the value: a key is not described at all, a token only by its length.
      const got =
        'secret' in variable
          ? 'the value is not shown'
          : `got ${SECRETS.has(name) ? `${String(env[name]).length} characters` : `"${String(env[name])}"`}`;
      throw new ConfigError(`${name} ${parsed.error.issues[0]?.message ?? 'is invalid'}; ${got}.`);
    }
    out[name] = parsed.data;
  }
  return out as Environment;
}

/** How the running server behaves: what the routes, the live socket and the importer are configured with. */
export interface ServerConfig {
  /** SHA-256 of SIDEKICK_ADMIN_TOKEN, or null when no bootstrap admin is configured. */
  adminTokenHash: string | null;
  /** SHA-256 of SIDEKICK_METRICS_TOKEN, the one token a Prometheus scraper needs; null: /metrics is admin-only. */
  metricsTokenHash: string | null;
  /** Secret of the Zendesk webhook (signing secret), or null to refuse Zendesk webhooks. */
  zendeskSecret: string | null;
  /** Shared secret Freshdesk sends in the X-Sidekick-Secret header, or null to refuse Freshdesk webhooks. */
  freshdeskSecret: string | null;
  heartbeatMs: number;
  /** How often the live sockets' tokens are re-checked against the store: a lost revoke notice is caught by then. */
  revokeSweepMs: number;
  /** Directory of the built renderer (renderer/dist). */
  rendererDir: string;
  /** Requests per minute per client on ingest routes. */
  ingestRatePerMinute: number;
  /** Failed authentications per minute per IP before 429. */
  authFailuresPerMinute: number;
  /** A person's own actions (non-GET person and supervisor routes) per minute before 429. */
  actionsPerMinute: number;
  /** Fastify's trustProxy: false, or the addresses/CIDRs of the proxies in front (SIDEKICK_TRUST_PROXY). */
  trustProxy: false | string[];
  /** How committed feed entries reach the sockets of other instances; 'auto': PostgreSQL's when on PostgreSQL. */
  feedBus: 'auto' | 'postgres' | 'redis' | 'in-process';
  /** The Redis of the redis feed bus (SIDEKICK_REDIS_URL), or null. */
  redisUrl: string | null;
  /** Larger history uploads are cut off with 413. */
  importMaxBytes: number;
  /** Check every reply against the route table (shared/api/routes.ts); the integration suite turns it on. */
  validateReplies: boolean;
  /** Fault tests only (SIDEKICK_FAULT_PAUSE): the point where the server logs and waits for ever; null in service. */
  faultPause: FaultPoint | null;
  /** The 32-byte key (SIDEKICK_SECRET_KEY) that encrypts connection secrets, or null: connections are refused. */
  secretKey: Buffer | null;
}

export const DEFAULT_IMPORT_MAX_BYTES = 4 * 1024 ** 3;

/** The server configuration from the parsed environment; `adminToken` (null: none) overrides the variable. */
export function serverConfigFrom(
  environment: Environment,
  defaults: { rendererDir: string; adminToken?: string | null },
): ServerConfig {
  const adminToken =
    defaults.adminToken === undefined ? (environment.SIDEKICK_ADMIN_TOKEN ?? null) : defaults.adminToken;
  return {
    adminTokenHash: adminToken ? hashToken(adminToken) : null,
    metricsTokenHash: environment.SIDEKICK_METRICS_TOKEN
      ? hashToken(environment.SIDEKICK_METRICS_TOKEN)
      : null,
    zendeskSecret: environment.SIDEKICK_ZENDESK_SECRET ?? null,
    freshdeskSecret: environment.SIDEKICK_FRESHDESK_SECRET ?? null,
    heartbeatMs: environment.SIDEKICK_HEARTBEAT_MS ?? 15_000,
    revokeSweepMs: environment.SIDEKICK_REVOKE_SWEEP_MS ?? 60_000,
    rendererDir: environment.SIDEKICK_RENDERER_DIR ?? defaults.rendererDir,
    ingestRatePerMinute: environment.SIDEKICK_INGEST_RATE_PER_MINUTE ?? 600,
    authFailuresPerMinute: environment.SIDEKICK_AUTH_FAILURES_PER_MINUTE ?? 30,
    actionsPerMinute: environment.SIDEKICK_ACTIONS_PER_MINUTE ?? 60,
    trustProxy: trustProxyFrom(environment.SIDEKICK_TRUST_PROXY),
    feedBus: environment.SIDEKICK_FEED_BUS ?? 'auto',
    redisUrl: environment.SIDEKICK_REDIS_URL ?? null,
    importMaxBytes: environment.SIDEKICK_IMPORT_MAX_BYTES ?? DEFAULT_IMPORT_MAX_BYTES,
    validateReplies: environment.SIDEKICK_VALIDATE_REPLIES === '1',
    faultPause: environment.SIDEKICK_FAULT_PAUSE ?? null,
    secretKey: environment.SIDEKICK_SECRET_KEY ? secretKeyBytes(environment.SIDEKICK_SECRET_KEY) : null,
  };
}

function trustProxyFrom(value: string | undefined): ServerConfig['trustProxy'] {
  return value === undefined ? false : value.split(',');
}

/** The variables and what each does, for help texts. */
export function environmentHelp(indent = '  '): string {
  const width = Math.max(...Object.keys(ENVIRONMENT).map((n) => n.length));
  return Object.entries(ENVIRONMENT)
    .map(([name, v]) => `${indent}${name.padEnd(width)}  ${v.help}`)
    .join('\n');
}
