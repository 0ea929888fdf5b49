import { useState } from 'react';
import type { Snapshot } from '../../../../shared/api/snapshot';
import type { AgentCoaching } from '../../../../shared/api/supervisor';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { CoachingCardForm } from '../team/CoachingCardForm';
import { useTeamCoaching } from './use-team-coaching';
import { WrittenCardView } from './WrittenCardView';

/** "1 open · 2 completed", "No cards yet". */
function cardCounts(agent: AgentCoaching): string {
  const open = agent.cards.filter((c) => c.completedAt === null).length;
  const completed = agent.cards.length - open;
  if (agent.cards.length === 0) return 'No cards yet';
  return [open > 0 ? `${open} open` : '', completed > 0 ? `${completed} completed` : '']
    .filter(Boolean)
    .join(' · ');
}

/**
 * The supervisor's side of coaching: for each agent of the team, the cards written for them with each task's
 * progress and the agent's replies, and a way to write the next one for that agent.
 */
export function TeamCoachingView({ snapshot }: { snapshot: Snapshot }) {
  const teamIds = snapshot.person.teamIds;
  const [teamId, setTeamId] = useState<string | null>(snapshot.team?.id ?? teamIds[0] ?? null);
  const { coaching, error, loading, reload } = useTeamCoaching(teamId);
  const [writingFor, setWritingFor] = useState<string | null>(null);
  if (!teamId)
    return (
      <EmptyState title="No team yet">
        An admin can make you the supervisor of a team; its coaching cards will show up here.
      </EmptyState>
    );
  const members = coaching?.agents.map((a) => ({ personId: a.personId, name: a.name })) ?? [];
  return (
    <Section
      title={coaching ? `Coaching in ${coaching.name}` : 'Coaching your team'}
      actions={
        <button type="button" className="small" onClick={() => void reload()} disabled={loading}>
          Refresh
        </button>
      }
    >
      {teamIds.length > 1 && (
        <label className="inline">
          Team{' '}
          <select value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            {teamIds.map((id) => (
              <option key={id} value={id}>
                {id === snapshot.team?.id ? snapshot.team.name : id}
              </option>
            ))}
          </select>
        </label>
      )}
      {error && (
        <div role="alert" className="feedback error">
          Your team’s coaching cards could not be loaded: {error}{' '}
          <button type="button" className="small" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      )}
      {!coaching && !error && <p aria-busy="true">Loading your team’s coaching…</p>}
      {coaching && coaching.agents.length === 0 && (
        <EmptyState title="No agents in this team yet">
          Once an admin adds agents to the team, you can write each of them a coaching card here.
        </EmptyState>
      )}
      {coaching && coaching.agents.length > 0 && (
        <ul className="plain stack">
          {coaching.agents.map((agent) => (
            <li key={agent.personId} className="agent-coaching" aria-label={agent.name}>
              <div className="agent-coaching-head">
                <h3 className="user-text">{agent.name}</h3>
                <span className="meta">{cardCounts(agent)}</span>
                {writingFor !== agent.personId && (
                  <button type="button" className="small" onClick={() => setWritingFor(agent.personId)}>
                    Write a card<span className="sr-only"> for {agent.name}</span>
                  </button>
                )}
              </div>
              {writingFor === agent.personId && (
                <div className="card">
                  <CoachingCardForm
                    members={members}
                    agentId={agent.personId}
                    onDone={() => {
                      setWritingFor(null);
                      void reload();
                    }}
                  />
                  <button type="button" className="small" onClick={() => setWritingFor(null)}>
                    Cancel
                  </button>
                </div>
              )}
              {agent.cards.map((card) => (
                <WrittenCardView
                  key={card.id}
                  card={card}
                  timeZone={snapshot.person.timezone}
                  selfId={snapshot.person.id}
                  onChanged={() => void reload()}
                />
              ))}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
