import { z } from 'zod';
import { Id, IsoInstant } from '../domain/primitives';

/**
 * Helpdesk pull connections (issue 17): the admin configures a Zendesk or Freshdesk account once; the server
 * polls its APIs on a schedule. The credential goes in with create / update and never comes back out: no reply
 * schema here has a field that could hold it.
 */
export const Vendor = z.enum(['zendesk', 'freshdesk']);
export type Vendor = z.infer<typeof Vendor>;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/**
 * The account's API root, e.g. https://acme.zendesk.com or https://acme.freshdesk.com. Plain http only to this
 * machine (a test or a local proxy): a credential never crosses a network in the clear.
 */
export const VendorBaseUrl = z
  .url('expected the account address, e.g. https://acme.zendesk.com')
  .max(300)
  .transform((text, ctx) => {
    // shared/ has no URL class: scheme, host and port are read with the URL grammar's own delimiters.
    const m = /^(https?):\/\/([^/?#:]+|\[[^\]]+\])(:\d+)?/i.exec(text);
    const scheme = m?.[1]?.toLowerCase();
    const host = m?.[2]?.toLowerCase() ?? '';
    if (!m || !(scheme === 'https' || (scheme === 'http' && LOOPBACK.test(host)))) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be https:// (plain http only to 127.0.0.1 or localhost)',
      });
      return z.NEVER;
    }
    return `${scheme}://${host}${m[3] ?? ''}`;
  });

const secret = (what: string) => z.string().trim().min(1, `${what} is required`).max(500);

/** Zendesk: an API token with the agent's e-mail (Basic `email/token:TOKEN`), or an OAuth access token. */
export const ZendeskCredentials = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('api_token'), email: z.email().max(320), token: secret('the API token') }),
  z.object({ kind: z.literal('oauth'), accessToken: secret('the OAuth access token') }),
]);
/** Freshdesk: the API key of an admin agent (Basic `KEY:X`). */
export const FreshdeskCredentials = z.object({ kind: z.literal('api_key'), apiKey: secret('the API key') });

const common = {
  name: z.string().trim().min(1).max(200).optional(),
  baseUrl: VendorBaseUrl,
  /** How far back the first sync reaches (default 30 days before the connection is made). */
  startFrom: IsoInstant.optional(),
  /** Seconds between polls once caught up (default 300; Zendesk's incremental exports allow 10 requests a minute). */
  pollSeconds: z.number().int().min(30).max(86_400).default(300),
};

/** POST /api/admin/connections and POST /api/admin/connections/test */
export const CreateConnectionBody = z.discriminatedUnion('vendor', [
  z.object({ vendor: z.literal('zendesk'), ...common, credentials: ZendeskCredentials }),
  z.object({ vendor: z.literal('freshdesk'), ...common, credentials: FreshdeskCredentials }),
]);
export type CreateConnectionBody = z.infer<typeof CreateConnectionBody>;
export type ConnectionCredentials = CreateConnectionBody['credentials'];

/** PATCH /api/admin/connections/:id — new credentials (e.g. after a token expired) set it polling again. */
export const UpdateConnectionBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  pollSeconds: z.number().int().min(30).max(86_400).optional(),
  credentials: z.union([ZendeskCredentials, FreshdeskCredentials]).optional(),
});
export type UpdateConnectionBody = z.infer<typeof UpdateConnectionBody>;

/**
 * active: polling; paused: by an admin; needs_credentials: the vendor refused the credentials (401/403), so
 * polling stopped until new ones are given.
 */
export const ConnectionStatus = z.enum(['active', 'paused', 'needs_credentials']);
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;

export const StreamPosition = z.object({
  stream: z.string(),
  /** Where the stream has got to, in words (a cursor, a time, a page). */
  position: z.string(),
  updatedAt: z.string(),
});

export const ConnectionRecord = z.object({
  id: Id,
  vendor: Vendor,
  name: z.string(),
  baseUrl: z.string(),
  authKind: z.enum(['api_token', 'oauth', 'api_key']),
  /** The Zendesk login e-mail of an API-token connection (not secret); null otherwise. */
  login: z.string().nullable(),
  status: ConnectionStatus,
  /** Why the status is what it is, in a sentence. */
  statusMessage: z.string(),
  startFrom: z.string(),
  pollSeconds: z.number().int(),
  nextPollAt: z.string(),
  lastSyncAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  /** Every stream has caught up to this vendor time; lag is now minus it. */
  syncedThrough: z.string().nullable(),
  lagSeconds: z.number().nullable(),
  /** The last sync read every stream to its end (false while a backfill is still going, or before the first). */
  caughtUp: z.boolean(),
  eventsImported: z.number().int().min(0),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  streams: z.array(StreamPosition),
  createdAt: z.string(),
});
export type ConnectionRecord = z.infer<typeof ConnectionRecord>;

export const ConnectionList = z.object({ connections: z.array(ConnectionRecord) });

/** The one-click credentials check: a single authenticated read of the vendor's agent list. */
export const CredentialsCheck = z.object({
  ok: z.boolean(),
  message: z.string(),
  /** Agents the credentials can see, when the check succeeded. */
  agents: z.number().int().min(0).optional(),
});
export type CredentialsCheck = z.infer<typeof CredentialsCheck>;
