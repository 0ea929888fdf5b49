import { useCallback, useState, type FormEvent } from 'react';
import { SavePlanBody } from '../../../../shared/api/growth-plans';
import type { Snapshot } from '../../../../shared/api/snapshot';
import {
  PLAN_MAX_EVIDENCE,
  PLAN_MAX_SKILLS,
  type PlanDraft,
  type PlanGoal,
} from '../../../../shared/domain/growth-plan-model';
import { evidenceKey, evidenceLabel, planDraftProblems } from '../../../../shared/domain/growth-plans';
import type { Visibility } from '../../../../shared/domain/people-model';
import { useApi } from '../../api/api-context';
import { receiptSentence, useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';
import { EvidencePicker } from './EvidencePicker';
import { GOAL_KINDS, PLAN_VISIBILITY } from './plan-words';

export const EMPTY_PLAN: PlanDraft = {
  goal: { kind: 'role_here', text: '' },
  skills: [],
  visibility: 'me',
  nextCheckIn: null,
};
const saved = receiptSentence('Plan saved');

/** Writes the whole plan: the goal, skills with their evidence, who sees it, and the next check-in. */
export function PlanEditor({
  snapshot,
  initial,
  seenCheckInAt,
  onSaved,
}: {
  snapshot: Snapshot;
  initial: PlanDraft;
  /** The last check-in on the plan as opened: a check-in recorded meanwhile keeps its agreed date. */
  seenCheckInAt: string | null;
  onSaved?: () => void;
}) {
  const api = useApi();
  const [draft, setDraft] = useState<PlanDraft>(initial);
  const [newSkill, setNewSkill] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useCallback((body: SavePlanBody) => api.savePlan(body), [api]);
  const { status, start } = useAction(save, saved);
  const patch = (p: Partial<PlanDraft>) => setDraft((d) => ({ ...d, ...p }));
  const setSkills = (fn: (skills: PlanDraft['skills']) => PlanDraft['skills']) =>
    setDraft((d) => ({ ...d, skills: fn(d.skills) }));

  const addSkill = () => {
    const name = newSkill.trim();
    if (!name || draft.skills.length >= PLAN_MAX_SKILLS) return;
    if (draft.skills.some((s) => s.name.trim().toLowerCase() === name.toLowerCase())) {
      setInvalid(`“${name}” is already on the plan.`);
      return;
    }
    setInvalid(null);
    setSkills((skills) => [...skills, { name, evidence: [] }]);
    setNewSkill('');
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = SavePlanBody.safeParse({
      ...draft,
      goal: { ...draft.goal, text: draft.goal.text.trim() },
      seenCheckInAt,
    });
    if (!parsed.success) {
      setInvalid('Say where you want to go, and give the check-in a full date (or none).');
      return;
    }
    const problem = planDraftProblems(parsed.data)[0];
    if (problem) {
      setInvalid(problem.message);
      return;
    }
    setInvalid(null);
    if (await start(parsed.data)) onSaved?.();
  };

  return (
    <form className="form" onSubmit={submit} aria-label="Your growth plan">
      <div className="row">
        <label>
          Where I want to go
          <select
            aria-label="Where I want to go"
            value={draft.goal.kind}
            onChange={(e) => patch({ goal: { ...draft.goal, kind: e.target.value as PlanGoal['kind'] } })}
          >
            {Object.entries(GOAL_KINDS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Goal
        <input
          type="text"
          maxLength={200}
          value={draft.goal.text}
          placeholder={draft.goal.kind === 'role_here' ? 'Team lead, escalations' : 'Technical writing'}
          onChange={(e) => patch({ goal: { ...draft.goal, text: e.target.value } })}
        />
      </label>
      <fieldset className="group">
        <legend>Skills it needs</legend>
        {draft.skills.length === 0 && (
          <p className="meta">Add the skills this goal takes, then what builds each.</p>
        )}
        {draft.skills.map((skill, i) => (
          <div key={skill.name} className="plan-edit-skill">
            <div className="plan-skill-head">
              <strong className="user-text">{skill.name}</strong>
              <button
                type="button"
                className="small"
                aria-label={`Remove the skill ${skill.name}`}
                onClick={() => setSkills((skills) => skills.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </div>
            <ul className="plain plan-evidence">
              {skill.evidence.map((e, j) => (
                <li key={evidenceKey(e)}>
                  <span className="user-text">{evidenceLabel(e)}</span>{' '}
                  <button
                    type="button"
                    className="small"
                    aria-label={`Remove ${evidenceLabel(e)}`}
                    onClick={() =>
                      setSkills((skills) =>
                        skills.map((s, k) =>
                          k === i ? { ...s, evidence: s.evidence.filter((_, l) => l !== j) } : s,
                        ),
                      )
                    }
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
            {skill.evidence.length < PLAN_MAX_EVIDENCE && (
              <EvidencePicker
                snapshot={snapshot}
                skillName={skill.name}
                onAdd={(e) =>
                  setSkills((skills) =>
                    skills.map((s, k) =>
                      k === i && !s.evidence.some((x) => evidenceKey(x) === evidenceKey(e))
                        ? { ...s, evidence: [...s.evidence, e] }
                        : s,
                    ),
                  )
                }
              />
            )}
          </div>
        ))}
        {draft.skills.length < PLAN_MAX_SKILLS && (
          <div className="row">
            <label>
              New skill
              <input
                type="text"
                maxLength={100}
                value={newSkill}
                placeholder="De-escalation"
                onChange={(e) => setNewSkill(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addSkill();
                  }
                }}
              />
            </label>
            <button type="button" className="small" onClick={addSkill} disabled={!newSkill.trim()}>
              Add skill
            </button>
          </div>
        )}
      </fieldset>
      <div className="row">
        <label>
          Next check-in
          <input
            type="date"
            value={draft.nextCheckIn ?? ''}
            onChange={(e) => patch({ nextCheckIn: e.target.value || null })}
          />
        </label>
        <label>
          Who can see this plan
          <select
            aria-label="Who can see this plan"
            value={draft.visibility}
            onChange={(e) => patch({ visibility: e.target.value as Visibility })}
          >
            {Object.entries(PLAN_VISIBILITY).map(([v, text]) => (
              <option key={v} value={v}>
                {text}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="meta">
        Agree the check-in date with your supervisor; they are reminded of it only if you share.
      </p>
      {invalid && (
        <p className="feedback error" role="alert">
          {invalid}
        </p>
      )}
      <button type="submit" className="primary" disabled={status.kind === 'running'}>
        Save plan
      </button>
      <ActionFeedback status={status} />
    </form>
  );
}
