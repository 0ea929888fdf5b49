import type { Snapshot } from '../../../../shared/api/snapshot';
import type { ConsultationResults } from '../../../../shared/domain/consultation-model';
import { youSaidWeDid } from '../../../../shared/domain/consultations';
import { EmptyState } from '../../components/EmptyState';
import { dateTime } from '../../format/time';
import { ConsultationResultsList } from './ConsultationResultsList';

const OUTCOME: Record<string, string> = {
  done: 'Done',
  planned: 'Planned',
  declined: 'Declined',
  decided: 'Decided',
};

/** The one history of ideas and consultations: what the team said, and what came of it. */
export function YouSaidWeDid({ snapshot }: { snapshot: Snapshot }) {
  const history = youSaidWeDid(snapshot.ideas, snapshot.consultations);
  const resultsOf = (id: string) => snapshot.consultations.find((c) => c.id === id)?.publishedResults ?? null;
  if (history.length === 0)
    return (
      <EmptyState title="Nothing closed yet">
        When an idea is planned or done, or a question your team was asked is decided, it shows up here.
      </EmptyState>
    );
  return (
    <ul className="plain stack">
      {history.map((h) => (
        <li key={`${h.kind}:${h.id}`} className="card said-did" aria-label={h.said}>
          <p className="meta">
            <span className={`pill pill-status-${h.outcome}`}>{OUTCOME[h.outcome]}</span> ·{' '}
            {h.kind === 'idea' ? 'an idea' : 'a question to the team'} ·{' '}
            {dateTime(h.at, snapshot.person.timezone)}
          </p>
          <p>
            <strong>You said:</strong> <span className="user-text">{h.said}</span>
          </p>
          <p>
            <strong>We did:</strong> <span className="user-text">{h.did}</span>
          </p>
          {h.why && (
            <p>
              <strong>Why:</strong> <span className="user-text">{h.why}</span>
            </p>
          )}
          {h.kind === 'consultation' && <Published results={resultsOf(h.id)} />}
        </li>
      ))}
    </ul>
  );
}

function Published({ results }: { results: ConsultationResults | null }) {
  if (!results) return null;
  return (
    <details>
      <summary>What the team said</summary>
      <ConsultationResultsList results={results} />
    </details>
  );
}
