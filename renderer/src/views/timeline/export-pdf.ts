import { jsPDF } from 'jspdf';
// Noto Sans (OFL-1.1): Latin with Latin Extended and Vietnamese, Greek, Cyrillic, Devanagari and IPA. Not in
// it: emoji, CJK, Arabic, Hebrew, Thai and most pictographic symbols — those characters are left out.
import notoSansUrl from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import type { Snapshot } from '../../../../shared/api/snapshot';
import { portfolioLines, toBase64 } from './portfolio';

const FONT_FILE = 'NotoSans-Regular.ttf';
const FONT = 'NotoSans';
const MARGIN = 48;

let fontBytes: Promise<string> | null = null;

/**
 * The embedded font, fetched from the app's own assets the first time a PDF is made (this module, jspdf and
 * the font file are loaded only then, never at start-up). Base64, as jsPDF's virtual file system wants it.
 */
export function loadPortfolioFont(fetchFont: typeof fetch = fetch): Promise<string> {
  fontBytes ??= fetchFont(notoSansUrl)
    .then(async (response) => {
      if (!response.ok) throw new Error(`the PDF font could not be loaded (${response.status})`);
      return toBase64(new Uint8Array(await response.arrayBuffer()));
    })
    .catch((error: unknown) => {
      fontBytes = null;
      throw error;
    });
  return fontBytes;
}

/** What the font can print: composed (so "ễ" is one glyph), with characters it has no glyph for left out. */
function printable(text: string, hasGlyph: (codePoint: number) => boolean): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    // jsPDF works in UTF-16 code units: anything outside the BMP (emoji) cannot be printed by it either.
    if (code <= 0xffff && (hasGlyph(code) || char === '\n')) out += char;
  }
  return out.replace(/[ \t]{2,}/g, ' ').trim();
}

/** What a PDF of sections says: a small label, a big title, a line under it, then the sections. */
export interface PdfDocument {
  kicker: string;
  title: string;
  subtitle: string;
  sections: readonly { heading: string; lines: readonly string[] }[];
}

/**
 * A one-column A4 PDF in an embedded Unicode font, so "Zoë Nguyễn-Łukasiewicz", Greek and Cyrillic print as
 * written; every line, even a single very long word, is wrapped inside the margins. The portfolio, the weekly
 * recap and the supervisor's briefing are all printed by it.
 */
export function sectionsPdf(
  page: PdfDocument,
  fontBase64: string,
  options: { onePage?: boolean } = {},
): Uint8Array {
  if (!options.onePage) return new Uint8Array(layout(page, fontBase64, 1).output('arraybuffer'));
  // A one-page document (the recap, the briefing): set smaller, step by step, until it fits on one sheet.
  let doc = layout(page, fontBase64, 1);
  for (let scale = 0.9; doc.getNumberOfPages() > 1 && scale >= MIN_SCALE - 1e-9; scale -= 0.1)
    doc = layout(page, fontBase64, scale);
  return new Uint8Array(doc.output('arraybuffer'));
}

/** The smallest a one-page document is set (body text at 6 pt); below it, it runs onto a second page. */
const MIN_SCALE = 0.6;

function layout(page: PdfDocument, fontBase64: string, scale: number): jsPDF {
  const doc = new jsPDF({ unit: 'pt', format: 'a4' });
  doc.addFileToVFS(FONT_FILE, fontBase64);
  doc.addFont(FONT_FILE, FONT, 'normal', 'Identity-H');
  doc.setFont(FONT, 'normal');
  const codeMap = (
    doc.getFont() as unknown as { metadata?: { cmap?: { unicode?: { codeMap?: Record<number, number> } } } }
  ).metadata?.cmap?.unicode?.codeMap;
  const hasGlyph = (code: number) => (codeMap ? Boolean(codeMap[code]) : code < 0x100);

  const width = doc.internal.pageSize.getWidth() - MARGIN * 2;
  const bottom = doc.internal.pageSize.getHeight() - MARGIN;
  let y = MARGIN;
  const write = (
    text: string,
    points: number,
    gapPoints: number,
    colour: [number, number, number] = [31, 35, 40],
  ) => {
    const size = points * scale;
    const gap = gapPoints * scale;
    doc.setFontSize(size);
    doc.setTextColor(...colour);
    for (const line of doc.splitTextToSize(printable(text, hasGlyph), width) as string[]) {
      if (y + size > bottom) {
        doc.addPage();
        y = MARGIN;
      }
      doc.text(line, MARGIN, y + size);
      y += size * 1.25 + gap;
    }
  };
  const rule = () => {
    doc.setDrawColor(11, 99, 206);
    doc.setLineWidth(1.5);
    doc.line(MARGIN, y, MARGIN + 40, y);
    y += 10 * scale;
  };

  write(page.kicker, 11, 2, [87, 96, 106]);
  write(page.title, 22, 4);
  write(page.subtitle, 10, 10, [87, 96, 106]);
  rule();
  for (const section of page.sections) {
    y += 8 * scale;
    write(section.heading, 13, 4, [11, 99, 206]);
    for (const line of section.lines) write(line, 10, 2);
  }
  return doc;
}

/** The growth portfolio, every week of it (it may run to several pages). */
export function portfolioPdf(snapshot: Snapshot, exportedAt: string, fontBase64: string): Uint8Array {
  return sectionsPdf(
    {
      kicker: 'Growth portfolio',
      title: snapshot.person.name,
      subtitle: `Exported ${exportedAt.slice(0, 10)} from Sidekick`,
      sections: portfolioLines(snapshot),
    },
    fontBase64,
  );
}
