import type { ImportSummary } from '../../../shared/api/import';

/** The summary a person reads at the end of an import. */
export function formatSummary(s: ImportSummary): string {
  const rate = s.seconds > 0 ? Math.round(s.events / s.seconds) : s.events;
  const lines = [
    `Read ${s.records} records in ${s.seconds.toFixed(1)} s (${rate} events/s).`,
    `Events: ${s.events} derived, ${s.accepted} accepted, ${s.duplicates} duplicates (already imported).`,
    `Records with nothing to import (no change worth an event): ${s.recordsWithoutEvents}.`,
    `Rejected: ${s.rejectedCount}${s.rejectedCount > 0 ? ':' : '.'}`,
    ...s.rejected.map((r) => `  line ${r.line}: ${r.reason}`),
  ];
  if (s.rejectedCount > s.rejected.length)
    lines.push(
      `  … and ${s.rejectedCount - s.rejected.length} more (use --rejections FILE to keep them all)`,
    );
  return lines.join('\n');
}
