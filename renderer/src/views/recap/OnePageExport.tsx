import { useCallback } from 'react';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';
import { toBase64 } from '../timeline/portfolio';
import type { OnePage } from './recap-text';

const saved = (r: { saved: boolean }) => (r.saved ? 'Saved.' : 'Not saved.');
/** "sidekick-weekly-recap-zoë-nguyễn-2026-03-09": a name in any script stays readable. */
export const fileStem = (kind: string, name: string, week: string) =>
  `sidekick-${kind}-${name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')}-${week}`;

/**
 * The recap or briefing as a printable one-page PDF (the portfolio's printer, jspdf loaded on demand) and as
 * JSON, saved through the host.
 */
export function OnePageExport({ page, data, stem }: { page: OnePage; data: unknown; stem: string }) {
  const api = useApi();
  const exportPdf = useCallback(async () => {
    const { loadPortfolioFont, sectionsPdf } = await import('../timeline/export-pdf');
    const font = await loadPortfolioFont();
    return api.saveFile({
      suggestedName: `${stem}.pdf`,
      mimeType: 'application/pdf',
      base64: toBase64(sectionsPdf(page, font, { onePage: true })),
    });
  }, [api, page, stem]);
  const exportJson = useCallback(
    () =>
      api.saveFile({
        suggestedName: `${stem}.json`,
        mimeType: 'application/json',
        base64: toBase64(new TextEncoder().encode(JSON.stringify(data, null, 2))),
      }),
    [api, data, stem],
  );
  const pdf = useAction(exportPdf, saved);
  const json = useAction(exportJson, saved);
  return (
    <div>
      <div className="row">
        <button
          type="button"
          className="small"
          onClick={() => void pdf.start()}
          disabled={pdf.status.kind === 'running'}
        >
          {pdf.status.kind === 'running' ? 'Preparing PDF…' : 'Export PDF'}
        </button>
        <button
          type="button"
          className="small"
          onClick={() => void json.start()}
          disabled={json.status.kind === 'running'}
        >
          Export JSON
        </button>
      </div>
      <ActionFeedback status={pdf.status} />
      <ActionFeedback status={json.status} />
    </div>
  );
}
