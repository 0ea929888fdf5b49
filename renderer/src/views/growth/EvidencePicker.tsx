import { useState } from 'react';
import type { Snapshot } from '../../../../shared/api/snapshot';
import { KUDOS_EVIDENCE_MAX_COUNT, type PlanEvidence } from '../../../../shared/domain/growth-plan-model';
import { KudosValue } from '../../../../shared/domain/people-model';
import { METRIC_LABELS } from '../../format/metrics';

type Kind = PlanEvidence['kind'];
const KIND_LABELS: Record<Kind, string> = {
  mission: 'A mission',
  coaching: 'A coaching card',
  kudos: 'Kudos for a value',
  certification: 'A certification',
};

/**
 * Adds one piece of evidence to a skill, chosen from the agent's own records: their missions, their coaching
 * cards, a kudos value and how many, or a certification (linked to a career milestone once it is recorded).
 */
export function EvidencePicker({
  snapshot,
  skillName,
  onAdd,
}: {
  snapshot: Snapshot;
  skillName: string;
  onAdd: (evidence: PlanEvidence) => void;
}) {
  const [kind, setKind] = useState<Kind>('kudos');
  const missions = snapshot.missions.map((m) => m.mission);
  const cards = snapshot.coaching;
  const milestones = snapshot.timeline.filter((e) => e.kind === 'career_milestone');
  const [missionId, setMissionId] = useState('');
  const [cardId, setCardId] = useState('');
  const [value, setValue] = useState<KudosValue>('Empathy');
  const [count, setCount] = useState(3);
  const [certName, setCertName] = useState('');
  const [milestoneId, setMilestoneId] = useState('');

  const picked = (): PlanEvidence | null => {
    switch (kind) {
      case 'mission': {
        const m = missions.find((x) => x.id === (missionId || missions[0]?.id));
        return m ? { kind, missionId: m.id, label: m.title } : null;
      }
      case 'coaching': {
        const c = cards.find((x) => x.id === (cardId || cards[0]?.id));
        return c
          ? { kind, cardId: c.id, label: `${METRIC_LABELS[c.focusMetric]} with ${c.authorName}` }
          : null;
      }
      case 'kudos':
        return {
          kind,
          value,
          count: Math.min(Math.max(Math.round(count) || 1, 1), KUDOS_EVIDENCE_MAX_COUNT),
        };
      case 'certification': {
        const name = certName.trim();
        return name ? { kind, name, milestoneId: milestoneId || null } : null;
      }
    }
  };
  const evidence = picked();
  const none = (what: string) => <p className="meta">{what}</p>;
  return (
    <div className="plan-picker" role="group" aria-label={`Add evidence to ${skillName}`}>
      <label>
        Evidence
        <select aria-label="Evidence" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {Object.entries(KIND_LABELS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {kind === 'mission' &&
        (missions.length === 0 ? (
          none('No missions yet: accept an offer or ask your supervisor for one.')
        ) : (
          <label>
            Mission
            <select
              aria-label="Mission"
              value={missionId || missions[0]?.id}
              onChange={(e) => setMissionId(e.target.value)}
            >
              {missions.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}
                  {m.status === 'completed' ? ' (done)' : ''}
                </option>
              ))}
            </select>
          </label>
        ))}
      {kind === 'coaching' &&
        (cards.length === 0 ? (
          none('No coaching cards yet.')
        ) : (
          <label>
            Coaching card
            <select
              aria-label="Coaching card"
              value={cardId || cards[0]?.id}
              onChange={(e) => setCardId(e.target.value)}
            >
              {cards.map((c) => (
                <option key={c.id} value={c.id}>
                  {METRIC_LABELS[c.focusMetric]} with {c.authorName}
                  {c.completedAt ? ' (done)' : ''}
                </option>
              ))}
            </select>
          </label>
        ))}
      {kind === 'kudos' && (
        <div className="row">
          <label>
            Value
            <select aria-label="Value" value={value} onChange={(e) => setValue(e.target.value as KudosValue)}>
              {KudosValue.options.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <label>
            How many
            <input
              type="number"
              min={1}
              max={KUDOS_EVIDENCE_MAX_COUNT}
              value={count}
              onChange={(e) => setCount(Number(e.target.value))}
            />
          </label>
        </div>
      )}
      {kind === 'certification' && (
        <>
          <label>
            Certification
            <input
              type="text"
              maxLength={200}
              value={certName}
              placeholder="Complaint handling"
              onChange={(e) => setCertName(e.target.value)}
            />
          </label>
          <label>
            Recorded as
            <select
              aria-label="Recorded as"
              value={milestoneId}
              onChange={(e) => setMilestoneId(e.target.value)}
            >
              <option value="">Not yet — a target</option>
              {milestones.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <button
        type="button"
        className="small"
        disabled={!evidence}
        onClick={() => evidence && onAdd(evidence)}
      >
        Add evidence
      </button>
    </div>
  );
}
