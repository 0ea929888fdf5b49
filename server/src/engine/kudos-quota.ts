import type { Kysely } from 'kysely';
import { peerKudosQuota } from '../../../shared/domain/kudos-rules';
import type { Database } from '../store/schema';
import { peerKudosSentSince } from '../store/repos/kudos-repo';

/** Any calendar day in any zone lies within the last 50 hours, so this is all the engine needs to look at. */
const LOOKBACK_MS = 50 * 3_600_000;

/** Peer kudos sent today in the sender's own time zone, against the daily cap (engine: peerKudosQuota). */
export async function kudosQuota(
  db: Kysely<Database>,
  personId: string,
  timezone: string,
  now: string,
): Promise<{ sentToday: number; dailyCap: number }> {
  const sentAt = await peerKudosSentSince(
    db,
    personId,
    new Date(Date.parse(now) - LOOKBACK_MS).toISOString(),
  );
  const { sentToday, dailyCap } = peerKudosQuota({ sentAt, now, timezone });
  return { sentToday, dailyCap };
}
