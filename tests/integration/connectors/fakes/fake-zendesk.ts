import { basic, startFakeHttp, type FakeHttp } from './fake-http';

/**
 * A fake Zendesk serving the documented shapes: users (role filter, next_page), the cursor-based incremental
 * ticket export with sideloaded metric_sets (ordered by generated_timestamp, an empty page before the end,
 * end_of_stream, after_cursor), the time-based ticket events export with comment events (end_time, which the
 * next request repeats), the time-based ticket metric events export (end_time, next_page), and satisfaction
 * ratings (next_page). Records can be added while it runs: a late
 * change comes back in a later export, out of order with respect to when it happened.
 */
export interface ZUser {
  id: number;
  name: string;
  email: string;
  role: 'agent' | 'admin' | 'end-user';
}
export interface ZTicket {
  id: number;
  created_at: string;
  status: string;
  assignee_id: number | null;
  solved_at?: string;
  initially_assigned_at?: string;
  generated_timestamp: number;
}
export interface ZChild {
  id: number;
  event_type: 'Comment' | 'Change';
  author_id?: number;
  public?: boolean;
  field_name?: string;
  value?: string;
  previous_value?: string;
}
export interface ZEvent {
  id: number;
  ticket_id: number;
  timestamp: number;
  child_events: ZChild[];
}
/** A ticket metric event as the incremental export lists it (metric, instance_id, type, time). */
export interface ZMetricEvent {
  id: number;
  ticket_id: number;
  metric: 'reply_time' | 'resolution_time' | 'requester_wait_time' | 'agent_work_time';
  instance_id: number;
  type: 'activate' | 'fulfill' | 'pause' | 'measure' | 'update_status';
  time: string;
}
export interface ZRating {
  id: number;
  ticket_id: number;
  assignee_id: number;
  score: string;
  comment?: string;
  updated_at: string;
}

export interface FakeZendesk extends FakeHttp {
  users: ZUser[];
  tickets: ZTicket[];
  events: ZEvent[];
  metricEvents: ZMetricEvent[];
  ratings: ZRating[];
  email: string;
  token: string;
}

const PAGE = { users: 1, tickets: 2, events: 10, metricEvents: 2, ratings: 1 };
const sec = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const cursorOf = (n: number) => Buffer.from(`pos:${n}`).toString('base64url');
const positionOf = (c: string) => Number(Buffer.from(c, 'base64url').toString().slice(4));

export async function startFakeZendesk(): Promise<FakeZendesk> {
  const email = 'admin@acme.example';
  const token = 'zd-token-1';
  const data = {
    users: [] as ZUser[],
    tickets: [] as ZTicket[],
    events: [] as ZEvent[],
    metricEvents: [] as ZMetricEvent[],
    ratings: [] as ZRating[],
  };
  let emptyPageServed = false;
  let base = '';
  const route = (url: URL): unknown => {
    const q = url.searchParams;
    if (url.pathname === '/api/v2/users.json') {
      const roles = q.getAll('role[]');
      const all = data.users.filter((u) => roles.length === 0 || roles.includes(u.role));
      const page = Number(q.get('page') ?? '1');
      const slice = all.slice((page - 1) * PAGE.users, page * PAGE.users);
      const more = page * PAGE.users < all.length;
      return {
        users: slice,
        next_page: more ? `${base}/api/v2/users.json?role[]=agent&role[]=admin&page=${page + 1}` : null,
        count: all.length,
      };
    }
    if (url.pathname === '/api/v2/incremental/tickets/cursor.json') {
      const ordered = [...data.tickets].sort(
        (a, b) => a.generated_timestamp - b.generated_timestamp || a.id - b.id,
      );
      const cursor = q.get('cursor');
      const from =
        cursor !== null
          ? positionOf(cursor)
          : ordered.findIndex((t) => t.generated_timestamp >= Number(q.get('start_time')));
      const start = from < 0 ? ordered.length : from;
      // Zendesk may answer an empty page that is not the end: only end_of_stream says so.
      if (!emptyPageServed && start > 0 && start < ordered.length) {
        emptyPageServed = true;
        return { tickets: [], metric_sets: [], after_cursor: cursorOf(start), end_of_stream: false };
      }
      const page = ordered.slice(start, start + PAGE.tickets);
      const next = start + page.length;
      return {
        tickets: page.map((t) => ({
          id: t.id,
          created_at: t.created_at,
          updated_at: new Date(t.generated_timestamp * 1000).toISOString(),
          generated_timestamp: t.generated_timestamp,
          status: t.status,
          assignee_id: t.assignee_id,
          via: { channel: 'email' },
        })),
        metric_sets: page.map((t) => ({
          ticket_id: t.id,
          initially_assigned_at: t.initially_assigned_at ?? null,
          solved_at: t.solved_at ?? null,
        })),
        after_cursor: cursorOf(next),
        after_url: `${base}/api/v2/incremental/tickets/cursor.json?cursor=${cursorOf(next)}`,
        end_of_stream: next >= ordered.length,
      };
    }
    if (url.pathname === '/api/v2/incremental/ticket_events.json') {
      const startTime = Number(q.get('start_time'));
      const ordered = data.events
        .filter((e) => e.timestamp >= startTime)
        .sort((a, b) => a.timestamp - b.timestamp);
      const page = ordered.slice(0, PAGE.events);
      const last = page.at(-1);
      return {
        ticket_events: page.map((e) => ({
          id: e.id,
          ticket_id: e.ticket_id,
          timestamp: e.timestamp,
          created_at: new Date(e.timestamp * 1000).toISOString(),
          updater_id: e.child_events[0]?.author_id ?? -1,
          via: 'Web form',
          event_type: 'Audit',
          child_events: e.child_events.map((c) => ({ via: 'Web form', ...c })),
        })),
        next_page: last ? `${base}/api/v2/incremental/ticket_events.json?start_time=${last.timestamp}` : null,
        count: page.length,
        end_time: last ? last.timestamp : startTime,
        end_of_stream: page.length === ordered.length,
      };
    }
    if (url.pathname === '/api/v2/incremental/ticket_metric_events.json') {
      const startTime = Number(q.get('start_time'));
      const ordered = data.metricEvents
        .filter((e) => sec(e.time) >= startTime)
        .sort((a, b) => sec(a.time) - sec(b.time) || a.id - b.id);
      // Like Zendesk, a page ends at a whole second: the next request (start_time = end_time) repeats that second.
      const page = ordered.slice(0, PAGE.metricEvents);
      const last = page.at(-1);
      const more = page.length < ordered.length;
      return {
        ticket_metric_events: page,
        next_page:
          more && last
            ? `${base}/api/v2/incremental/ticket_metric_events.json?start_time=${sec(last.time)}`
            : null,
        count: page.length,
        end_time: last ? sec(last.time) : startTime,
      };
    }
    if (url.pathname === '/api/v2/satisfaction_ratings.json') {
      const startTime = Number(q.get('start_time'));
      const all = data.ratings
        .filter((r) => sec(r.updated_at) >= startTime)
        .sort((a, b) => sec(a.updated_at) - sec(b.updated_at));
      const page = Number(q.get('page') ?? '1');
      const slice = all.slice((page - 1) * PAGE.ratings, page * PAGE.ratings);
      return {
        satisfaction_ratings: slice.map((r) => ({
          ...r,
          created_at: r.updated_at,
          url: `${base}/api/v2/satisfaction_ratings/${r.id}.json`,
        })),
        next_page:
          page * PAGE.ratings < all.length
            ? `${base}/api/v2/satisfaction_ratings.json?start_time=${startTime}&page=${page + 1}`
            : null,
        count: all.length,
      };
    }
    return undefined;
  };
  const http = await startFakeHttp(basic(`${email}/token`, token), route);
  base = http.url;
  return Object.assign(http, data, { email, token });
}
