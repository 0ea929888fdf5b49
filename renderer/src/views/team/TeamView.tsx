import { useState } from 'react';
import type { Snapshot } from '../../../../shared/api/snapshot';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { useNow } from '../../components/use-now';
import { AskTeamForm } from './AskTeamForm';
import { BriefingSection } from './BriefingSection';
import { AssignMissionForm } from './AssignMissionForm';
import { ConsultationReview } from './ConsultationReview';
import { CoachingCardForm } from './CoachingCardForm';
import { IdeaMover } from './IdeaMover';
import { MemberCard } from './MemberCard';
import { MilestoneForm } from './MilestoneForm';
import { TeamKudosForm } from './TeamKudosForm';
import { ToughDays } from './ToughDays';
import { useTeamOverview } from './use-team-overview';
import { TeamPlansSection } from '../growth/TeamPlansSection';

/** "Ana", "Ana and Kofi", "Ana, Kofi and Lee". */
const listOfNames = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** For supervisors: how the team is doing, who has not been recognised lately, and the tools to help. */
export function TeamView({ snapshot, onThank }: { snapshot: Snapshot; onThank: (personId: string) => void }) {
  const teamIds = snapshot.person.teamIds;
  const [teamId, setTeamId] = useState<string | null>(snapshot.team?.id ?? teamIds[0] ?? null);
  const { overview, error, loading, reload } = useTeamOverview(teamId);
  const now = useNow();
  if (snapshot.person.role === 'agent') return <p>The team view is for supervisors.</p>;
  if (!teamId)
    return (
      <EmptyState title="No team yet">
        An admin can make you the supervisor of a team; it will show up here.
      </EmptyState>
    );
  const forgotten = overview?.members.filter((m) => m.notRecognised).map((m) => m.name) ?? [];
  const nameOf = (personId: string | null) =>
    overview?.members.find((m) => m.personId === personId)?.name ?? null;
  return (
    <>
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
          The team overview could not be loaded: {error}{' '}
          <button type="button" className="small" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      )}
      {!overview && !error && <p aria-busy="true">Loading the team…</p>}
      {overview && (
        <>
          <BriefingSection teamId={teamId} />
          <Section
            title={`${overview.name} — progress`}
            actions={
              <button type="button" className="small" onClick={() => void reload()} disabled={loading}>
                Refresh
              </button>
            }
          >
            {forgotten.length > 0 && (
              <p className="nudge-summary">
                Worth a thank-you soon: <span className="user-text">{listOfNames(forgotten)}</span>.
              </p>
            )}
            {overview.members.length === 0 ? (
              <EmptyState title="Nobody in this team yet">Ask an admin to add people to the team.</EmptyState>
            ) : (
              <ul className="plain stack">
                {overview.members.map((m) => (
                  <MemberCard
                    key={m.personId}
                    member={m}
                    now={now}
                    timeZone={snapshot.person.timezone}
                    onThank={() => onThank(m.personId)}
                  />
                ))}
              </ul>
            )}
          </Section>
          <TeamPlansSection teamId={teamId} timeZone={snapshot.person.timezone} />
          <Section title="Reasons for kudos: tough days">
            <ToughDays teamId={teamId} supervisorId={snapshot.person.id} onKudos={onThank} />
          </Section>
          <Section title="Kudos to the whole team">
            <TeamKudosForm overview={overview} />
          </Section>
          <Section title="Assign a mission">
            <AssignMissionForm overview={overview} onDone={() => void reload()} />
          </Section>
          <Section title="Write a coaching card">
            <CoachingCardForm members={overview.members} />
          </Section>
          <Section title="Career milestones">
            <MilestoneForm overview={overview} />
          </Section>
          <Section title="Asked before change">
            {overview.consultations.length > 0 && (
              <ul className="plain stack">
                {overview.consultations.map((c) => (
                  <ConsultationReview
                    key={c.id}
                    consultation={c}
                    timeZone={snapshot.person.timezone}
                    now={now}
                    onDecided={() => void reload()}
                  />
                ))}
              </ul>
            )}
            <AskTeamForm overview={overview} onAsked={() => void reload()} />
          </Section>
          <Section title="Team ideas">
            {overview.ideas.length === 0 ? (
              <EmptyState title="No ideas yet">
                Ideas your team sends appear here for you to answer.
              </EmptyState>
            ) : (
              <ul className="plain stack">
                {overview.ideas.map((idea) => (
                  <IdeaMover
                    key={idea.id}
                    idea={idea}
                    authorName={idea.anonymous ? null : nameOf(idea.authorId)}
                    onMoved={() => void reload()}
                  />
                ))}
              </ul>
            )}
          </Section>
        </>
      )}
    </>
  );
}
