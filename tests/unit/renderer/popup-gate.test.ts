import { describe, expect, it } from 'vitest';
import type { Celebration } from '../../../shared/domain/growth-model';
import { DEFAULT_SETTINGS, type PopupDigest, type Settings } from '../../../shared/ipc/contract';
import { createPopupGate } from '../../../renderer/src/host/popup-gate';

const kudos = (n: number): Celebration => ({
  id: `kudos:k-${n}`,
  kind: 'kudos',
  size: 'toast',
  title: `Ownership — from Maja Kowalska`,
  message: `Part ${n}`,
  at: '2026-03-12T10:00:00Z',
  refId: `k-${n}`,
});
const best: Celebration = {
  id: 'best:csatPct:2026-03-09',
  kind: 'personal_best',
  size: 'burst',
  title: 'New personal best!',
  message: 'CSAT: 96% in the week of 2026-03-09.',
  at: '2026-03-12T10:00:00Z',
  refId: 'csatPct:2026-03-09',
};

/** The browser host's gate with a settable clock and settings; records what it would show. */
function setup(patch: Partial<Settings> = {}) {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...patch };
  let now = Date.UTC(2026, 2, 12, 10, 0);
  const shown: string[] = [];
  const digests: PopupDigest[] = [];
  const gate = createPopupGate({
    settings: async () => settings,
    now: () => now,
    timeZone: () => 'UTC',
    show: (c) => shown.push(c.message),
    showDigest: (d) => digests.push(d),
  });
  return {
    gate,
    shown,
    digests,
    set: (p: Partial<Settings>) => void (settings = { ...settings, ...p }),
    advance: (ms: number) => void (now += ms),
  };
}

describe('the browser host’s pop-up gate (the shared notification budget)', () => {
  it('shows at most N an hour: 9 kudos in 11 s with "6 an hour" give 6 pop-ups, the rest wait', async () => {
    const { gate, shown, digests, advance } = setup({ maxPopupsPerHour: 6 });
    for (let i = 1; i <= 9; i++) {
      await gate.offer(kudos(i));
      advance(1_200);
    }
    expect(shown).toEqual(['Part 1', 'Part 2', 'Part 3', 'Part 4', 'Part 5', 'Part 6']);
    expect(gate.heldCount).toBe(3);
    await gate.flush();
    expect(digests).toEqual([]);
    advance(3_600_000);
    await gate.flush();
    expect(digests).toEqual([
      {
        id: `digest-${Date.UTC(2026, 2, 12, 11, 0, 10, 800)}`,
        title: 'While you were busy',
        body: '3 kudos waiting for you.',
        count: 3,
        target: { view: 'kudos', itemId: null },
      },
    ]);
  });

  it('holds everything in focus mode, and one digest follows when focus ends', async () => {
    const { gate, shown, digests, set } = setup({ focusMode: true });
    await gate.offer(kudos(1));
    await gate.offer(best);
    await gate.offer(kudos(2));
    expect(shown).toEqual([]);
    set({ focusMode: false });
    await gate.flush();
    expect(digests.map((d) => d.body)).toEqual(['2 kudos and 1 celebration waiting for you.']);
  });

  it('holds in quiet hours (the person’s zone) and shows a single held pop-up as itself', async () => {
    const { gate, shown, digests, set } = setup({
      quietHours: { enabled: true, start: '09:00', end: '17:00' },
    });
    await gate.offer(kudos(1));
    expect(shown).toEqual([]);
    set({ quietHours: { enabled: false, start: '09:00', end: '17:00' } });
    await gate.flush();
    expect(shown).toEqual(['Part 1']);
    expect(digests).toEqual([]);
  });

  it('applies the opt-outs (celebrationAllowed) and counts a repeated celebration once', async () => {
    const { gate, shown, set } = setup({ optOut: { ...DEFAULT_SETTINGS.optOut, celebrations: true } });
    await gate.offer(best);
    await gate.offer(kudos(1));
    await gate.offer(kudos(1));
    expect(shown).toEqual(['Part 1']);
    set({ optOut: { ...DEFAULT_SETTINGS.optOut, popups: true } });
    await gate.offer(kudos(2));
    expect(shown).toEqual(['Part 1']);
    expect(gate.heldCount).toBe(0);
  });
});
