import { z } from 'zod';
import type { FreshdeskCredentials } from '../../../shared/api/connections';
import type { PullStream, PullVendor, VendorAgent } from './pull-stream';
import { VendorBadResponse, type VendorClient } from './vendor-http';
import {
  FreshdeskAgent,
  FreshdeskConversation,
  FreshdeskRating,
  FreshdeskTicket,
  conversationEvents,
  hasAgentActivity,
  ratingEvents,
  ticketEvents,
} from './freshdesk-records';

/**
 * Freshdesk's APIs as the poller reads them (v2, 100 a page):
 * - agents: GET /api/v2/agents?page=N until a short page;
 * - tickets: GET /api/v2/tickets?updated_since=&include=stats&order_by=updated_at&order_type=asc&page=N. Without
 *   updated_since Freshdesk lists only the last 30 days, and it serves at most 300 pages, so the cursor is
 *   (updated_since, page) and moves updated_since to the newest update seen before page 300 is passed. For
 *   each ticket with agent activity, its conversations give the replies;
 * - ratings: GET /api/v2/surveys/satisfaction_ratings?created_since=&page=N, the same way.
 */
type Credentials = z.infer<typeof FreshdeskCredentials>;
const PER_PAGE = 100;
const PAGE_CAP = 300;

const parse = <S extends z.ZodType>(schema: S, json: unknown, what: string): z.output<S> => {
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new VendorBadResponse(
      `Freshdesk's ${what} page is not in the documented shape (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''})`,
    );
  return parsed.data;
};

/** (since, page): the page to read next, and the newest update seen so far on this walk. */
const PagedCursor = z.object({
  since: z.string(),
  page: z.number().int().min(1),
  newest: z.string().optional(),
});
type PagedCursor = z.infer<typeof PagedCursor>;

const later = (a: string | undefined, b: string) =>
  a === undefined || Date.parse(b) > Date.parse(a) ? b : a;
const isoOf = (s: string) => new Date(Date.parse(s)).toISOString();

/** The cursor after a page of `count` records whose newest time is `newest`. */
function advance(
  cursor: PagedCursor,
  count: number,
  newest: string | undefined,
): { cursor: PagedCursor; done: boolean } {
  if (count < PER_PAGE)
    return { cursor: { since: newest ? isoOf(newest) : cursor.since, page: 1 }, done: true };
  if (cursor.page + 1 > PAGE_CAP && newest) return { cursor: { since: isoOf(newest), page: 1 }, done: false };
  return {
    cursor: { since: cursor.since, page: cursor.page + 1, ...(newest ? { newest } : {}) },
    done: false,
  };
}

async function conversations(client: VendorClient, ticketId: string, agentIds: ReadonlySet<string>) {
  const events: Record<string, unknown>[] = [];
  for (let page = 1; page <= PAGE_CAP; page++) {
    const reply = await client.get(
      `/api/v2/tickets/${encodeURIComponent(ticketId)}/conversations?per_page=${PER_PAGE}&page=${page}`,
    );
    const list = parse(z.array(FreshdeskConversation), reply.json, 'conversations');
    events.push(...list.flatMap((c) => conversationEvents(ticketId, c, agentIds)));
    if (list.length < PER_PAGE) break;
  }
  return events;
}

const tickets: PullStream = {
  name: 'tickets',
  initial: (startFrom) => ({ since: startFrom, page: 1 }),
  describe: (c) => {
    const cursor = PagedCursor.parse(c);
    return `updated since ${cursor.since}, page ${cursor.page}`;
  },
  async page(c, call) {
    const cursor = PagedCursor.parse(c);
    const reply = await call.client.get(
      `/api/v2/tickets?updated_since=${encodeURIComponent(cursor.since)}&include=stats&order_by=updated_at&order_type=asc&per_page=${PER_PAGE}&page=${cursor.page}`,
    );
    const list = parse(z.array(FreshdeskTicket), reply.json, 'tickets');
    const events = list.flatMap(ticketEvents);
    for (const ticket of list.filter(hasAgentActivity))
      events.push(...(await conversations(call.client, ticket.id, call.agentIds)));
    const newest = list.reduce<string | undefined>((max, t) => later(max, t.updated_at), cursor.newest);
    const next = advance(cursor, list.length, newest);
    return { events, ...next, through: next.done ? next.cursor.since : null };
  },
};

const ratings: PullStream = {
  name: 'satisfaction_ratings',
  initial: (startFrom) => ({ since: startFrom, page: 1 }),
  describe: (c) => {
    const cursor = PagedCursor.parse(c);
    return `created since ${cursor.since}, page ${cursor.page}`;
  },
  async page(c, call) {
    const cursor = PagedCursor.parse(c);
    const reply = await call.client.get(
      `/api/v2/surveys/satisfaction_ratings?created_since=${encodeURIComponent(cursor.since)}&per_page=${PER_PAGE}&page=${cursor.page}`,
    );
    const list = parse(z.array(FreshdeskRating), reply.json, 'satisfaction ratings');
    const newest = list.reduce<string | undefined>((max, r) => later(max, r.created_at), cursor.newest);
    const next = advance(cursor, list.length, newest);
    return { events: list.flatMap(ratingEvents), ...next, through: next.done ? next.cursor.since : null };
  },
};

const agentOf = (a: z.infer<typeof FreshdeskAgent>): VendorAgent => ({
  handles: [`freshdesk:${a.id}`, ...(a.contact.email ? [`email:${a.contact.email.toLowerCase()}`] : [])],
  name: a.contact.name?.trim() || a.contact.email || `freshdesk:${a.id}`,
});

export function freshdeskVendor(credentials: Credentials): PullVendor {
  return {
    authorization: () => `Basic ${Buffer.from(`${credentials.apiKey}:X`).toString('base64')}`,
    async check(client) {
      const reply = await client.get(`/api/v2/agents?per_page=${PER_PAGE}&page=1`);
      return parse(z.array(FreshdeskAgent), reply.json, 'agents').length;
    },
    async agents(client) {
      const agents: VendorAgent[] = [];
      for (let page = 1; page <= PAGE_CAP; page++) {
        const list = parse(
          z.array(FreshdeskAgent),
          (await client.get(`/api/v2/agents?per_page=${PER_PAGE}&page=${page}`)).json,
          'agents',
        );
        agents.push(...list.map(agentOf));
        if (list.length < PER_PAGE) break;
      }
      return agents;
    },
    streams: [tickets, ratings],
  };
}
