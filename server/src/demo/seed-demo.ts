import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Kudos, KudosValue, Profile } from '../../../shared/domain/people-model';
import { weekWindow } from '../../../shared/domain/time';
import { personKudos } from '../../../shared/domain/kudos-rules';
import type { AppContext } from '../core/context';
import type { Principal } from '../auth/principal';
import { issueToken } from '../auth/tokens';
import { revokeLabelledTokensOf } from '../store/repos/tokens-repo';
import { createPerson, createTeam } from '../actions/admin-actions';
import { ingestEvents } from '../ingest/ingest-service';
import { recomputeAll } from '../engine/recompute';
import { assignMission, writeCoachingCard } from '../actions/supervisor-actions';
import { acceptOffer, submitIdea, updateProfile } from '../actions/agent-actions';
import { openOffers } from '../store/repos/offers-repo';
import { insertKudos } from '../store/repos/kudos-repo';
import { handleOwner, peopleByHandles } from '../store/repos/handles-repo';
import { DEFAULT_DAILY_GOAL, DEFAULT_SCHEDULE } from '../../../shared/api/admin';
import { deliverKudos } from '../engine/kudos-delivery';
import { runUnitOfWork } from '../store/unit-of-work';
import { toIsoUtc } from '../store/time';
import { updateRecognitionSettings } from '../actions/recognition-settings';
import { demoHistory, type DemoAgentProfile } from './demo-history';

export interface DemoToken {
  id: string;
  name: string;
  role: 'agent' | 'supervisor' | 'admin';
  token: string;
}

const TEAM = { name: 'Care Crew', timezone: 'Europe/Warsaw' };
const SUPERVISOR = { key: 'maja', name: 'Maja Kowalska' };
const AGENTS: Array<DemoAgentProfile & { key: string; name: string }> = [
  {
    key: 'ana',
    name: 'Ana Silva',
    handle: 'zendesk:9001',
    frtMinutes: 25,
    ticketsPerDay: 7,
    happy: 0.92,
    daysOff: [-9],
    toughDay: true,
  },
  {
    key: 'ben',
    name: 'Ben Okafor',
    handle: 'zendesk:9002',
    frtMinutes: 45,
    ticketsPerDay: 5,
    happy: 0.8,
    happyBefore: 0.68,
    daysOff: [-15, -14],
    toughDay: true,
  },
  {
    key: 'chloe',
    name: 'Chloé Martin',
    handle: 'zendesk:9003',
    frtMinutes: 18,
    ticketsPerDay: 8,
    happy: 0.88,
    daysOff: [],
  },
  {
    key: 'dev',
    name: 'Dev Patel',
    handle: 'zendesk:9004',
    frtMinutes: 35,
    ticketsPerDay: 6,
    happy: 0.85,
    daysOff: [-3],
  },
  {
    key: 'emma',
    name: 'Emma Nowak',
    handle: 'zendesk:9005',
    frtMinutes: 60,
    ticketsPerDay: 4,
    happy: 0.75,
    happyBefore: 0.55,
    daysOff: [-21, -20, -19],
  },
  {
    key: 'felix',
    name: 'Felix Wagner',
    handle: 'zendesk:9006',
    frtMinutes: 30,
    ticketsPerDay: 6,
    happy: 0.9,
    daysOff: [-6],
  },
];
const SEED = 20_260_301;
/** Who opted in to the most-improved board; Chloé and Felix did not, and appear on no board. */
const BOARD_OPT_INS = ['ana', 'ben', 'dev', 'emma'];
/** The label of the demo's sign-in tokens (tokens an admin issued to demo people keep theirs). */
const DEMO_TOKEN_LABEL = 'demo';

const field = (text: string, visibility: 'me' | 'supervisor' | 'team') => ({ text, visibility });

async function issueAll(
  ctx: AppContext,
  people: Array<{ id: string; name: string; role: DemoToken['role'] }>,
): Promise<DemoToken[]> {
  const out: DemoToken[] = [];
  for (const p of people) {
    // Only the tokens shown at this start sign in: the ones printed at every earlier `--demo` start stop working.
    await revokeLabelledTokensOf(ctx.store.db, p.id, DEMO_TOKEN_LABEL, toIsoUtc(ctx.clock()));
    out.push({
      ...p,
      token: (await issueToken(ctx.store.db, p.id, 'person', DEMO_TOKEN_LABEL, ctx.clock())).token,
    });
  }
  return out;
}

/**
 * The demo team: Care Crew (Europe/Warsaw, Mon–Fri 09–17), a supervisor and six agents with four weeks of
 * deterministic history ending now, offers, missions (assigned and accepted), kudos, a coaching card, an idea.
 * Running it again on a seeded store seeds nothing and only issues fresh tokens, revoking the earlier demo ones.
 */
export async function seedDemo(ctx: AppContext): Promise<DemoToken[]> {
  const db = ctx.store.db;
  const marker = await handleOwner(db, `demo:${SUPERVISOR.key}`);
  const keys = [SUPERVISOR.key, ...AGENTS.map((a) => a.key)];
  if (marker !== null) {
    const rows = await peopleByHandles(
      db,
      keys.map((k) => `demo:${k}`),
    );
    const order = (h: string) => keys.indexOf(h.slice('demo:'.length));
    return issueAll(
      ctx,
      rows
        .sort((a, b) => order(a.handle) - order(b.handle))
        .map((r) => ({ id: r.id, name: r.name, role: r.role as DemoToken['role'] })),
    );
  }
  const now = ctx.clock();
  const today = DateTime.fromJSDate(now, { zone: TEAM.timezone }).startOf('day');
  // The team has worked together for the four weeks of history, so they joined before it began.
  const joined = today.minus({ days: 28 }).toJSDate();
  const team = await createTeam(
    db,
    {
      ...TEAM,
      dailyGoal: DEFAULT_DAILY_GOAL,
      schedule: DEFAULT_SCHEDULE,
    },
    now,
  );
  const supervisor = await createPerson(
    ctx,
    {
      name: SUPERVISOR.name,
      role: 'supervisor',
      teamIds: [team.id],
      timezone: TEAM.timezone,
      handles: [`demo:${SUPERVISOR.key}`],
      schedule: null,
      absences: [],
    },
    joined,
  );
  const agents = [];
  for (const a of AGENTS) {
    const absences = a.daysOff.map((d, i) => ({
      date: today.plus({ days: d }).toISODate() ?? '',
      kind: i === 0 && a.daysOff.length === 1 ? ('sick' as const) : ('leave' as const),
    }));
    const person = await createPerson(
      ctx,
      {
        name: a.name,
        role: 'agent',
        teamIds: [team.id],
        timezone: TEAM.timezone,
        handles: [`demo:${a.key}`, a.handle, `email:${a.key}@carecrew.example`],
        schedule: null,
        absences,
      },
      joined,
    );
    agents.push({ ...a, id: person.id });
  }
  const handles = agents.map((a) => a.handle);
  const history = agents.flatMap((a, i) =>
    demoHistory(
      a,
      SEED + i,
      now,
      TEAM.timezone,
      handles.filter((h) => h !== a.handle),
    ),
  );
  await ingestEvents(ctx, history, { deferRefresh: true });

  const principal = (id: string, role: Principal['role']): Principal => ({
    personId: id,
    role,
    tokenKind: 'person',
    teamIds: [team.id],
  });
  const boss = principal(supervisor.id, 'supervisor');
  const profiles: Record<string, Profile> = {
    ana: {
      purposeWhy: field('I like turning a bad day into a good one for someone.', 'team'),
      purposeWhere: field('Team lead in two years.', 'supervisor'),
      passions: field('Climbing and sourdough.', 'team'),
      strengths: field('Calm with upset customers.', 'supervisor'),
      skillsToGrow: field('Billing and refunds edge cases.', 'supervisor'),
    },
    dev: {
      purposeWhy: field('Helping people get unstuck.', 'supervisor'),
      purposeWhere: field('Move into QA or tooling.', 'supervisor'),
      passions: field('Board games, cycling.', 'team'),
      strengths: field('Writing clear macros.', 'team'),
      skillsToGrow: field('Phone calls with angry customers.', 'me'),
    },
  };
  for (const a of agents) {
    const profile = profiles[a.key];
    if (profile) await updateProfile(ctx, principal(a.id, 'agent'), profile, `demo-profile-${a.key}`);
  }

  await recomputeAll(ctx);
  for (const a of agents)
    if (BOARD_OPT_INS.includes(a.key))
      await updateRecognitionSettings(ctx, principal(a.id, 'agent'), { boardOptIn: true });

  const week = weekWindow(now.toISOString(), TEAM.timezone);
  await assignMission(
    ctx,
    boss,
    {
      agentIds: [],
      teamId: team.id,
      spec: {
        title: 'Solve 250 tickets together this week',
        metric: 'solved',
        comparator: 'atLeast',
        target: 250,
        window: { start: week.from, end: week.to },
        minSample: 1,
        guardrails: [{ metric: 'csatPct', comparator: 'atLeast', threshold: 85 }],
        reward: { points: 60 },
      },
    },
    'demo-mission-team',
  );
  for (const a of agents.slice(0, 3)) {
    const offer =
      (await openOffers(db, a.id)).find((o) => o.kind === 'steady') ?? (await openOffers(db, a.id))[0];
    if (offer)
      await acceptOffer(ctx, principal(a.id, 'agent'), { offerId: offer.id }, `demo-accept-${a.key}`);
  }

  const byKey = new Map(agents.map((a) => [a.key, a]));
  const kudos: Array<[string, string, KudosValue, string, number]> = [
    ['maja', 'ana', 'Tough customer', 'You turned the angry refund caller into a fan — ticket 4471.', -1],
    ['chloe', 'ana', 'Knowledge sharing', 'Your macro for VAT invoices saved me an hour today.', -4],
    ['ana', 'chloe', 'Teamwork', 'Thanks for covering my queue during the outage.', -2],
    ['maja', 'dev', 'Ownership', 'You followed up on the shipping bug until engineering fixed it.', -6],
    ['felix', 'ben', 'Empathy', 'Loved how gently you handled the bereavement cancellation.', -3],
    ['maja', 'felix', 'Quality', 'QA gave your chat transcripts a 98 — textbook.', -8],
  ];
  const names = new Map([
    [SUPERVISOR.key, { id: supervisor.id, name: supervisor.name, role: 'supervisor' }],
    ...agents.map((a) => [a.key, { id: a.id, name: a.name, role: 'agent' }] as const),
  ]);
  await runUnitOfWork(ctx.store, ctx.bus, now, async (uow) => {
    for (const [from, to, value, message, days] of kudos) {
      const f = names.get(from);
      const t = byKey.get(to);
      if (!f || !t) continue;
      const k: Kudos = {
        ...personKudos({
          id: randomUUID(),
          kind: f.role === 'agent' ? 'peer' : 'supervisor',
          from: f,
          to: t,
          note: { message, value, ticketId: null, ticketUrl: null },
          at: new Date(now.getTime() + days * 86_400_000).toISOString(),
        }),
        // Older demo kudos were read the day after they arrived.
        readAt: days < -3 ? new Date(now.getTime() + (days + 1) * 86_400_000).toISOString() : null,
      };
      await insertKudos(uow.trx, k, null);
      await deliverKudos(uow, k);
    }
  });

  const emma = byKey.get('emma');
  if (emma) {
    await writeCoachingCard(
      ctx,
      boss,
      {
        agentId: emma.id,
        focusMetric: 'frtAvgMinutes',
        current: 'First replies take about an hour on average.',
        potential: 'Under 40 minutes, like the rest of the team.',
        advice:
          'Start the day with a 15-minute sweep of new tickets and send a short first answer before digging in.',
        tasks: [
          { text: 'Try the morning sweep for three days', due: today.plus({ days: 3 }).toISODate() },
          { text: 'Save two first-reply macros', due: today.plus({ days: 5 }).toISODate() },
        ],
      },
      'demo-coaching-emma',
    );
  }
  const chloe = byKey.get('chloe');
  if (chloe)
    await submitIdea(
      ctx,
      principal(chloe.id, 'agent'),
      {
        title: 'Shared snippet library for refunds',
        body: 'One place for the refund wording we all keep rewriting.',
        anonymous: false,
      },
      'demo-idea-chloe',
    );

  return issueAll(ctx, [
    { id: supervisor.id, name: supervisor.name, role: 'supervisor' },
    ...agents.map((a) => ({ id: a.id, name: a.name, role: 'agent' as const })),
  ]);
}
