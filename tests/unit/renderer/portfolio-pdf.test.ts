import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/domain/growth-model';
import { portfolioPdf } from '../../../renderer/src/views/timeline/export-pdf';
import { agentWeek } from './fixtures/agent-week';

const require = createRequire(import.meta.url);
const font = fs
  .readFileSync(require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'))
  .toString('base64');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidekick-pdf-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const LONG_WORD = `Donaudampfschifffahrtsgesellschaftskapitän${'x'.repeat(260)}Ende`;
const entry = (id: string, title: string, detail: string | null): TimelineEntry => ({
  id,
  agentId: 'p-zoe',
  at: '2026-03-11T09:00:00Z',
  kind: 'kudos_received',
  title,
  detail,
  points: 10,
  refId: null,
});

/** The PDF written to disk, read back by poppler's pdftotext (plain text, and word boxes). */
function extract(bytes: Uint8Array) {
  const file = path.join(dir, `portfolio-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const boxes = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', file, '-'], { encoding: 'utf8' });
  const pageWidth = Number(/<page width="([\d.]+)"/.exec(boxes)?.[1]);
  const words = [
    ...boxes.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g),
  ].map((m) => ({ xMin: Number(m[1]), xMax: Number(m[2]), text: m[3]! }));
  return { text: text.normalize('NFC'), words, pageWidth };
}

describe('the PDF portfolio', () => {
  const week = agentWeek();
  const snapshot = {
    ...week,
    person: { ...week.person, name: 'Zoë Nguyễn-Łukasiewicz' },
    plan: {
      plan: {
        agentId: 'p-zoe',
        goal: { kind: 'skill_elsewhere' as const, text: 'Technical writing for help centres' },
        skills: [
          {
            name: 'Clear macros',
            evidence: [{ kind: 'kudos' as const, value: 'Quality' as const, count: 2 }],
          },
        ],
        visibility: 'me' as const,
        nextCheckIn: null,
        lastCheckIn: null,
        createdAt: '2026-03-01T09:00:00Z',
        updatedAt: '2026-03-01T09:00:00Z',
      },
      progress: {
        met: 1,
        total: 1,
        ratio: 1,
        skills: [
          {
            name: 'Clear macros',
            met: 1,
            total: 1,
            evidence: [{ key: 'kudos:Quality:2', label: '2 kudos for Quality', met: true, have: 2, need: 2 }],
          },
        ],
      },
      checkIn: 'none' as const,
    },
    timeline: [
      entry('t-greek', 'Kudos from Ελένη Παπαδοπούλου', 'Ευχαριστώ πολύ για τη βοήθεια'),
      entry('t-cyrillic', 'Kudos from Дмитрий Соколов', 'Спасибо за помощь с возвратом'),
      entry('t-long', 'A very long word', LONG_WORD),
      entry(
        't-long-line',
        'Ευχαριστούμε',
        'Ευχαριστούμε πάρα πολύ για την υπομονή σας με τον λογαριασμό. '.repeat(6),
      ),
      entry(
        't-long-name',
        'Kudos from Nguyễn Thị Phương Thảo-Łukasiewicz-Żółkiewska',
        'Ừ, cảm ơn bạn rất nhiều vì đã giúp đỡ tôi hôm nay với vấn đề hoàn tiền khó khăn này. '.repeat(4),
      ),
      entry('t-emoji', 'Party time 🎉 for the team', null),
    ],
  };
  const { text, words, pageWidth } = extract(portfolioPdf(snapshot, '2026-03-12T14:30:00Z', font));
  const flat = text.replace(/\s+/g, ' ');

  it('prints names in Latin Extended and Vietnamese, Greek and Cyrillic as they are written', () => {
    expect(flat).toContain('Zoë Nguyễn-Łukasiewicz');
    expect(flat).toContain('Kudos from Ελένη Παπαδοπούλου — Ευχαριστώ πολύ για τη βοήθεια');
    expect(flat).toContain('Kudos from Дмитрий Соколов — Спасибо за помощь с возвратом');
    expect(flat).toContain('Growth portfolio');
  });

  it('prints the growth plan: goal, progress and evidence', () => {
    expect(flat).toContain('Growth plan');
    expect(flat).toContain('Goal (a skill to take anywhere): Technical writing for help centres');
    expect(flat).toContain('[done] 2 kudos for Quality (2/2)');
  });

  it('leaves out what the font cannot draw (emoji) instead of printing mojibake', () => {
    expect(flat).toContain('Party time for the team');
    expect(text).not.toMatch(/Ø|ß‰|\uFFFD/);
  });

  it('wraps every line, even one very long word, inside the margins', () => {
    expect(text.replace(/\s+/g, '')).toContain(LONG_WORD);
    expect(words.length).toBeGreaterThan(20);
    const margin = 48;
    for (const w of words) {
      expect(w.xMin).toBeGreaterThanOrEqual(margin - 1);
      expect(w.xMax).toBeLessThanOrEqual(pageWidth - margin + 1);
    }
  });
});
