import type { SidekickApi } from '../../../../shared/ipc/contract';
import type { TeamBriefing } from '../../../../shared/domain/recap-model';
import { Section } from '../../components/Section';
import { shortDate } from '../../format/time';
import { OnePageExport, fileStem } from '../recap/OnePageExport';
import { PageSections } from '../recap/PageSections';
import { briefingPage } from '../recap/recap-text';
import { useTeamRead } from './use-team-read';

const readBriefing = (api: SidekickApi, teamId: string): Promise<TeamBriefing> =>
  api.getTeamBriefing({ teamId });

/** A one-line count for the folded briefing. */
const summary = (b: TeamBriefing) => {
  const forgotten = b.recognise.filter((r) => r.notRecognised).length;
  const waiting = b.ideasWaiting.length + b.consultationsWaiting.length;
  return `${forgotten} to recognise · ${waiting} waiting for your answer · ${b.checkInsDue.length} check-ins due · ${b.coachingOverdue.length} coaching overdue`;
};

/**
 * The supervisor's weekly briefing in the Team view: the team's last week as one page for the weekly meeting
 * (everyone to recognise, what waits for their answer, check-ins due on shared growth plans, overdue coaching), folded to one line until opened,
 * printable as a PDF.
 */
export function BriefingSection({ teamId }: { teamId: string }) {
  const { value: briefing, error, reload } = useTeamRead(teamId, readBriefing, { reloadOnVisible: true });
  if (error && !briefing)
    return (
      <Section title="Weekly briefing">
        <div role="alert" className="feedback error">
          The weekly briefing could not be loaded: {error}{' '}
          <button type="button" className="small" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      </Section>
    );
  if (!briefing) return null;
  const page = briefingPage(briefing);
  return (
    <Section title={`Weekly briefing — week of ${shortDate(briefing.weekStart)}`}>
      <details className="card recap" id={briefing.id}>
        <summary>{summary(briefing)}</summary>
        <PageSections sections={page.sections} />
        <OnePageExport
          page={page}
          data={briefing}
          stem={fileStem('weekly-briefing', briefing.teamName, briefing.weekStart)}
        />
      </details>
    </Section>
  );
}
