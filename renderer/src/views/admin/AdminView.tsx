import { useCallback } from 'react';
import type { Snapshot } from '../../../../shared/api/snapshot';
import type { SidekickApi } from '../../../../shared/ipc/contract';
import { ConnectionsSection } from './ConnectionsSection';
import { Disclosure } from './Disclosure';
import { ImportSection } from './ImportSection';
import { LoadError } from './LoadError';
import { PeopleSection } from './PeopleSection';
import { TeamsSection } from './TeamsSection';
import { UnclaimedSection } from './UnclaimedSection';
import { useAdminRead } from './use-admin-read';

const readDirectory = async (api: SidekickApi) => {
  const [teams, people] = await Promise.all([api.adminListTeams(), api.adminListPeople({})]);
  return { teams: teams.teams, people: people.people };
};

/**
 * The admin console: helpdesk connections, people the helpdesk brought in (claim or merge), people, teams and
 * history imports, each a disclosure so the popover stays a short list. Every control calls the same admin
 * route a script would (shared/api/routes.ts), through the host like the supervisor views.
 */
export function AdminView({ snapshot }: { snapshot: Snapshot }) {
  const { value, error, reload } = useAdminRead(readDirectory);
  const refresh = useCallback(() => void reload(), [reload]);
  if (snapshot.person.role !== 'admin') return <p>The admin console is for admins.</p>;
  const unclaimed = value?.people.filter((p) => !p.claimed).length ?? 0;
  const claimed = value ? value.people.length - unclaimed : 0;
  return (
    <div className="admin stack">
      <h2 className="admin-title">Admin console</h2>
      <Disclosure title="Helpdesk connections" defaultOpen>
        <ConnectionsSection onImported={refresh} />
      </Disclosure>
      {error && <LoadError what="People and teams" error={error} retry={refresh} />}
      {!value && !error && <p aria-busy="true">Loading people and teams…</p>}
      {value && (
        <>
          <Disclosure title="People to claim" badge={unclaimed > 0 ? String(unclaimed) : undefined}>
            <UnclaimedSection people={value.people} teams={value.teams} onChanged={refresh} />
          </Disclosure>
          <Disclosure title={`People (${claimed})`}>
            <PeopleSection people={value.people} teams={value.teams} onChanged={refresh} />
          </Disclosure>
          <Disclosure title={`Teams (${value.teams.length})`}>
            <TeamsSection teams={value.teams} onChanged={refresh} />
          </Disclosure>
        </>
      )}
      <Disclosure title="History import">
        <ImportSection />
      </Disclosure>
    </div>
  );
}
