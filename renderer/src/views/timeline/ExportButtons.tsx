import { useCallback } from 'react';
import type { Snapshot } from '../../../../shared/api/snapshot';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';
import { portfolioOf, toBase64 } from './portfolio';

/** "sidekick-portfolio-zoë-nguyễn-łukasiewicz-2026-03-12": a name in any script stays readable. */
const fileStem = (snapshot: Snapshot, at: string) =>
  `sidekick-portfolio-${snapshot.person.name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')}-${at.slice(0, 10)}`;
const saved = (r: { saved: boolean }) => (r.saved ? 'Saved.' : 'Not saved.');

/** Export the portfolio for a promotion talk: JSON at once, PDF after loading jspdf on demand. */
export function ExportButtons({ snapshot }: { snapshot: Snapshot }) {
  const api = useApi();
  const exportJson = useCallback(async () => {
    const at = new Date().toISOString();
    const bytes = new TextEncoder().encode(JSON.stringify(portfolioOf(snapshot, at), null, 2));
    return api.saveFile({
      suggestedName: `${fileStem(snapshot, at)}.json`,
      mimeType: 'application/json',
      base64: toBase64(bytes),
    });
  }, [api, snapshot]);
  const exportPdf = useCallback(async () => {
    const at = new Date().toISOString();
    const { loadPortfolioFont, portfolioPdf } = await import('./export-pdf');
    const font = await loadPortfolioFont();
    return api.saveFile({
      suggestedName: `${fileStem(snapshot, at)}.pdf`,
      mimeType: 'application/pdf',
      base64: toBase64(portfolioPdf(snapshot, at, font)),
    });
  }, [api, snapshot]);
  const json = useAction(exportJson, saved);
  const pdf = useAction(exportPdf, saved);
  return (
    <div>
      <div className="row">
        <button type="button" onClick={() => void pdf.start()} disabled={pdf.status.kind === 'running'}>
          {pdf.status.kind === 'running' ? 'Preparing PDF…' : 'Export PDF'}
        </button>
        <button type="button" onClick={() => void json.start()} disabled={json.status.kind === 'running'}>
          Export JSON
        </button>
      </div>
      <ActionFeedback status={pdf.status} />
      <ActionFeedback status={json.status} />
    </div>
  );
}
