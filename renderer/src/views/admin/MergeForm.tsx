import { useState, type FormEvent } from 'react';
import type { MergePreview, PersonRecord } from '../../../../shared/api/admin';
import { useApi } from '../../api/api-context';
import { Outcome, useAdminAction } from './use-admin-action';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 handles (zendesk:101, email:ana@acme.example), 14 events and no kudos" — what a merge would move. */
export function whatMoves(preview: MergePreview): string {
  const handles =
    preview.handles.length === 0
      ? 'no handles'
      : `${plural(preview.handles.length, 'handle')} (${preview.handles.join(', ')})`;
  const kudos = preview.kudos === 0 ? 'no kudos' : plural(preview.kudos, 'kudos', 'kudos');
  return `${handles}, ${plural(preview.events, 'event')} and ${kudos}`;
}

/**
 * Folds an unclaimed person into someone already here: first says what will move (handles, events, kudos),
 * then merges on a second, explicit press.
 */
export function MergeForm({
  person,
  people,
  onMerged,
}: {
  person: PersonRecord;
  people: readonly PersonRecord[];
  onMerged: () => void;
}) {
  const api = useApi();
  const targets = people.filter((p) => p.id !== person.id && p.claimed);
  const [into, setInto] = useState(targets[0]?.id ?? '');
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const { busy, outcome, run } = useAdminAction();
  if (targets.length === 0)
    return <p className="meta">No claimed person to merge into yet: add or claim one first.</p>;
  const target = targets.find((p) => p.id === into);
  const look = async (event: FormEvent) => {
    event.preventDefault();
    setPreview(null);
    const found = await run(
      'preview',
      () => api.adminMergePreview({ id: person.id, into }),
      () => '',
    );
    if (found) setPreview(found);
  };
  const merge = async () => {
    const done = await run(
      'merge',
      () => api.adminMergePerson({ id: person.id, into }),
      (p) => `${person.name} was merged into ${p.name}.`,
    );
    if (done) onMerged();
  };
  return (
    <form className="form" onSubmit={look} aria-label={`Merge ${person.name} into someone`}>
      <label>
        Merge into
        <select
          value={into}
          onChange={(e) => {
            setInto(e.target.value);
            setPreview(null);
          }}
        >
          {targets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="small" disabled={busy !== null}>
        See what will move
      </button>
      {preview && target && (
        <div className="admin-confirm" role="status">
          {preview.allowed ? (
            <>
              <p>
                Merging moves {whatMoves(preview)} from <span className="user-text">{person.name}</span> to{' '}
                <span className="user-text">{target.name}</span>, then removes {person.name}.
              </p>
              <button
                type="button"
                className="small primary"
                disabled={busy !== null}
                onClick={() => void merge()}
              >
                {busy === 'merge' ? 'Merging…' : `Merge into ${target.name}`}
              </button>
            </>
          ) : (
            <p className="feedback error">{preview.reason}</p>
          )}
        </div>
      )}
      {outcome?.message ? <Outcome outcome={outcome} /> : null}
    </form>
  );
}
