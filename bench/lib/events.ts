import type { HelpdeskEvent } from '../../shared/domain/events';
import { seededRandom } from '../../server/src/core/seeded-random';

export const agentHandle = (i: number): string => `zendesk:agent-${String(i).padStart(4, '0')}`;

export interface StreamOptions {
  agents: string[];
  /** Events are spread over [start, end). */
  start: Date;
  end: Date;
  seed?: number;
  source?: string;
  /** Prefix of external ids, so separate runs never collide. */
  runId: string;
}

/**
 * A realistic helpdesk event stream: tickets created, assigned, replied to (mostly public, some internal
 * notes), solved; about a third rated (85% satisfied, some with a comment), a few reopened, a tenth QA
 * scored, and phone agents' calls. Deterministic (seeded), so every run and every baseline sees the same rows.
 * `agentId` holds the helpdesk handle: the ingest route resolves handles to people.
 */
export function* eventStream(opts: StreamOptions): Generator<HelpdeskEvent> {
  const rnd = seededRandom(opts.seed ?? 7);
  const source = opts.source ?? 'zendesk';
  const span = opts.end.getTime() - opts.start.getTime();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  let ticket = 0;
  let n = 0;
  const id = (): string => `${opts.runId}-${++n}`;
  const iso = (ms: number): string => new Date(Math.min(ms, opts.end.getTime() - 1)).toISOString();
  for (;;) {
    ticket += 1;
    const ticketId = `${opts.runId}-T${ticket}`;
    const agentId = pick(opts.agents);
    const t0 = opts.start.getTime() + Math.floor(rnd() * span * 0.98);
    const minute = 60_000;
    yield {
      type: 'ticket_created',
      source,
      externalId: id(),
      ticketId,
      at: iso(t0),
      channel: pick(['email', 'chat', 'web', 'phone']),
    };
    yield { type: 'ticket_assigned', source, externalId: id(), ticketId, agentId, at: iso(t0 + 2 * minute) };
    let t = t0 + (5 + Math.floor(rnd() * 90)) * minute;
    const replies = 1 + Math.floor(rnd() * 3);
    for (let r = 0; r < replies; r++) {
      yield {
        type: 'agent_replied',
        source,
        externalId: id(),
        ticketId,
        agentId,
        at: iso(t),
        public: rnd() > 0.15,
      };
      t += (10 + Math.floor(rnd() * 120)) * minute;
    }
    if (rnd() < 0.2) {
      yield {
        type: 'call_handled',
        source,
        externalId: id(),
        ticketId,
        agentId,
        at: iso(t),
        talkSeconds: 120 + Math.floor(rnd() * 600),
        holdSeconds: Math.floor(rnd() * 90),
        wrapSeconds: 30 + Math.floor(rnd() * 120),
      };
    }
    yield { type: 'ticket_solved', source, externalId: id(), ticketId, agentId, at: iso(t + minute) };
    if (rnd() < 0.33) {
      const satisfied = rnd() < 0.85;
      yield {
        type: 'csat_rated',
        source,
        externalId: id(),
        ticketId,
        agentId,
        at: iso(t + 30 * minute),
        satisfied,
        originalScore: satisfied ? 'good' : 'bad',
        ...(rnd() < 0.4
          ? {
              comment: satisfied
                ? 'Quick and kind, thank you for sorting my refund.'
                : 'Took too long to hear back.',
              customerName: 'Alex Customer',
            }
          : {}),
      };
    }
    if (rnd() < 0.05)
      yield {
        type: 'ticket_reopened',
        source,
        externalId: id(),
        ticketId,
        agentId,
        at: iso(t + 120 * minute),
      };
    if (rnd() < 0.1)
      yield {
        type: 'qa_scored',
        source,
        externalId: id(),
        ticketId,
        agentId,
        at: iso(t + 240 * minute),
        score: 60 + Math.floor(rnd() * 41),
      };
  }
}

/** The first `count` events of a stream, cut into batches of `size`. */
export function batches(stream: Iterator<HelpdeskEvent>, count: number, size: number): HelpdeskEvent[][] {
  const out: HelpdeskEvent[][] = [];
  let current: HelpdeskEvent[] = [];
  for (let i = 0; i < count; i++) {
    const next = stream.next();
    if (next.done) break;
    current.push(next.value);
    if (current.length === size) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}
