import { useCallback, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { RecordMilestoneBody } from '../../../../shared/api/actions';
import type { TeamOverview } from '../../../../shared/api/supervisor';
import type { CareerMilestone } from '../../../../shared/domain/growth-model';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';
import { MemberSelect } from './TeamFormFields';

type Kind = CareerMilestone['kind'];
const KINDS: { value: Kind; label: string }[] = [
  { value: 'promotion', label: 'Promotion' },
  { value: 'certification', label: 'Certification' },
  { value: 'anniversary', label: 'Anniversary' },
  { value: 'other', label: 'Other' },
];
type Request = z.output<typeof RecordMilestoneBody> & { agentId: string };

/** Records a career milestone (promotion, certification …) on an agent's growth timeline. */
export function MilestoneForm({ overview }: { overview: TeamOverview }) {
  const api = useApi();
  const [agentId, setAgentId] = useState(overview.members[0]?.personId ?? '');
  const [kind, setKind] = useState<Kind>('certification');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [invalid, setInvalid] = useState<string | null>(null);
  const record = useCallback((body: Request) => api.recordMilestone(body), [api]);
  const { status, start } = useAction(record, () => 'Added to their timeline.');
  if (overview.members.length === 0) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const at = new Date(`${date}T12:00:00`);
    const parsed = RecordMilestoneBody.safeParse({
      kind,
      title: title.trim(),
      detail: null,
      at: Number.isNaN(at.getTime()) ? '' : at.toISOString(),
    });
    if (!parsed.success) {
      setInvalid('Give the milestone a title and a date.');
      return;
    }
    setInvalid(null);
    if (await start({ ...parsed.data, agentId })) setTitle('');
  };
  return (
    <form className="form" onSubmit={submit} aria-label="Record a career milestone">
      <div className="row">
        <MemberSelect members={overview.members} value={agentId} onChange={setAgentId} />
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Milestone
        <input
          type="text"
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="Certified: billing specialist"
        />
      </label>
      <label>
        Date
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      {invalid && (
        <p className="feedback error" role="alert">
          {invalid}
        </p>
      )}
      <button type="submit" disabled={status.kind === 'running'}>
        Add to timeline
      </button>
      <ActionFeedback status={status} />
    </form>
  );
}
