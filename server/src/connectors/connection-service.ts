import { randomUUID } from 'node:crypto';
import {
  ConnectionStatus,
  Vendor,
  type ConnectionRecord,
  type CreateConnectionBody,
  type CredentialsCheck,
  type UpdateConnectionBody,
} from '../../../shared/api/connections';
import type { AppContext } from '../core/context';
import { DomainError, invalid, notFound } from '../core/errors';
import { toIsoUtc } from '../store/time';
import {
  connectionRow,
  connectionRows,
  cursorRows,
  deleteConnection as deleteConnectionRow,
  insertConnection,
  updateConnection as updateConnectionRow,
  type ConnectionRow,
} from '../store/repos/connections-repo';
import { openSecret, sealSecret } from './secret-box';
import { VendorCredentialsRefused } from './vendor-http';
import { clientFor, vendorFor, VENDOR_NAMES, type ClientTuning } from './vendors';
import { zendeskVendor } from './zendesk-vendor';
import { freshdeskVendor } from './freshdesk-vendor';

/**
 * The admin's side of pull connections: create (secret sealed with SIDEKICK_SECRET_KEY), list, status, pause,
 * resume, new credentials, delete, and the one-click credentials check. Every answer is a ConnectionRecord,
 * which has no field for the secret.
 */
const DAY = 86_400_000;

function requireKey(ctx: AppContext): Buffer {
  if (!ctx.config.secretKey)
    throw new DomainError(
      'rule',
      'secret_key_missing',
      'This server has no SIDEKICK_SECRET_KEY, so it cannot keep helpdesk credentials safely. Set it (e.g. `openssl rand -hex 32`) and restart the server, then add the connection.',
    );
  return ctx.config.secretKey;
}

const positionOf = (vendor: Vendor, stream: string, cursor: string): string => {
  try {
    const reader =
      vendor === 'zendesk'
        ? zendeskVendor({ kind: 'oauth', accessToken: '-' })
        : freshdeskVendor({ kind: 'api_key', apiKey: '-' });
    return reader.streams.find((s) => s.name === stream)?.describe(JSON.parse(cursor)) ?? cursor;
  } catch {
    return 'unreadable cursor';
  }
};

const STATUS_SENTENCE: Record<ConnectionStatus, string> = {
  active: 'Polling on schedule.',
  paused: 'Paused by an admin; nothing is read until it is resumed.',
  needs_credentials: 'The helpdesk refused the credentials; enter new ones to resume.',
};

async function recordOf(ctx: AppContext, row: ConnectionRow): Promise<ConnectionRecord> {
  const vendor = Vendor.parse(row.vendor);
  const status = ConnectionStatus.parse(row.status);
  const now = ctx.clock().getTime();
  const streams = (await cursorRows(ctx.store.db, row.id)).map((c) => ({
    stream: c.stream,
    position: positionOf(vendor, c.stream, c.cursor),
    updatedAt: c.updated_at,
  }));
  return {
    id: row.id,
    vendor,
    name: row.name,
    baseUrl: row.base_url,
    authKind: row.auth_kind as ConnectionRecord['authKind'],
    login: row.login,
    status,
    statusMessage: row.status_message ?? STATUS_SENTENCE[status],
    startFrom: row.start_from,
    pollSeconds: row.poll_seconds,
    nextPollAt: row.next_poll_at,
    lastSyncAt: row.last_sync_at,
    lastSuccessAt: row.last_success_at,
    syncedThrough: row.synced_through,
    lagSeconds: row.synced_through
      ? Math.max(0, Math.round((now - Date.parse(row.synced_through)) / 1000))
      : null,
    caughtUp:
      row.synced_through !== null && row.last_sync_at !== null && row.synced_through >= row.last_sync_at,
    eventsImported: row.events_imported,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
    streams,
    createdAt: row.created_at,
  };
}

async function rowOrThrow(ctx: AppContext, id: string): Promise<ConnectionRow> {
  const row = await connectionRow(ctx.store.db, id);
  if (!row) throw notFound('The connection');
  return row;
}

function checkCredentialsKind(vendor: Vendor, credentials: UpdateConnectionBody['credentials']): void {
  if (!credentials) return;
  const fits = vendor === 'zendesk' ? credentials.kind !== 'api_key' : credentials.kind === 'api_key';
  if (!fits)
    throw invalid(`${VENDOR_NAMES[vendor]} does not take "${credentials.kind}" credentials.`, [
      { path: 'credentials.kind', message: 'not a credential of this vendor' },
    ]);
}

export async function createConnection(
  ctx: AppContext,
  body: CreateConnectionBody,
): Promise<ConnectionRecord> {
  const key = requireKey(ctx);
  const now = ctx.clock();
  if (body.startFrom && Date.parse(body.startFrom) > now.getTime())
    throw invalid('startFrom is in the future.', [
      { path: 'startFrom', message: 'must not be in the future' },
    ]);
  const id = randomUUID();
  const at = toIsoUtc(now);
  await insertConnection(ctx.store.db, {
    id,
    vendor: body.vendor,
    name: body.name ?? `${VENDOR_NAMES[body.vendor]} ${new URL(body.baseUrl).hostname}`,
    base_url: body.baseUrl,
    auth_kind: body.credentials.kind,
    login: body.credentials.kind === 'api_token' ? body.credentials.email : null,
    secret: sealSecret(key, id, body.credentials),
    status: 'active',
    status_message: null,
    start_from: toIsoUtc(body.startFrom ?? now.getTime() - 30 * DAY),
    poll_seconds: body.pollSeconds,
    // Due at once: the scheduler's next check starts the first sync.
    next_poll_at: at,
    last_sync_at: null,
    last_success_at: null,
    synced_through: null,
    events_imported: 0,
    last_error: null,
    last_error_at: null,
    created_at: at,
  });
  return recordOf(ctx, await rowOrThrow(ctx, id));
}

export async function listConnections(ctx: AppContext): Promise<ConnectionRecord[]> {
  return Promise.all((await connectionRows(ctx.store.db)).map((row) => recordOf(ctx, row)));
}

export async function getConnection(ctx: AppContext, id: string): Promise<ConnectionRecord> {
  return recordOf(ctx, await rowOrThrow(ctx, id));
}

export async function updateConnection(
  ctx: AppContext,
  id: string,
  body: UpdateConnectionBody,
): Promise<ConnectionRecord> {
  const row = await rowOrThrow(ctx, id);
  const vendor = Vendor.parse(row.vendor);
  checkCredentialsKind(vendor, body.credentials);
  const credentials = body.credentials;
  await updateConnectionRow(ctx.store.db, id, {
    ...(body.name ? { name: body.name } : {}),
    ...(body.pollSeconds ? { poll_seconds: body.pollSeconds } : {}),
    ...(credentials
      ? {
          secret: sealSecret(requireKey(ctx), id, credentials),
          auth_kind: credentials.kind,
          login: credentials.kind === 'api_token' ? credentials.email : null,
          // New credentials end a "refused" state and poll at once; a paused connection stays paused.
          ...(row.status === 'needs_credentials' ? { status: 'active', status_message: null } : {}),
          next_poll_at: toIsoUtc(ctx.clock()),
        }
      : {}),
  });
  return recordOf(ctx, await rowOrThrow(ctx, id));
}

export async function pauseConnection(ctx: AppContext, id: string): Promise<ConnectionRecord> {
  const row = await rowOrThrow(ctx, id);
  if (row.status === 'active')
    await updateConnectionRow(ctx.store.db, id, { status: 'paused', status_message: null });
  return recordOf(ctx, await rowOrThrow(ctx, id));
}

export async function resumeConnection(ctx: AppContext, id: string): Promise<ConnectionRecord> {
  const row = await rowOrThrow(ctx, id);
  if (row.status === 'needs_credentials')
    throw new DomainError(
      'rule',
      'needs_credentials',
      'The helpdesk refused these credentials; send new ones (PATCH) to resume.',
    );
  await updateConnectionRow(ctx.store.db, id, {
    status: 'active',
    status_message: null,
    next_poll_at: toIsoUtc(ctx.clock()),
  });
  return recordOf(ctx, await rowOrThrow(ctx, id));
}

/** Asks for a poll at the scheduler's next check (within seconds), e.g. right after the admin fixed something. */
export async function syncSoon(ctx: AppContext, id: string): Promise<ConnectionRecord> {
  await rowOrThrow(ctx, id);
  await updateConnectionRow(ctx.store.db, id, { next_poll_at: toIsoUtc(ctx.clock()) });
  return recordOf(ctx, await rowOrThrow(ctx, id));
}

export async function deleteConnection(ctx: AppContext, id: string): Promise<void> {
  if (!(await deleteConnectionRow(ctx.store.db, id))) throw notFound('The connection');
}

/** One authenticated read of the agent list with these credentials; the answer is a sentence, never a 5xx. */
export async function checkCredentials(
  ctx: AppContext,
  body: Pick<CreateConnectionBody, 'vendor' | 'baseUrl' | 'credentials'>,
  tuning: ClientTuning = { tries: 1, maxInlineWaitMs: 0, timeoutMs: 10_000 },
): Promise<CredentialsCheck> {
  const name = VENDOR_NAMES[body.vendor];
  const reader = vendorFor(body.vendor, body.credentials);
  const client = clientFor(body.vendor, body.baseUrl, reader, () => ctx.clock().getTime(), tuning);
  try {
    const agents = await reader.check(client);
    return { ok: true, message: `${name} accepted the credentials and lists ${agents} agent(s).`, agents };
  } catch (error) {
    if (error instanceof VendorCredentialsRefused)
      return {
        ok: false,
        message: `${name} refused the credentials (${error.status}). Check the address, the e-mail and the token or key.`,
      };
    return { ok: false, message: (error as Error).message };
  }
}

/** The check for a stored connection: its own (decrypted) credentials, never shown. */
export async function checkStoredCredentials(ctx: AppContext, id: string): Promise<CredentialsCheck> {
  const row = await rowOrThrow(ctx, id);
  let credentials;
  try {
    credentials = openSecret(requireKey(ctx), id, row.secret);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    return { ok: false, message: `${(error as Error).message}.` };
  }
  return checkCredentials(ctx, { vendor: Vendor.parse(row.vendor), baseUrl: row.base_url, credentials });
}
