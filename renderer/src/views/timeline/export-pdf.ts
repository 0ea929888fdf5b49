import { jsPDF } from 'jspdf';
import type { Snapshot } from '../../../../shared/api/snapshot';
import { portfolioLines } from './portfolio';

/** The portfolio as a one-column A4 PDF. Loaded on demand (jspdf is large), never at start-up. */
export function portfolioPdf(snapshot: Snapshot, exportedAt: string): Uint8Array {
  const doc = new jsPDF({ unit: 'pt', format: 'a4' });
  const margin = 48;
  const width = doc.internal.pageSize.getWidth() - margin * 2;
  const bottom = doc.internal.pageSize.getHeight() - margin;
  let y = margin;
  const write = (text: string, size: number, gap: number) => {
    doc.setFontSize(size);
    for (const line of doc.splitTextToSize(text, width) as string[]) {
      if (y + size > bottom) {
        doc.addPage();
        y = margin;
      }
      doc.text(line, margin, y + size);
      y += size + gap;
    }
  };
  write(`Growth portfolio — ${snapshot.person.name}`, 18, 6);
  write(`Exported ${exportedAt.slice(0, 10)} from Sidekick`, 10, 14);
  for (const section of portfolioLines(snapshot)) {
    y += 6;
    write(section.heading, 13, 4);
    for (const line of section.lines) write(line, 10, 3);
  }
  return new Uint8Array(doc.output('arraybuffer'));
}
