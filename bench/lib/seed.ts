import { adminApi } from './api';
import { agentHandle } from './events';

export interface SeededTeam {
  teamId: string;
  supervisor: { id: string; token: string };
  agents: { id: string; handle: string; token: string }[];
  /** A token of kind `ingest`, for POST /api/ingest/events. */
  ingestToken: string;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i] as T, i);
      }
    }),
  );
  return out;
}

/**
 * A team as an admin would set it up through the admin API: a supervisor, `agents` agents with helpdesk
 * handles (agent i has agentHandle(offset + i)), a device token for each, and an ingest token.
 */
export async function seedTeam(
  baseUrl: string,
  adminToken: string,
  opts: { agents: number; name?: string; offset?: number; timezone?: string },
): Promise<SeededTeam> {
  const admin = adminApi(baseUrl, adminToken);
  const team = await admin.createTeam({
    name: opts.name ?? 'Bench team',
    timezone: opts.timezone ?? 'Europe/Warsaw',
  });
  const sup = await admin.createPerson({
    name: `${opts.name ?? 'Bench'} supervisor`,
    role: 'supervisor',
    teamIds: [team.id],
  });
  const supToken = await admin.createToken(sup.id);
  const integration = await admin.createPerson({
    name: `${opts.name ?? 'Bench'} helpdesk integration`,
    role: 'admin',
  });
  const ingestToken = await admin.createToken(integration.id, 'ingest');
  const offset = opts.offset ?? 0;
  const agents = await mapLimit(
    Array.from({ length: opts.agents }, (_, i) => i),
    8,
    async (i) => {
      const handle = agentHandle(offset + i);
      const person = await admin.createPerson({
        name: `Agent ${offset + i}`,
        role: 'agent',
        teamIds: [team.id],
        handles: [handle],
      });
      const token = await admin.createToken(person.id);
      return { id: person.id, handle, token: token.token };
    },
  );
  return {
    teamId: team.id,
    supervisor: { id: sup.id, token: supToken.token },
    agents,
    ingestToken: ingestToken.token,
  };
}
