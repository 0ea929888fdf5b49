import Fastify from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { registerErrorReplies } from '../../../server/src/http/error-replies';
import { databaseUnreachableReason } from '../../../server/src/store/database';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('a database that cannot be reached', () => {
  it('is told apart from a statement the database refused, in words that name no host or port', () => {
    expect(databaseUnreachableReason(withCode('connect ECONNREFUSED 10.0.0.5:5432', 'ECONNREFUSED'))).toBe(
      'connection refused',
    );
    expect(
      databaseUnreachableReason(withCode('terminating connection due to administrator command', '57P01')),
    ).toBe('connection terminated by the database');
    expect(databaseUnreachableReason(withCode('the database system is starting up', '57P03'))).toMatch(
      /starting up/,
    );
    expect(databaseUnreachableReason(withCode('connection failure during authentication', '08006'))).toBe(
      'connection failure',
    );
    expect(databaseUnreachableReason(new Error('Connection terminated unexpectedly'))).toBe(
      'connection lost',
    );
    expect(databaseUnreachableReason(new Error('timeout exceeded when trying to connect'))).toBe(
      'connection timed out',
    );
    // Node reports a refused connection to several addresses as an AggregateError.
    expect(
      databaseUnreachableReason(
        new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]),
      ),
    ).toBe('connection refused');
    expect(databaseUnreachableReason(withCode('duplicate key value', '23505'))).toBeNull();
    expect(databaseUnreachableReason(withCode('invalid byte sequence', '22021'))).toBeNull();
    expect(databaseUnreachableReason(new Error('boom'))).toBeNull();
    expect(databaseUnreachableReason('ECONNREFUSED')).toBeNull();
  });

  it('is answered 503 database_unavailable with Retry-After; any other error is a 500 logged to stderr', async () => {
    const app = Fastify({ logger: false });
    registerErrorReplies(app, { logToStderr: true });
    app.get('/down', async () => {
      throw withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED');
    });
    app.get('/bug', async () => {
      throw new Error('a bug');
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const down = await app.inject({ method: 'GET', url: '/down' });
      expect(down.statusCode).toBe(503);
      expect(down.headers['retry-after']).toBe('5');
      expect(down.json()).toMatchObject({ error: 'database_unavailable' });
      expect(down.body).not.toContain('127.0.0.1');
      expect(logged).not.toHaveBeenCalled();
      const bug = await app.inject({ method: 'GET', url: '/bug' });
      expect(bug.statusCode).toBe(500);
      expect(bug.json()).toMatchObject({ error: 'internal' });
      expect(bug.body).not.toContain('half-stored');
      expect(logged).toHaveBeenCalledTimes(1);
      expect(String(logged.mock.calls[0]?.[0])).toContain('500 on GET /bug');
    } finally {
      logged.mockRestore();
      await app.close();
    }
  });
});
