/**
 * Picks the pre-rendered tray icon (assets/tray/, made by electron/scripts/render-tray-icons.mjs) for a
 * mission's progress. Rings come in 10% steps; a ring reads "full" only when the mission is really done.
 */
export const RING_STEPS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100] as const;

export interface TrayIconInput {
  platform: NodeJS.Platform;
  /** Dark taskbar: use the light-stroked icon (ignored on macOS, where template images adapt to the menu bar). */
  darkTaskbar: boolean;
  /** Progress ratio in [0, 1], or null when there is no running mission (empty ring). */
  ratio: number | null;
  badge: boolean;
}

export function ringStep(ratio: number | null): number {
  if (ratio === null || !Number.isFinite(ratio) || ratio <= 0) return 0;
  if (ratio >= 1) return 100;
  // Floor, and never show 100 before completion: 99.9% still reads as "almost".
  return Math.min(90, Math.floor(ratio * 10) * 10);
}

export function trayIconFile(input: TrayIconInput): string {
  const step = String(ringStep(input.ratio)).padStart(3, '0');
  const badge = input.badge ? '-badge' : '';
  if (input.platform === 'darwin') return `ring-${step}${badge}Template.png`;
  const theme = input.darkTaskbar ? 'dark' : 'light';
  return `ring-${step}-${theme}${badge}.${input.platform === 'win32' ? 'ico' : 'png'}`;
}
