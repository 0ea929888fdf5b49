import { randomUUID } from 'node:crypto';
import { TeamKudosReply } from '../../shared/api/actions';
import { apiRoutes } from '../../shared/api/routes';
import type { Fleet } from '../fleet/fleet';
import { markerText } from '../fleet/protocol';
import { request } from './api';
import { nowMs } from './clock';

/**
 * The two kudos the live-push benchmarks time (benchmark 2 on one SQLite server, benchmark 7 across instances
 * on PostgreSQL): the same routes, bodies and checks, so their numbers stay comparable.
 */

/** One team-wide supervisor kudos: a single POST, stored in one transaction, one kudos per member. */
export async function postTeamKudos(
  url: string,
  supervisorToken: string,
  teamId: string,
  members: number,
  marker: string,
): Promise<void> {
  const reply = await request(url, 'POST', apiRoutes.teamKudos.path.replace(':teamId', teamId), {
    token: supervisorToken,
    headers: { 'idempotency-key': randomUUID() },
    body: {
      value: 'Teamwork',
      message: `Great week, everyone — the backlog is gone. ${markerText(marker)}`,
    },
  });
  if (reply.status >= 300)
    throw new Error(`team kudos answered ${reply.status}: ${reply.text.slice(0, 300)}`);
  const ids = TeamKudosReply.parse(JSON.parse(reply.text)).kudosIds.length;
  if (ids !== members) throw new Error(`team kudos created ${ids} kudos for ${members} members`);
}

/** One supervisor kudos to one person. */
export async function postKudos(
  url: string,
  supervisorToken: string,
  toPersonId: string,
  marker: string,
): Promise<void> {
  const reply = await request(url, 'POST', apiRoutes.sendKudos.path, {
    token: supervisorToken,
    headers: { 'idempotency-key': randomUUID() },
    body: {
      toPersonId,
      value: 'Ownership',
      message: `Thanks for owning the escalation. ${markerText(marker)}`,
    },
  });
  if (reply.status >= 300) throw new Error(`kudos answered ${reply.status}: ${reply.text.slice(0, 300)}`);
}

export interface Round {
  /** Per client: ms from the POST being sent to the kudos arriving on its socket. */
  latencies: number[];
  /** When the POST was acknowledged, ms after it was sent. */
  lastAckMs: number;
}

/** Times one send until every client of `fleet` got `marker`; fails if any client never got it. */
export async function timeRound(
  fleet: Pick<Fleet, 'expect' | 'size'>,
  marker: string,
  send: () => Promise<void>,
): Promise<Round> {
  const t0 = nowMs();
  await send();
  const lastAckMs = nowMs() - t0;
  const delivered = await fleet.expect(marker, 120_000);
  if (delivered.missing > 0)
    throw new Error(`${delivered.missing} of ${fleet.size} clients never got kudos ${marker}`);
  return { latencies: delivered.times.map((t) => t - t0), lastAckMs };
}
