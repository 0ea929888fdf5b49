import type { ImportSummary, ImportWarning } from '../../../shared/api/import';

/** The summary a person reads at the end of an import. */
export function formatSummary(s: ImportSummary): string {
  const rate = s.seconds > 0 ? Math.round(s.events / s.seconds) : s.events;
  const lines = [
    `Read ${s.records} records in ${s.seconds.toFixed(1)} s (${rate} events/s).`,
    `Events: ${s.events} derived, ${s.accepted} accepted, ${s.duplicates} duplicates (already imported).`,
    `Records with nothing to import (no change worth an event): ${s.recordsWithoutEvents}.`,
    ...((s.filtered ?? 0) > 0
      ? [`Records left out by the mapping's row filter (where): ${s.filtered}.`]
      : []),
    `Rejected: ${s.rejectedCount}${s.rejectedCount > 0 ? ':' : '.'}`,
    ...s.rejected.map((r) => `  ${r.file ? `${r.file} ` : ''}line ${r.line}: ${r.reason}`),
  ];
  if (s.rejectedCount > s.rejected.length)
    lines.push(
      `  … and ${s.rejectedCount - s.rejected.length} more (use --rejections FILE to keep them all)`,
    );
  if (s.warnings && s.warnings.length > 0) lines.push(formatWarnings(s.warnings));
  return lines.join('\n');
}

/** Each warning as a sentence with the first lines it concerns, for a terminal (the CLI also puts it on stderr). */
export function formatWarnings(warnings: readonly ImportWarning[]): string {
  return warnings
    .map(
      (w) =>
        `WARNING: ${w.message}${w.lines.length > 0 ? ` (line${w.lines.length > 1 ? 's' : ''} ${w.lines.join(', ')}${w.count > w.lines.length ? ', …' : ''})` : ''}`,
    )
    .join('\n');
}
