import type { ImportReply } from '../../../../shared/api/import';

/** The importer's summary, with every rejected line it reports and why (the first thousand, the count exact). */
export function ImportSummaryView({ fileName, summary }: { fileName: string; summary: ImportReply }) {
  const shown = summary.rejected.length;
  // Optional in the shared schema so an older server's reply still parses; this server always sends both.
  const warnings = summary.warnings ?? [];
  return (
    <div className="stack" role="status" aria-label={`Import summary of ${fileName}`}>
      <p>
        <span className="user-text">{fileName}</span>: {summary.accepted} new events from {summary.records}{' '}
        records in {summary.seconds.toFixed(1)} s
        {summary.duplicates > 0 ? `, ${summary.duplicates} already stored` : ''}
        {summary.rejectedCount > 0 ? `, ${summary.rejectedCount} lines rejected` : ', nothing rejected'}.
        {summary.recomputed ? ' Missions, streaks and offers were recomputed.' : ''}
      </p>
      <dl className="facts admin-facts">
        <dt>Records read</dt>
        <dd>{summary.records}</dd>
        <dt>Events</dt>
        <dd>{summary.events}</dd>
        <dt>New</dt>
        <dd>{summary.accepted}</dd>
        <dt>Already stored</dt>
        <dd>{summary.duplicates}</dd>
        <dt>Records without events</dt>
        <dd>{summary.recordsWithoutEvents}</dd>
        <dt>Left out by the row filter</dt>
        <dd>{summary.filtered ?? 0}</dd>
        <dt>Rejected lines</dt>
        <dd>{summary.rejectedCount}</dd>
      </dl>
      {warnings.length > 0 && (
        <div role="alert" aria-label="Import warnings">
          <h4 className="admin-subhead">Warnings</h4>
          <ul className="plain">
            {warnings.map((w) => (
              <li key={w.kind}>
                <strong>Warning:</strong> <span className="user-text">{w.message}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {shown > 0 && (
        <>
          <h4 className="admin-subhead">
            Rejected lines
            {shown < summary.rejectedCount ? ` (the first ${shown} of ${summary.rejectedCount})` : ''}
          </h4>
          <ol className="plain admin-rejected" aria-label="Rejected lines">
            {summary.rejected.map((r) => (
              <li key={`${r.line}-${r.reason}`}>
                Line {r.line}: <span className="user-text">{r.reason}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
