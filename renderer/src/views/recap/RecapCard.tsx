import type { OwnPastNumber, WeeklyRecap } from '../../../../shared/domain/recap-model';
import { shortDate } from '../../format/time';
import { OnePageExport, fileStem } from './OnePageExport';
import { PageSections } from './PageSections';
import { recapPage } from './recap-text';

const CHANGE: Record<OwnPastNumber['change'], string> = {
  above_usual: 'above your usual',
  usual: 'about your usual',
  below_usual: 'below your usual',
  first_weeks: 'no usual yet',
};

function Tile({ label, n }: { label: string; n: OwnPastNumber }) {
  return (
    <div className={`recap-tile recap-${n.change}`}>
      <span className="recap-value">{n.value}</span>
      <span className="recap-label">{label}</span>
      <span className="meta">
        {CHANGE[n.change]}
        {n.usual !== null && n.change !== 'usual' ? ` (${Math.round(n.usual * 10) / 10})` : ''}
      </span>
    </div>
  );
}

/**
 * The agent's week in review on Today: three numbers against their own past, then the whole week (kudos,
 * bests, missions, streak, the new week's offers) one click away, and the one-page export.
 */
export function RecapCard({ recap }: { recap: WeeklyRecap }) {
  const page = recapPage(recap);
  return (
    <article className="card recap" aria-label="Your week in review" id={recap.id}>
      <h3>Your week in review</h3>
      <p className="meta">Week of {shortDate(recap.weekStart)} · compared only with your own past weeks</p>
      <div className="recap-tiles">
        <Tile label="solved" n={recap.solved} />
        <Tile label="customers helped" n={recap.customersHelped} />
        <Tile label="thanks" n={recap.thanksReceived} />
      </div>
      <p className="meta">
        {recap.kudos.length === 0
          ? 'No kudos named you this week.'
          : `${recap.kudos.length} ${recap.kudos.length === 1 ? 'kudos' : 'kudos'} named you`}
        {recap.personalBests.length > 0 &&
          ` · ${recap.personalBests.length} personal best${recap.personalBests.length === 1 ? '' : 's'}`}
        {` · streak ${recap.streak.current}`}
      </p>
      <details>
        <summary>The whole week</summary>
        <PageSections sections={page.sections.slice(1)} />
        <OnePageExport
          page={page}
          data={recap}
          stem={fileStem('weekly-recap', recap.name, recap.weekStart)}
        />
      </details>
    </article>
  );
}
