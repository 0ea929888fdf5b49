import { DateTime } from 'luxon';
import { seededRandom } from '../core/seeded-random';

export interface DemoAgentProfile {
  handle: string;
  /** Typical first reply in minutes, tickets per day, chance a rating is happy. */
  frtMinutes: number;
  ticketsPerDay: number;
  happy: number;
  /** Local dates (YYYY-MM-DD offsets from today, negative) the agent was off or sick. */
  daysOff: number[];
  /** The chance a rating was happy more than two weeks ago, when it differs: someone who has improved. */
  happyBefore?: number;
  /** A tough day on the last working day before today: several unhappy or abusive customers seen through. */
  toughDay?: boolean;
}

const COMMENTS_HAPPY = [
  'Thank you so much, you were really patient with me.',
  'Fixed in minutes, great job!',
  'Clear explanation, finally understand my invoice.',
  'Went above and beyond to sort out my refund.',
  'Very kind and quick, thanks!',
];
const COMMENTS_UNHAPPY = ['Took too long to get an answer.', 'Still not solved properly.'];

/**
 * Four weeks of realistic helpdesk activity for one agent, in the team's zone, ending at `now`: tickets created,
 * assigned, replied (public and internal notes), solved, some rated with comments, some QA-scored, a few
 * reopened; nothing after `now`; no work on weekends or the agent's days off.
 */
export function demoHistory(
  agent: DemoAgentProfile,
  seed: number,
  now: Date,
  timezone: string,
  teammates: string[],
): Record<string, unknown>[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const nowMs = now.getTime();
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  const events: Record<string, unknown>[] = [];
  const push = (e: Record<string, unknown>) => {
    if (Date.parse(String(e.at)) <= nowMs) events.push(e);
  };
  const tag = agent.handle.replace(/[^a-z0-9]/gi, '');
  for (let d = -27; d <= 0; d++) {
    const day = today.plus({ days: d });
    if (day.weekday > 5 || agent.daysOff.includes(d)) continue;
    const tickets = Math.max(1, Math.round(agent.ticketsPerDay + (rnd() - 0.5) * 4));
    for (let i = 0; i < tickets; i++) {
      const ticketId = `demo-${tag}-${day.toISODate()}-${i}`;
      const created = day.set({ hour: 9 }).plus({ minutes: Math.floor(rnd() * 360) });
      const at = (min: number) => created.plus({ minutes: min }).toUTC().toISO() ?? '';
      const frt = Math.max(2, Math.round(agent.frtMinutes * (0.4 + rnd() * 1.2)));
      const base = { source: 'demo', ticketId };
      push({
        ...base,
        type: 'ticket_created',
        externalId: `${ticketId}:c`,
        at: at(0),
        channel: pick(['email', 'chat', 'web']),
      });
      push({ ...base, type: 'ticket_assigned', externalId: `${ticketId}:a`, agent: agent.handle, at: at(1) });
      push({
        ...base,
        type: 'agent_replied',
        externalId: `${ticketId}:r1`,
        agent: agent.handle,
        public: true,
        at: at(frt),
      });
      if (rnd() < 0.2 && teammates.length > 0)
        push({
          ...base,
          ticketId: `${ticketId}-peer`,
          type: 'agent_replied',
          externalId: `${ticketId}:note`,
          agent: agent.handle,
          public: false,
          at: at(frt + 5),
        });
      const solvedAfter = frt + 20 + Math.floor(rnd() * 180);
      push({
        ...base,
        type: 'ticket_solved',
        externalId: `${ticketId}:s`,
        agent: agent.handle,
        at: at(solvedAfter),
      });
      if (rnd() < 0.05) {
        push({
          ...base,
          type: 'ticket_reopened',
          externalId: `${ticketId}:re`,
          agent: agent.handle,
          at: at(solvedAfter + 600),
        });
        push({
          ...base,
          type: 'ticket_solved',
          externalId: `${ticketId}:s2`,
          agent: agent.handle,
          at: at(solvedAfter + 700),
        });
      }
      if (rnd() < 0.6) {
        const satisfied = rnd() < (d < -14 ? (agent.happyBefore ?? agent.happy) : agent.happy);
        const withComment = rnd() < 0.35;
        push({
          ...base,
          type: 'csat_rated',
          externalId: `${ticketId}:csat`,
          agent: agent.handle,
          at: at(solvedAfter + 120),
          satisfied,
          originalScore: satisfied ? 'good' : 'bad',
          ...(withComment
            ? {
                comment: pick(satisfied ? COMMENTS_HAPPY : COMMENTS_UNHAPPY),
                customerName: pick(['Alex', 'Sam', 'Jordan', 'Kim', 'Robin']),
              }
            : {}),
        });
      }
      if (rnd() < 0.12)
        push({
          ...base,
          type: 'qa_scored',
          externalId: `${ticketId}:qa`,
          agent: agent.handle,
          at: at(solvedAfter + 1440),
          score: Math.round(70 + rnd() * 30),
        });
    }
  }
  if (agent.toughDay) events.push(...toughDay(agent, today, nowMs));
  return events;
}

const TOUGH_TICKETS = 4;
/** What three of the four tough customers said once it was solved, and who they were. */
const THANKS: ReadonlyArray<readonly [string, string]> = [
  ['Thank you for not giving up on me.', 'Jordan'],
  ['I was so angry, and you stayed calm. Thanks.', 'Kim'],
  ['Sorry for shouting earlier. You fixed it anyway — thank you.', 'Robin'],
];

/**
 * Four tough contacts on the agent's last working day before today (the seed's "tough customers"): each customer
 * rated an early answer as unhappy, the ticket came back and the agent saw it through to a second solve (the
 * last one marked abusive by the helpdesk); three of them then said thank you. Drawn without the random source,
 * so the rest of the history is the same with or without it.
 */
function toughDay(agent: DemoAgentProfile, today: DateTime, nowMs: number): Record<string, unknown>[] {
  let day = today.minus({ days: 1 });
  for (let d = -1; day.weekday > 5 || agent.daysOff.includes(d); d--) day = today.plus({ days: d - 1 });
  const tag = agent.handle.replace(/[^a-z0-9]/gi, '');
  const out: Record<string, unknown>[] = [];
  for (let k = 0; k < TOUGH_TICKETS; k++) {
    const ticketId = `demo-${tag}-${day.toISODate()}-tough-${k}`;
    const created = day.set({ hour: 9 }).plus({ minutes: k * 60 });
    const at = (min: number) => created.plus({ minutes: min }).toUTC().toISO() ?? '';
    const base = { source: 'demo', ticketId, agent: agent.handle };
    out.push(
      {
        source: 'demo',
        ticketId,
        type: 'ticket_created',
        externalId: `${ticketId}:c`,
        at: at(0),
        channel: 'phone',
      },
      { ...base, type: 'ticket_assigned', externalId: `${ticketId}:a`, at: at(1) },
      { ...base, type: 'agent_replied', externalId: `${ticketId}:r1`, public: true, at: at(10) },
      { ...base, type: 'ticket_solved', externalId: `${ticketId}:s`, at: at(40) },
      {
        ...base,
        type: 'csat_rated',
        externalId: `${ticketId}:csat-bad`,
        at: at(60),
        satisfied: false,
        originalScore: 'bad',
        comment: COMMENTS_UNHAPPY[k % COMMENTS_UNHAPPY.length],
      },
      { ...base, type: 'ticket_reopened', externalId: `${ticketId}:re`, at: at(90) },
      { ...base, type: 'agent_replied', externalId: `${ticketId}:r2`, public: true, at: at(100) },
      {
        ...base,
        type: 'ticket_solved',
        externalId: `${ticketId}:s2`,
        at: at(150),
        ...(k === TOUGH_TICKETS - 1 ? { customerAbusive: true } : {}),
      },
    );
    const thanks = THANKS[k];
    if (thanks)
      out.push({
        ...base,
        type: 'csat_rated',
        externalId: `${ticketId}:csat-good`,
        at: at(200),
        satisfied: true,
        originalScore: 'good',
        comment: thanks[0],
        customerName: thanks[1],
      });
  }
  return out.filter((e) => Date.parse(String(e.at)) <= nowMs);
}
