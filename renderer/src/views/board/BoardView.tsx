import type { Snapshot } from '../../../../shared/api/snapshot';
import type { Improvement, ImprovementBoard } from '../../../../shared/domain/recognition-model';
import type { SidekickApi } from '../../../../shared/ipc/contract';
import { useOnlineRead } from '../../api/use-online-read';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';

const readBoard = (api: SidekickApi, teamId: string) => api.getImprovementBoard({ teamId });
const signed = (points: number) => `${points > 0 ? '+' : points < 0 ? '−' : '±'}${Math.abs(points)}`;
const monthName = (month: string) =>
  new Date(`${month}-15T12:00:00Z`).toLocaleDateString(undefined, { month: 'long', year: 'numeric' });

/** The caller's own standing, for their eyes only: never a rank below the shown part. */
function YourStanding({ improvement, shown }: { improvement: Improvement; shown: boolean }) {
  if (improvement.status === 'not_enough_data')
    return (
      <p className="meta" data-testid="board-you">
        You are not measured yet: {improvement.monthRated} of {improvement.minRated} rated tickets this month,{' '}
        {improvement.baselineRated} of {improvement.minRated} in your baseline. Small numbers never win here.
      </p>
    );
  // Someone not shown is told their own numbers without a sign or a rank: where they stand is theirs alone.
  return shown ? (
    <p className="meta" data-testid="board-you">
      You are on the board this month: {improvement.baselinePct}% → {improvement.monthPct}% satisfied,{' '}
      {signed(improvement.points)} points against your own last three months.
    </p>
  ) : (
    <p className="meta" data-testid="board-you">
      Only you see this: {improvement.monthPct}% satisfied so far this month, against{' '}
      {improvement.baselinePct}% in your own last three months.
    </p>
  );
}

function Entries({ board }: { board: ImprovementBoard }) {
  if (board.entries.length === 0)
    return (
      <EmptyState title="No board yet this month">
        It fills in when at least two people who opted in have enough ratings and someone has improved.
      </EmptyState>
    );
  return (
    <ol className="plain stack board-entries" aria-label="Most improved">
      {board.entries.map((e) => (
        <li key={e.personId} className="card board-entry">
          <span className="board-rank" aria-label={`Rank ${e.rank}`}>
            {e.rank}
          </span>
          <span className="board-name user-text">{e.name}</span>
          <span className="board-points">
            <strong>{signed(e.points)}</strong>{' '}
            <span className="meta">
              {e.baselinePct}% → {e.monthPct}%
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}

/**
 * Most improved, opt-in: the team's board for this month, ranked against each person's own baseline. Someone
 * who has not opted in sees why the board is empty for them and where to opt in; nobody is ever shown at the
 * bottom of it.
 */
export function BoardView({ snapshot, onSettings }: { snapshot: Snapshot; onSettings: () => void }) {
  const teamId = snapshot.team?.id ?? null;
  const { value: board, error, loading, reload } = useOnlineRead(teamId, readBoard);
  if (!teamId)
    return (
      <EmptyState title="No team yet">The board is for a team; once you are in one it shows here.</EmptyState>
    );
  return (
    <Section
      title={board ? `Most improved — ${monthName(board.month)}` : 'Most improved'}
      actions={
        <button type="button" className="small" onClick={() => void reload()} disabled={loading}>
          Refresh
        </button>
      }
    >
      {error && (
        <p role="alert" className="feedback error">
          The board could not be loaded: {error}
        </p>
      )}
      {!board && !error && <p aria-busy="true">Loading the board…</p>}
      {board && !board.visible && (
        <div className="empty">
          <p className="empty-title">The board is opt-in</p>
          <p>{board.note}</p>
          <button type="button" className="small" onClick={onSettings}>
            Open Settings
          </button>
        </div>
      )}
      {board?.visible && (
        <>
          <p className="meta">{board.note}</p>
          <Entries board={board} />
          {board.you && <YourStanding {...board.you} />}
        </>
      )}
    </Section>
  );
}
