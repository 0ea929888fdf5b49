import type { ConnectionRecord, ConnectionStatus } from '../../../../shared/api/connections';
import { useApi } from '../../api/api-context';
import { ago } from '../../format/time';
import { NewCredentialsForm } from './NewCredentialsForm';
import { Outcome, useAdminAction } from './use-admin-action';

const STATUS_LABELS: Record<ConnectionStatus, string> = {
  active: 'Active',
  paused: 'Paused',
  needs_credentials: 'Needs new credentials',
};
const VENDOR_NAMES = { zendesk: 'Zendesk', freshdesk: 'Freshdesk' } as const;

/** "2 min", "3 h", "1 day" behind the helpdesk. */
function lag(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}

/**
 * One helpdesk connection: its status in words, what the last syncs did, and its controls — test the stored
 * credentials, sync now, pause or resume, remove (imported events stay). Every call answers with a sentence.
 */
export function ConnectionItem({
  connection: c,
  now,
  onChanged,
}: {
  connection: ConnectionRecord;
  now: number;
  onChanged: () => void;
}) {
  const api = useApi();
  const { busy, outcome, run } = useAdminAction();
  const act = async (name: string, call: () => Promise<unknown>, sentence: string) => {
    await run(name, call, () => sentence);
    onChanged();
  };
  const label = `${c.name} (${VENDOR_NAMES[c.vendor]})`;
  return (
    <li className="card admin-item" aria-label={label}>
      <div className="admin-item-head">
        <strong className="user-text">{c.name}</strong>
        <span className={`pill ${c.status === 'active' ? 'pill-good' : ''}`}>{STATUS_LABELS[c.status]}</span>
      </div>
      <p className="meta">
        {VENDOR_NAMES[c.vendor]} · <span className="user-text">{c.baseUrl}</span>
        {c.login && (
          <>
            {' '}
            · <span className="user-text">{c.login}</span>
          </>
        )}
      </p>
      <p>{c.statusMessage}</p>
      <dl className="facts admin-facts">
        <dt>Last sync</dt>
        <dd>{c.lastSyncAt ? ago(c.lastSyncAt, now) : 'not yet'}</dd>
        <dt>Events imported</dt>
        <dd>{c.eventsImported}</dd>
        <dt>Behind the helpdesk</dt>
        <dd>
          {c.lagSeconds === null ? 'not known yet' : lag(c.lagSeconds)}
          {c.lastSyncAt && !c.caughtUp ? ' (still catching up)' : ''}
        </dd>
      </dl>
      {c.lastError && (
        <p className="feedback error">
          Last error{c.lastErrorAt ? ` (${ago(c.lastErrorAt, now)})` : ''}: {c.lastError}
        </p>
      )}
      <div className="row admin-actions">
        <button
          type="button"
          className="small"
          disabled={busy !== null}
          onClick={() =>
            void run(
              'check',
              () => api.adminCheckConnection({ id: c.id }),
              (check) => check.message,
            )
          }
        >
          {busy === 'check' ? 'Testing…' : 'Test'}
          <span className="sr-only"> {label}</span>
        </button>
        <button
          type="button"
          className="small"
          disabled={busy !== null || c.status !== 'active'}
          onClick={() =>
            void act(
              'sync',
              () => api.adminSyncConnection({ id: c.id }),
              'A sync starts within a few seconds.',
            )
          }
        >
          {busy === 'sync' ? 'Asking…' : 'Sync now'}
          <span className="sr-only"> {label}</span>
        </button>
        {c.status === 'paused' ? (
          <button
            type="button"
            className="small"
            disabled={busy !== null}
            onClick={() =>
              void act('resume', () => api.adminResumeConnection({ id: c.id }), 'Polling again.')
            }
          >
            Resume<span className="sr-only"> {label}</span>
          </button>
        ) : (
          <button
            type="button"
            className="small"
            disabled={busy !== null}
            onClick={() =>
              void act('pause', () => api.adminPauseConnection({ id: c.id }), 'Paused: nothing is polled.')
            }
          >
            Pause<span className="sr-only"> {label}</span>
          </button>
        )}
        <button
          type="button"
          className="small"
          disabled={busy !== null}
          onClick={() => {
            if (!window.confirm(`Remove ${c.name}? Events already imported stay.`)) return;
            void act('remove', () => api.adminDeleteConnection({ id: c.id }), 'Removed.');
          }}
        >
          Remove<span className="sr-only"> {label}</span>
        </button>
      </div>
      <Outcome outcome={outcome} />
      {c.status === 'needs_credentials' ? (
        <NewCredentialsForm connection={c} onSaved={onChanged} />
      ) : (
        <details className="admin-more">
          <summary>
            New credentials<span className="sr-only"> for {label}</span>
          </summary>
          <NewCredentialsForm connection={c} onSaved={onChanged} />
        </details>
      )}
    </li>
  );
}
