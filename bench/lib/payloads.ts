import { markerText } from '../fleet/protocol';
import type { LiveMessage } from '../../shared/api/feed';

/** The live message a supervisor kudos becomes, used as the bare baseline's broadcast payload. */
export function kudosLiveMessage(marker: string, toPersonId: string, seq: number, at: string): LiveMessage {
  return {
    kind: 'entry',
    entry: {
      seq,
      personId: toPersonId,
      at,
      type: 'kudos.upserted',
      payload: {
        id: `kudos-${marker}`,
        kind: 'supervisor',
        fromPersonId: 'sup-1',
        fromName: 'Sam Supervisor',
        toPersonId,
        toName: 'Agent',
        message: `Great teamwork on the outage queue today, everyone. ${markerText(marker)}`,
        value: 'Teamwork',
        ticketId: null,
        ticketUrl: null,
        customerQuote: null,
        at,
        thankedAt: null,
        readAt: null,
      },
    },
  };
}
