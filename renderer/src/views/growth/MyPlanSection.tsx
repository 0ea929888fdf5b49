import './growth-plan.css';
import { useState } from 'react';
import type { Snapshot } from '../../../../shared/api/snapshot';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { PlanEditor, EMPTY_PLAN } from './PlanEditor';
import { PlanProgressList } from './PlanProgressList';
import {
  GOAL_KINDS,
  PLAN_VISIBILITY,
  checkInSentence,
  evidenceCount,
  lastCheckInSentence,
} from './plan-words';

/**
 * "My plan": where the agent wants to go and what builds it, with the progress the server read from their
 * missions, coaching and kudos. The agent owns it and chooses who sees it.
 */
export function MyPlanSection({ snapshot }: { snapshot: Snapshot }) {
  const view = snapshot.plan;
  const [editing, setEditing] = useState(false);
  const toggle = (
    <button type="button" className="small" onClick={() => setEditing((e) => !e)}>
      {editing ? 'Close' : view ? 'Edit plan' : 'Start a plan'}
    </button>
  );
  const checkIn = view ? checkInSentence(view.plan.nextCheckIn, view.checkIn) : null;
  return (
    <Section title="My plan" actions={toggle}>
      {!view && !editing && (
        <EmptyState title="No plan yet">
          A plan shows the path: where you want to go, the skills it needs and what builds them. Only you see
          it unless you share it.
        </EmptyState>
      )}
      {view && !editing && (
        <div className="card plan-card">
          <p className="meta">{GOAL_KINDS[view.plan.goal.kind]}</p>
          <p className="plan-goal user-text">{view.plan.goal.text}</p>
          <p className="meta">
            {evidenceCount(view.progress.met, view.progress.total)} · Seen by:{' '}
            {PLAN_VISIBILITY[view.plan.visibility].toLowerCase()}
          </p>
          {view.progress.total > 0 && (
            <progress
              max={view.progress.total}
              value={view.progress.met}
              aria-label={`Plan: ${evidenceCount(view.progress.met, view.progress.total)}`}
            />
          )}
          {checkIn && (
            <p
              className={
                view.checkIn === 'overdue' || view.checkIn === 'due' ? 'plan-check-in due' : 'plan-check-in'
              }
            >
              {checkIn}
            </p>
          )}
          {view.plan.lastCheckIn && (
            <p className="meta">{lastCheckInSentence(view.plan.lastCheckIn, snapshot.person.timezone)}</p>
          )}
          <PlanProgressList progress={view.progress} />
        </div>
      )}
      {editing && (
        <PlanEditor
          snapshot={snapshot}
          initial={view?.plan ?? EMPTY_PLAN}
          seenCheckInAt={view?.plan.lastCheckIn?.at ?? null}
          onSaved={() => setEditing(false)}
        />
      )}
    </Section>
  );
}
