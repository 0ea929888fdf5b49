import { describe, expect, it, vi } from 'vitest';
import { ConfigError, ENVIRONMENT, readEnvironment, serverConfigFrom } from '../../../server/src/core/config';
import { main } from '../../../server/src/cli/main';

const refusal = (env: Record<string, string>) => {
  try {
    readEnvironment(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe('one validated server configuration', () => {
  it('parses every variable once, empty values as unset, with the documented defaults', () => {
    const env = readEnvironment({ SIDEKICK_HEARTBEAT_MS: '5000', PORT: '0', SIDEKICK_ZENDESK_SECRET: '' });
    expect(env.SIDEKICK_HEARTBEAT_MS).toBe(5000);
    expect(env.PORT).toBe(0);
    expect(env.SIDEKICK_ZENDESK_SECRET).toBeUndefined();
    expect(serverConfigFrom(readEnvironment({}), { rendererDir: '/r' })).toEqual({
      adminTokenHash: null,
      metricsTokenHash: null,
      zendeskSecret: null,
      freshdeskSecret: null,
      heartbeatMs: 15_000,
      revokeSweepMs: 60_000,
      rendererDir: '/r',
      ingestRatePerMinute: 600,
      authFailuresPerMinute: 30,
      actionsPerMinute: 60,
      trustProxy: false,
      feedBus: 'auto',
      redisUrl: null,
      importMaxBytes: 4 * 1024 ** 3,
      validateReplies: false,
      faultPause: null,
      secretKey: null,
    });
    const admin = serverConfigFrom(
      readEnvironment({ SIDEKICK_ADMIN_TOKEN: 'from-env-0123456789abcdef0123456789' }),
      {
        rendererDir: '/r',
        adminToken: null,
      },
    );
    expect(admin.adminTokenHash, 'an explicit null wins over the variable').toBeNull();
  });

  it('refuses a bad value with a sentence naming the variable and the value (no NaN gets through)', () => {
    expect(refusal({ SIDEKICK_HEARTBEAT_MS: 'often' })).toBe(
      'SIDEKICK_HEARTBEAT_MS must be a whole number of milliseconds, at least 1; got "often".',
    );
    expect(refusal({ SIDEKICK_INGEST_RATE_PER_MINUTE: '12.5' })).toMatch(
      /^SIDEKICK_INGEST_RATE_PER_MINUTE .*"12\.5"/,
    );
    expect(refusal({ SIDEKICK_AUTH_FAILURES_PER_MINUTE: '0' })).toMatch(
      /^SIDEKICK_AUTH_FAILURES_PER_MINUTE /,
    );
    expect(refusal({ PORT: '70000' })).toBe('PORT must be a port number from 0 to 65535; got "70000".');
    expect(refusal({ DATABASE_URL: 'mysql://db/x' })).toMatch(
      /^DATABASE_URL must be a postgres:\/\/ connection URL/,
    );
    expect(refusal({ SIDEKICK_IMPORT_MAX_BYTES: '-1' })).toMatch(/^SIDEKICK_IMPORT_MAX_BYTES /);
    expect(refusal({ SIDEKICK_SECRET_KEY: 'hunter2-not-a-key' })).toBe(
      'SIDEKICK_SECRET_KEY must be 32 bytes as 64 hex digits or base64 (openssl rand -hex 32); the value is not shown.',
    );
    const key = 'ab'.repeat(32);
    expect(
      serverConfigFrom(readEnvironment({ SIDEKICK_SECRET_KEY: key }), { rendererDir: '/r' }).secretKey,
    ).toEqual(Buffer.from(key, 'hex'));
    expect(refusal({ SIDEKICK_FEED_BUS: 'kafka' })).toMatch(
      /^SIDEKICK_FEED_BUS must be postgres, redis or in-process/,
    );
    expect(refusal({ SIDEKICK_REDIS_URL: 'http://127.0.0.1:6379' })).toMatch(
      /^SIDEKICK_REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL; got \d+ characters\./,
    );
    expect(
      serverConfigFrom(
        readEnvironment({ SIDEKICK_FEED_BUS: 'redis', SIDEKICK_REDIS_URL: 'redis://127.0.0.1:6379' }),
        { rendererDir: '/r' },
      ),
    ).toMatchObject({ feedBus: 'redis', redisUrl: 'redis://127.0.0.1:6379' });
    expect(refusal({ SIDEKICK_VALIDATE_REPLIES: 'yes' })).toMatch(
      /^SIDEKICK_VALIDATE_REPLIES must be 0 or 1/,
    );
  });

  it('lists every variable in the CLI help', async () => {
    const printed: string[] = [];
    const log = vi
      .spyOn(console, 'log')
      .mockImplementation((text: unknown) => void printed.push(String(text)));
    try {
      expect(await main(['--help'])).toBe(0);
    } finally {
      log.mockRestore();
    }
    const help = printed.join('\n');
    for (const name of Object.keys(ENVIRONMENT)) expect(help, name).toContain(name);
  });
});
