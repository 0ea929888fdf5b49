import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { PEER_KUDOS_DAILY_CAP } from '../../../shared/domain/people-model';
import type { Database } from '../store/schema';
import { peerKudosSentSince } from './kudos-repo';

/** Peer kudos sent today in the sender's own time zone, against the daily cap. */
export async function kudosQuota(db: Kysely<Database>, personId: string, timezone: string, now: string): Promise<{ sentToday: number; dailyCap: number }> {
  const dayStart = DateTime.fromISO(now, { zone: timezone }).startOf('day').toUTC().toISO() ?? now;
  const sent = await peerKudosSentSince(db, personId, new Date(dayStart).toISOString());
  return { sentToday: sent.length, dailyCap: PEER_KUDOS_DAILY_CAP };
}
