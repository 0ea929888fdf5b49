import type { TeamMemberOverview } from '../../../../shared/api/supervisor';
import { ProgressRing } from '../../components/ProgressRing';
import { missionSentence } from '../../format/guardrails';
import { ago } from '../../format/time';
import { PairDeviceButton } from './PairDeviceButton';

/** One team member for a supervisor: progress, streak, when last recognised, and one-on-one prompts. */
export function MemberCard({
  member,
  now,
  timeZone,
  onThank,
}: {
  member: TeamMemberOverview;
  now: number;
  /** The supervisor's zone, for when a pairing code stops working. */
  timeZone: string;
  onThank: () => void;
}) {
  const active = member.missions.filter((m) => m.mission.status === 'active');
  return (
    <li className={`card member${member.notRecognised ? ' forgotten' : ''}`} aria-label={member.name}>
      <h3 className="user-text">{member.name}</h3>
      <p className="meta">
        Streak {member.streak.current} (longest {member.streak.longest}) ·{' '}
        {member.lastRecognisedAt ? `last kudos ${ago(member.lastRecognisedAt, now)}` : 'no kudos yet'}
      </p>
      {active.length === 0 ? (
        <p className="meta">No mission running.</p>
      ) : (
        <ul className="plain">
          {active.map((m) => (
            <li key={m.mission.id} className="member-mission">
              <ProgressRing
                ratio={m.progress.ratio}
                size={32}
                label={`${m.mission.title}: ${Math.round(m.progress.ratio * 100)}%`}
                tone={m.progress.state === 'on_track' ? 'good' : 'neutral'}
              />
              <span className="user-text">
                {m.mission.title} — {missionSentence(m.progress.sentence, m.progress.guardrails)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {member.notRecognised && (
        <div className="nudge">
          <p>
            {/* Only what is known: "no kudos yet" may be someone who joined a minute ago. */}
            <strong>
              {member.lastRecognisedAt
                ? `No kudos since ${ago(member.lastRecognisedAt, now)}.`
                : 'No kudos yet.'}
            </strong>{' '}
            Something to thank them for:
          </p>
          <ul>
            {member.suggestions.length === 0 ? (
              <li>Ask about their week in your next one-on-one.</li>
            ) : (
              member.suggestions.map((s, i) => (
                <li key={i} className="user-text">
                  {s.reason}
                  {s.ticketId ? ` (ticket ${s.ticketId})` : ''}
                </li>
              ))
            )}
          </ul>
          <button type="button" className="small" onClick={onThank}>
            Send {member.name} kudos
          </button>
        </div>
      )}
      <PairDeviceButton personId={member.personId} name={member.name} timeZone={timeZone} />
      {member.sharedProfile.length > 0 && (
        <details>
          <summary>One-on-one prompts ({member.sharedProfile.length})</summary>
          <ul>
            {member.sharedProfile.map((p) => (
              <li key={p.field} className="user-text">
                {p.prompt} <span className="meta">— “{p.text}”</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
