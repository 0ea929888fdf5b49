import { randomUUID } from 'node:crypto';
import type { Api } from './test-server';

export interface Person {
  id: string;
  name: string;
  token: string;
}

export async function createTeam(api: Api, name = 'Care Crew', timezone = 'Europe/Warsaw'): Promise<string> {
  const res = await api<{ id: string }>('POST', '/api/admin/teams', {
    body: { name, timezone, dailyGoal: { minSatisfied: 1 } },
  });
  if (res.status !== 201) throw new Error(`team: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function createPerson(
  api: Api,
  input: {
    name: string;
    role?: 'agent' | 'supervisor' | 'admin';
    teamIds?: string[];
    handles?: string[];
    timezone?: string;
  },
): Promise<Person> {
  const res = await api<{ id: string }>('POST', '/api/admin/people', {
    body: { role: 'agent', teamIds: [], ...input },
  });
  if (res.status !== 201) throw new Error(`person: ${res.status} ${JSON.stringify(res.body)}`);
  const tok = await api<{ token: string }>('POST', `/api/admin/people/${res.body.id}/tokens`, { body: {} });
  if (tok.status !== 201) throw new Error(`token: ${tok.status}`);
  return { id: res.body.id, name: input.name, token: tok.body.token };
}

/** A team with a supervisor and two agents (handles zendesk:101, zendesk:102), plus a second team's supervisor. */
export async function standardTeam(api: Api) {
  const teamId = await createTeam(api);
  const otherTeamId = await createTeam(api, 'Night Owls', 'America/Chicago');
  const supervisor = await createPerson(api, {
    name: 'Sam Supervisor',
    role: 'supervisor',
    teamIds: [teamId],
  });
  const ana = await createPerson(api, {
    name: 'Ana Agent',
    teamIds: [teamId],
    handles: ['zendesk:101', 'email:ana@example.com'],
  });
  const ben = await createPerson(api, { name: 'Ben Agent', teamIds: [teamId], handles: ['zendesk:102'] });
  const otherSupervisor = await createPerson(api, {
    name: 'Olga Other',
    role: 'supervisor',
    teamIds: [otherTeamId],
  });
  const otherAgent = await createPerson(api, {
    name: 'Oscar Other',
    teamIds: [otherTeamId],
    handles: ['zendesk:201'],
  });
  return { teamId, otherTeamId, supervisor, ana, ben, otherSupervisor, otherAgent };
}

export function key(): string {
  return randomUUID();
}

/** Real-shaped events for one ticket worked by `agent` (a handle), starting at `start`. */
export function ticketStory(
  agent: string,
  ticketId: string,
  start: string,
  opts: { frtMinutes?: number; satisfied?: boolean; comment?: string; source?: string } = {},
) {
  const t0 = Date.parse(start);
  const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
  const source = opts.source ?? 'zendesk';
  const frt = opts.frtMinutes ?? 20;
  return [
    {
      type: 'ticket_created',
      source,
      externalId: `${ticketId}:created`,
      ticketId,
      at: at(0),
      channel: 'email',
    },
    { type: 'ticket_assigned', source, externalId: `${ticketId}:assigned`, ticketId, agent, at: at(1) },
    {
      type: 'agent_replied',
      source,
      externalId: `${ticketId}:reply1`,
      ticketId,
      agent,
      at: at(frt),
      public: true,
    },
    { type: 'ticket_solved', source, externalId: `${ticketId}:solved`, ticketId, agent, at: at(frt + 30) },
    {
      type: 'csat_rated',
      source,
      externalId: `${ticketId}:csat`,
      ticketId,
      agent,
      at: at(frt + 90),
      satisfied: opts.satisfied ?? true,
      originalScore: opts.satisfied === false ? 'bad' : 'good',
      ...(opts.comment ? { comment: opts.comment } : {}),
    },
  ];
}
