import type { ToughDaySuggestion } from '../../../../shared/domain/recognition-model';
import type { SidekickApi } from '../../../../shared/ipc/contract';
import { EmptyState } from '../../components/EmptyState';
import { prefillKudos } from '../kudos/kudos-draft';
import { useTeamRead } from './use-team-read';

const readToughDays = (api: SidekickApi, teamId: string) => api.getToughDays({ teamId });

/**
 * Tough days count: days an agent handled several unhappy or abusive customers to the end, as reasons for
 * kudos. "Give kudos" prefills the composer with the value and a message the supervisor can edit before sending.
 * Only ever a reason to thank someone; there is nothing here to hold against anyone.
 */
export function ToughDays({
  teamId,
  supervisorId,
  onKudos,
}: {
  teamId: string;
  supervisorId: string;
  onKudos: (personId: string) => void;
}) {
  const { value, error } = useTeamRead(teamId, readToughDays, { reloadOnVisible: true });
  if (error) return <p className="meta">Tough days could not be loaded: {error}</p>;
  if (!value) return <p aria-busy="true">Looking for tough days…</p>;
  if (value.suggestions.length === 0)
    return (
      <EmptyState title="No tough days to recognise">
        When someone handles several unhappy or abusive customers to the end in a day, it shows here as a
        reason for kudos.
      </EmptyState>
    );
  const give = (s: ToughDaySuggestion) => {
    prefillKudos(supervisorId, {
      to: s.personId,
      value: s.kudos.value,
      message: s.kudos.message,
      ticket: '',
    });
    onKudos(s.personId);
  };
  return (
    <ul className="plain stack">
      {value.suggestions.map((s) => (
        <li key={`${s.personId}-${s.date}`} className="card tough-day" aria-label={`${s.name}, ${s.date}`}>
          <p className="user-text">{s.reason}</p>
          <p className="meta">Tickets {s.ticketIds.join(', ')}</p>
          <button type="button" className="small" onClick={() => give(s)}>
            Give {s.name} kudos
          </button>
        </li>
      ))}
    </ul>
  );
}
