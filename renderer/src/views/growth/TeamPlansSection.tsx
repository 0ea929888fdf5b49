import './growth-plan.css';
import type { SidekickApi } from '../../../../shared/ipc/contract';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { useTeamRead } from '../team/use-team-read';
import { CheckInForm } from './CheckInForm';
import { PlanProgressList } from './PlanProgressList';
import { checkInSentence, evidenceCount, lastCheckInSentence } from './plan-words';

const readPlans = (api: SidekickApi, teamId: string) => api.getTeamPlans({ teamId });

/**
 * The supervisor's side: check-ins to prepare (overdue, today, soon) and the plans agents chose to share.
 * A plan kept to "only me" never reaches this view (the server does not send it).
 */
export function TeamPlansSection({ teamId, timeZone }: { teamId: string; timeZone: string }) {
  const { value, error, loading, reload } = useTeamRead(teamId, readPlans, { reloadOnVisible: true });
  const refresh = (
    <button
      type="button"
      className="small"
      aria-label="Refresh growth plans"
      onClick={() => void reload()}
      disabled={loading}
    >
      Refresh
    </button>
  );
  return (
    <Section title="Growth plans" actions={refresh}>
      {error && (
        <p role="alert" className="feedback error">
          The shared plans could not be loaded: {error}
        </p>
      )}
      {!value && !error && <p aria-busy="true">Loading plans…</p>}
      {value && (
        <>
          {value.checkInsDue.length > 0 && (
            <div className="nudge plan-reminders" role="status">
              <p className="nudge-summary">Check-ins to prepare</p>
              <ul className="plain">
                {value.checkInsDue.map((c) => (
                  <li key={c.agentId}>
                    <strong className="user-text">{c.name}</strong> —{' '}
                    {checkInSentence(c.nextCheckIn, c.checkIn)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {value.plans.length === 0 ? (
            <EmptyState title="No shared plans">
              Plans appear here when agents share them with you. Each agent chooses.
            </EmptyState>
          ) : (
            <ul className="plain stack">
              {value.plans.map((p) => (
                <li key={p.agentId} className="card plan-card">
                  <details>
                    <summary>
                      <strong className="user-text">{p.name}</strong>:{' '}
                      <span className="user-text">{p.plan.goal.text}</span>
                      <span className="meta"> · {evidenceCount(p.progress.met, p.progress.total)}</span>
                    </summary>
                    {checkInSentence(p.plan.nextCheckIn, p.checkIn) && (
                      <p className="plan-check-in">{checkInSentence(p.plan.nextCheckIn, p.checkIn)}</p>
                    )}
                    {p.plan.lastCheckIn && (
                      <p className="meta">{lastCheckInSentence(p.plan.lastCheckIn, timeZone)}</p>
                    )}
                    <PlanProgressList progress={p.progress} />
                    <CheckInForm agentId={p.agentId} name={p.name} onRecorded={() => void reload()} />
                  </details>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Section>
  );
}
