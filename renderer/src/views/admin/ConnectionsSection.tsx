import { useEffect, useRef, useState } from 'react';
import type { SidekickApi } from '../../../../shared/ipc/contract';
import { EmptyState } from '../../components/EmptyState';
import { useNow } from '../../components/use-now';
import { AddConnectionForm } from './AddConnectionForm';
import { ConnectionItem } from './ConnectionItem';
import { LoadError } from './LoadError';
import { useAdminRead } from './use-admin-read';

const readConnections = (api: SidekickApi) => api.adminListConnections();

/**
 * Helpdesk pull connections: each one's status, refreshed every few seconds while the section is open (a sync
 * runs on the server, the console only watches), and the form to add one. When a sync brings in events, the
 * people lists are told, so the helpdesk's agents show up without a manual refresh.
 */
export function ConnectionsSection({ onImported }: { onImported: () => void }) {
  const { value, error, reload } = useAdminRead(readConnections, { everyMs: 4_000 });
  const now = useNow(10_000);
  const [adding, setAdding] = useState(false);
  const imported = value?.connections.reduce((n, c) => n + c.eventsImported, 0) ?? null;
  const lastImported = useRef<number | null>(null);
  useEffect(() => {
    if (imported === null) return;
    if (lastImported.current !== null && imported !== lastImported.current) onImported();
    lastImported.current = imported;
  }, [imported, onImported]);
  return (
    <>
      {error && <LoadError what="The connections" error={error} retry={() => void reload()} />}
      {!value && !error && <p aria-busy="true">Loading the connections…</p>}
      {value && value.connections.length === 0 && !adding && (
        <EmptyState title="No helpdesk connected yet">
          Add Zendesk or Freshdesk: the server reads its agents and tickets on a schedule.
        </EmptyState>
      )}
      {value && value.connections.length > 0 && (
        <ul className="plain stack" aria-label="Connections">
          {value.connections.map((c) => (
            <ConnectionItem key={c.id} connection={c} now={now} onChanged={() => void reload()} />
          ))}
        </ul>
      )}
      {adding ? (
        <AddConnectionForm
          onAdded={() => {
            setAdding(false);
            void reload();
          }}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          Add a connection
        </button>
      )}
    </>
  );
}
