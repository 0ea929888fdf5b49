import { useCallback, useState, type FormEvent } from 'react';
import type { CreatedToken, TokenRecord } from '../../../../shared/api/admin';
import type { SidekickApi } from '../../../../shared/ipc/contract';
import { useApi } from '../../api/api-context';
import { ago } from '../../format/time';
import { useNow } from '../../components/use-now';
import { PairDeviceButton } from '../team/PairDeviceButton';
import { LoadError } from './LoadError';
import { Outcome, useAdminAction } from './use-admin-action';
import { useAdminRead } from './use-admin-read';

function tokenLine(t: TokenRecord, now: number): string {
  const what = t.kind === 'ingest' ? 'Ingest token' : 'Device token';
  const label = t.label ? ` “${t.label}”` : '';
  const used = t.lastUsedAt ? `last used ${ago(t.lastUsedAt, now)}` : 'never used';
  const state = t.revokedAt ? `revoked ${ago(t.revokedAt, now)}` : used;
  return `${what}${label}, made ${ago(t.createdAt, now)}, ${state}`;
}

/**
 * A person's devices: their tokens (never the secret, which is shown once when made) with when each was last
 * used, a revoke for each, a new device or ingest token, and pairing codes — a new one, and those still waiting.
 */
export function PersonTokens({
  personId,
  name,
  timeZone,
}: {
  personId: string;
  name: string;
  timeZone: string;
}) {
  const api = useApi();
  const now = useNow(30_000);
  const read = useCallback((a: SidekickApi) => a.adminListTokens({ id: personId }), [personId]);
  const { value, error, reload } = useAdminRead(read);
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<'person' | 'ingest'>('person');
  const [made, setMade] = useState<CreatedToken | null>(null);
  const { busy, outcome, run } = useAdminAction();
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setMade(null);
    const created = await run(
      'create',
      () => api.adminCreateToken({ id: personId, token: { kind, label: label.trim() } }),
      () => 'Copy the token now: it is not shown again.',
    );
    if (created) {
      setMade(created);
      setLabel('');
      void reload();
    }
  };
  const revoke = async (what: 'token' | 'code', id: string) => {
    await run(
      `revoke-${id}`,
      () => (what === 'token' ? api.adminRevokeToken({ id }) : api.adminRevokePairingCode({ id })),
      () => (what === 'token' ? 'Revoked: that device is signed out now.' : 'The code no longer works.'),
    );
    void reload();
  };
  const live = value?.tokens.filter((t) => !t.revokedAt) ?? [];
  const revoked = value?.tokens.filter((t) => t.revokedAt) ?? [];
  return (
    <div className="stack">
      {error && <LoadError what={`${name}’s tokens`} error={error} retry={() => void reload()} />}
      {value && (
        <ul className="plain stack" aria-label={`Tokens of ${name}`}>
          {live.length === 0 && <li className="meta">No working tokens.</li>}
          {live.map((t) => (
            <li key={t.id}>
              {tokenLine(t, now)}{' '}
              <button
                type="button"
                className="small"
                disabled={busy !== null}
                onClick={() => void revoke('token', t.id)}
              >
                Revoke<span className="sr-only"> {tokenLine(t, now)}</span>
              </button>
            </li>
          ))}
          {revoked.map((t) => (
            <li key={t.id} className="muted">
              {tokenLine(t, now)}
            </li>
          ))}
          {value.pairingCodes.map((c) => (
            <li key={c.id}>
              Pairing code made {ago(c.createdAt, now)}, unused{' '}
              <button
                type="button"
                className="small"
                disabled={busy !== null}
                onClick={() => void revoke('code', c.id)}
              >
                Withdraw<span className="sr-only"> the pairing code made {ago(c.createdAt, now)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <PairDeviceButton personId={personId} name={name} timeZone={timeZone} />
      <form className="form" onSubmit={create} aria-label={`New token for ${name}`}>
        <div className="row">
          <label>
            Token kind
            <select value={kind} onChange={(e) => setKind(e.target.value as 'person' | 'ingest')}>
              <option value="person">Device</option>
              <option value="ingest">Ingest (for a script)</option>
            </select>
          </label>
          <label>
            Label
            <input
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              maxLength={200}
              placeholder="laptop"
            />
          </label>
        </div>
        <button type="submit" className="small" disabled={busy !== null}>
          Make a token<span className="sr-only"> for {name}</span>
        </button>
      </form>
      {made && (
        <div className="pair-code" role="status" aria-label={`New token for ${name}`}>
          <p className="meta">Shown this once; copy it now:</p>
          <code className="admin-secret">{made.token}</code>
        </div>
      )}
      <Outcome outcome={outcome} />
    </div>
  );
}
