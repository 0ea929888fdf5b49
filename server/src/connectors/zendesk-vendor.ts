import { z } from 'zod';
import type { ZendeskCredentials } from '../../../shared/api/connections';
import {
  type PullStream,
  type PullVendor,
  type VendorAgent,
  epochSeconds,
  isoOfSeconds,
} from './pull-stream';
import { VendorBadResponse, type VendorClient } from './vendor-http';
import {
  ZendeskMetricEvent,
  ZendeskMetricSet,
  ZendeskRating,
  ZendeskTicket,
  ZendeskTicketEvent,
  ZendeskUser,
  assigneesOf,
  metricEventEvents,
  ratingEvents,
  ticketEventEvents,
  ticketEvents,
} from './zendesk-records';

/**
 * Zendesk's APIs as the poller reads them:
 * - users: GET /api/v2/users.json?role[]=agent&role[]=admin, following next_page (or links.next);
 * - tickets: the cursor-based incremental export /api/v2/incremental/tickets/cursor.json (start_time once, then
 *   cursor=after_cursor) with metric sets. It filters on generated_timestamp, so a late change to an old ticket
 *   comes back; an empty page may come before end_of_stream, so only end_of_stream ends the read;
 * - ticket events: the time-based export /api/v2/incremental/ticket_events.json?include=comment_events
 *   (start_time = the previous end_time; the page at end_time can repeat, which idempotent ids absorb);
 * - ticket metric events: the time-based export /api/v2/incremental/ticket_metric_events.json?start_time=
 *   (next start_time = end_time, like ticket events): every resolution's solve, credited to the assignee the
 *   ticket pages of the same poll showed;
 * - satisfaction ratings: /api/v2/satisfaction_ratings.json?start_time=, following next_page.
 */
type Credentials = z.infer<typeof ZendeskCredentials>;

const parse = <S extends z.ZodType>(schema: S, json: unknown, what: string): z.output<S> => {
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new VendorBadResponse(
      `Zendesk's ${what} page is not in the documented shape (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''})`,
    );
  return parsed.data;
};

const UsersPage = z.object({
  users: z.array(ZendeskUser),
  next_page: z.string().nullable().optional(),
  meta: z.object({ has_more: z.boolean() }).partial().optional(),
  links: z.object({ next: z.string().nullable() }).partial().optional(),
});

const agentOf = (u: z.infer<typeof ZendeskUser>): VendorAgent => ({
  handles: [`zendesk:${u.id}`, ...(u.email ? [`email:${u.email.toLowerCase()}`] : [])],
  name: u.name?.trim() || u.email || `zendesk:${u.id}`,
});

const USERS_PATH = '/api/v2/users.json?role[]=agent&role[]=admin';

function nextUsersPage(page: z.infer<typeof UsersPage>): string | null {
  if (page.next_page) return page.next_page;
  if (page.meta?.has_more && page.links?.next) return page.links.next;
  return null;
}

const TicketsCursor = z.union([z.object({ startTime: z.number() }), z.object({ cursor: z.string() })]);
const TicketsPage = z.object({
  tickets: z.array(ZendeskTicket),
  metric_sets: z.array(ZendeskMetricSet).optional(),
  after_cursor: z.string().nullable().optional(),
  end_of_stream: z.boolean(),
});

const tickets: PullStream = {
  name: 'tickets',
  initial: (startFrom) => ({ startTime: epochSeconds(startFrom) }),
  describe: (c) => {
    const cursor = TicketsCursor.parse(c);
    return 'cursor' in cursor ? `after cursor ${cursor.cursor}` : `from ${isoOfSeconds(cursor.startTime)}`;
  },
  async page(c, call) {
    const cursor = TicketsCursor.parse(c);
    const query =
      'cursor' in cursor ? `cursor=${encodeURIComponent(cursor.cursor)}` : `start_time=${cursor.startTime}`;
    const reply = await call.client.get(
      `/api/v2/incremental/tickets/cursor.json?${query}&include=metric_sets`,
    );
    const page = parse(TicketsPage, reply.json, 'incremental tickets');
    const metrics = new Map((page.metric_sets ?? []).map((m) => [m.ticket_id, m]));
    const events = page.tickets.flatMap((t) => ticketEvents(t, metrics.get(t.id)));
    for (const [ticketId, assignee] of assigneesOf(page.tickets))
      call.ticketAssignees.set(ticketId, assignee);
    const newest = page.tickets.reduce<string | null>((max, t) => {
      const at = t.updated_at ?? t.created_at;
      return max === null || Date.parse(at) > Date.parse(max) ? at : max;
    }, null);
    return {
      events,
      cursor: page.after_cursor ? { cursor: page.after_cursor } : cursor,
      done: page.end_of_stream,
      through: newest ? new Date(Date.parse(newest)).toISOString() : null,
    };
  },
};

const EventsCursor = z.object({ startTime: z.number() });
const EventsPage = z.object({
  ticket_events: z.array(ZendeskTicketEvent),
  end_time: z.number().nullable().optional(),
  end_of_stream: z.boolean(),
});

const ticketEventsStream: PullStream = {
  name: 'ticket_events',
  initial: (startFrom) => ({ startTime: epochSeconds(startFrom) }),
  describe: (c) => `from ${isoOfSeconds(EventsCursor.parse(c).startTime)}`,
  async page(c, call) {
    const cursor = EventsCursor.parse(c);
    const reply = await call.client.get(
      `/api/v2/incremental/ticket_events.json?start_time=${cursor.startTime}&include=comment_events`,
    );
    const page = parse(EventsPage, reply.json, 'incremental ticket events');
    const events = page.ticket_events.flatMap((e) => ticketEventEvents(e, call.agentIds));
    // end_time is where the next request starts; a page without one (or not moving on) has nothing further.
    const end = page.end_time ?? cursor.startTime;
    return {
      events,
      cursor: { startTime: Math.max(end, cursor.startTime) },
      done: page.end_of_stream || end <= cursor.startTime,
      through: isoOfSeconds(Math.max(end, cursor.startTime)),
    };
  },
};

const MetricEventsPage = z.object({
  ticket_metric_events: z.array(ZendeskMetricEvent),
  end_time: z.number().nullable().optional(),
  next_page: z.string().nullable().optional(),
  end_of_stream: z.boolean().optional(),
});

const metricEventsStream: PullStream = {
  name: 'ticket_metric_events',
  initial: (startFrom) => ({ startTime: epochSeconds(startFrom) }),
  describe: (c) => `from ${isoOfSeconds(EventsCursor.parse(c).startTime)}`,
  async page(c, call) {
    const cursor = EventsCursor.parse(c);
    const reply = await call.client.get(
      `/api/v2/incremental/ticket_metric_events.json?start_time=${cursor.startTime}`,
    );
    const page = parse(MetricEventsPage, reply.json, 'incremental ticket metric events');
    const events = page.ticket_metric_events.flatMap((e) => metricEventEvents(e, call.ticketAssignees));
    // As with ticket events: the next request starts at end_time, and a page that does not move on is the end.
    const end = Math.max(page.end_time ?? cursor.startTime, cursor.startTime);
    return {
      events,
      cursor: { startTime: end },
      done: page.end_of_stream === true || !page.next_page || end <= cursor.startTime,
      through: isoOfSeconds(end),
    };
  },
};

const RatingsCursor = z.object({
  startTime: z.number(),
  nextPage: z.string().nullable().default(null),
  newest: z.number().optional(),
});
const RatingsPage = z.object({
  satisfaction_ratings: z.array(ZendeskRating),
  next_page: z.string().nullable().optional(),
});

const ratings: PullStream = {
  name: 'satisfaction_ratings',
  initial: (startFrom) => ({ startTime: epochSeconds(startFrom), nextPage: null }),
  describe: (c) => {
    const cursor = RatingsCursor.parse(c);
    return cursor.nextPage
      ? `reading ${new URL(cursor.nextPage).search}`
      : `from ${isoOfSeconds(cursor.startTime)}`;
  },
  async page(c, call) {
    const cursor = RatingsCursor.parse(c);
    const reply = await call.client.get(
      cursor.nextPage ?? `/api/v2/satisfaction_ratings.json?start_time=${cursor.startTime}`,
    );
    const page = parse(RatingsPage, reply.json, 'satisfaction ratings');
    const newest = page.satisfaction_ratings.reduce(
      (max, r) => Math.max(max, epochSeconds(r.updated_at ?? r.created_at)),
      cursor.newest ?? cursor.startTime,
    );
    const events = page.satisfaction_ratings.flatMap(ratingEvents);
    if (page.next_page)
      return { events, cursor: { ...cursor, nextPage: page.next_page, newest }, done: false, through: null };
    // Read to the end: the next poll asks again from the newest rating seen (inclusive; repeats are duplicates).
    return {
      events,
      cursor: { startTime: newest, nextPage: null },
      done: true,
      through: isoOfSeconds(newest),
    };
  },
};

export function zendeskVendor(credentials: Credentials): PullVendor {
  return {
    authorization: () =>
      credentials.kind === 'oauth'
        ? `Bearer ${credentials.accessToken}`
        : `Basic ${Buffer.from(`${credentials.email}/token:${credentials.token}`).toString('base64')}`,
    async check(client) {
      const reply = await client.get(USERS_PATH);
      return parse(UsersPage, reply.json, 'users').users.length;
    },
    async agents(client: VendorClient) {
      const agents: VendorAgent[] = [];
      let next: string | null = USERS_PATH;
      for (let pages = 0; next !== null && pages < 1000; pages++) {
        const page = parse(UsersPage, (await client.get(next)).json, 'users');
        agents.push(...page.users.filter((u) => u.role !== 'end-user').map(agentOf));
        next = nextUsersPage(page);
      }
      return agents;
    },
    streams: [tickets, ticketEventsStream, metricEventsStream, ratings],
  };
}
