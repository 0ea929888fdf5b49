import { useCallback, useState, type FormEvent } from 'react';
import { UpdateProfileBody } from '../../../../shared/api/actions';
import type { Snapshot } from '../../../../shared/api/snapshot';
import { type PROFILE_FIELDS, type Profile, type Visibility } from '../../../../shared/domain/people-model';
import { useApi } from '../../api/api-context';
import { receiptSentence, useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';
import { KnownFor } from '../../components/KnownFor';
import { MyPlanSection } from '../growth/MyPlanSection';

type Field = (typeof PROFILE_FIELDS)[number];
const GROUPS: { title: string; hint: string; fields: { key: Field; label: string }[] }[] = [
  {
    title: 'Purpose',
    hint: 'Why you are here, and where you want to go.',
    fields: [
      { key: 'purposeWhy', label: 'Why I do this work' },
      { key: 'purposeWhere', label: 'Where I want to go' },
    ],
  },
  {
    title: 'Passions',
    hint: 'What you love outside work.',
    fields: [{ key: 'passions', label: 'What I love outside work' }],
  },
  {
    title: 'Professionalism',
    hint: 'What you are good at and want to grow.',
    fields: [
      { key: 'strengths', label: 'My strengths' },
      { key: 'skillsToGrow', label: 'Skills I want to grow' },
    ],
  },
];
const VISIBILITY_LABELS: Record<Visibility, string> = {
  me: 'Only me',
  supervisor: 'Me and my supervisor',
  team: 'My team',
};
const saved = receiptSentence('Profile saved');

/** The 3 Ps. Private by default: each field says who may see it, and the agent decides. */
export function ProfileView({ snapshot }: { snapshot: Snapshot }) {
  const api = useApi();
  const [draft, setDraft] = useState<Profile>(snapshot.profile);
  const save = useCallback((profile: Profile) => api.updateProfile(profile), [api]);
  const { status, start } = useAction(save, saved);
  const set = (key: Field, patch: Partial<Profile[Field]>) =>
    setDraft((d) => ({ ...d, [key]: { ...d[key], ...patch } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void start(UpdateProfileBody.parse(draft));
  };
  return (
    <>
      <KnownFor kudos={snapshot.kudos.inbox} />
      <MyPlanSection snapshot={snapshot} />
      <form className="form" onSubmit={submit} aria-label="Your profile">
        <p className="muted">
          You own your profile. Nothing here is shared unless you choose who sees it, field by field.
        </p>
        {GROUPS.map((group) => (
          <fieldset key={group.title} className="group">
            <legend>{group.title}</legend>
            <p className="meta">{group.hint}</p>
            {group.fields.map(({ key, label }) => (
              <div key={key} className="profile-field">
                <label>
                  {label}
                  <textarea
                    rows={2}
                    maxLength={2000}
                    value={draft[key].text}
                    onChange={(e) => set(key, { text: e.target.value })}
                  />
                </label>
                <label className="inline">
                  Who can see this{' '}
                  <select
                    value={draft[key].visibility}
                    onChange={(e) => set(key, { visibility: e.target.value as Visibility })}
                    aria-label={`Who can see “${label}”`}
                  >
                    {Object.entries(VISIBILITY_LABELS).map(([value, text]) => (
                      <option key={value} value={value}>
                        {text}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
            ))}
          </fieldset>
        ))}
        <button type="submit" className="primary" disabled={status.kind === 'running'}>
          Save profile
        </button>
        <ActionFeedback status={status} />
      </form>
    </>
  );
}
