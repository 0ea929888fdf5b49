/**
 * The popover is the app's only window and lives as long as the app. Two things would otherwise end it:
 * the person closing it (⌘W, Alt+F4, the window manager's close), which destroys the window the next tray
 * click needs, and a renderer crash, which leaves a blank popover. Both are decided here; the adapter in
 * platform/popover-window.ts wires them to Electron.
 */

/** A close request hides the popover, unless the app is quitting (then the window may really close). */
export function createCloseGuard() {
  let quitting = false;
  return {
    /** From app `before-quit`: from here on, closing means closing. */
    quitting() {
      quitting = true;
    },
    onClose(): 'hide' | 'close' {
      return quitting ? 'close' : 'hide';
    },
  };
}

/** Why a renderer went away, as Electron's `render-process-gone` details say. */
export interface RendererGone {
  reason: string;
  exitCode?: number;
}

export interface RendererRecoveryOptions {
  now: () => number;
  /** Reloads allowed within `windowMs` before giving up (a page that crashes on load would loop). */
  maxReloads?: number;
  windowMs?: number;
}

/** Reload the popover after a crash, a kill or running out of memory; not after a clean exit, not forever. */
export function createRendererRecovery(options: RendererRecoveryOptions) {
  const maxReloads = options.maxReloads ?? 3;
  const windowMs = options.windowMs ?? 60_000;
  let reloads: number[] = [];
  return {
    onGone(details: RendererGone): 'reload' | 'give-up' | 'ignore' {
      if (details.reason === 'clean-exit') return 'ignore';
      const now = options.now();
      reloads = reloads.filter((at) => now - at < windowMs);
      if (reloads.length >= maxReloads) return 'give-up';
      reloads.push(now);
      return 'reload';
    },
  };
}
