import type { ConsultationResults } from '../../../../shared/domain/consultation-model';
import { ANONYMOUS_MIN_ANSWERS } from '../../../../shared/domain/consultations';

/** What the team said, as aggregates: counts per option and the written answers, never who said what. */
export function ConsultationResultsList({ results }: { results: ConsultationResults }) {
  const answers = results.answers === 1 ? '1 answer' : `${results.answers} answers`;
  if (results.withheld)
    return (
      <p className="meta">
        {answers} — the results show from {ANONYMOUS_MIN_ANSWERS} answers on, so nobody can be picked out.
      </p>
    );
  return (
    <div className="results">
      <p className="meta">{answers}</p>
      {results.options.length > 0 && (
        <ul className="plain">
          {results.options.map((o) => (
            <li key={o.id}>
              <span className="user-text">{o.label}</span>: {o.count}
            </li>
          ))}
        </ul>
      )}
      {results.texts.length > 0 && (
        <ul className="plain stack">
          {results.texts.map((t, i) => (
            <li key={i}>
              <blockquote className="quote user-text">{t}</blockquote>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
