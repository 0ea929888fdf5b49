import type { NavigateTarget } from '../../../shared/ipc';
import { placePopover, type DisplayArea, type Point, type Rect } from './popover-position';

/** The window calls the controller makes; the Electron adapter is a BrowserWindow. */
export interface PopoverWindow {
  isVisible(): boolean;
  show(): void;
  hide(): void;
  setPosition(x: number, y: number): void;
  getSize(): [number, number];
  navigate(target: NavigateTarget): void;
}

export interface ScreenInfo {
  trayBounds(): Rect;
  /** null where the pointer position is not trustworthy (see popover-position.ts). */
  cursor(): Point | null;
  displays(): DisplayArea[];
  primaryDisplay(): DisplayArea;
}

export interface PopoverControllerOptions {
  /**
   * False on native Wayland, where a client cannot place its own window: the compositor decides, and
   * setPosition is ignored, so the controller does not pretend.
   */
  canPosition: boolean;
}

/**
 * Show next to the tray, hide on blur. A click on the tray icon while the popover is open first blurs it
 * (hiding it) and then toggles it: without the short grace period below, that click would reopen it.
 * While a dialog the popover opened is up (save a PDF, confirm a pairing link) the blur it causes must not
 * hide the popover: on macOS that would take the dialog down with it.
 */
export function createPopoverController(
  window: () => PopoverWindow,
  screen: ScreenInfo,
  now: () => number,
  options: PopoverControllerOptions = { canPosition: true },
) {
  const BLUR_GRACE_MS = 250;
  let hiddenByBlurAt = -Infinity;
  let openDialogs = 0;

  function show(target?: NavigateTarget, clickPoint?: Point) {
    const win = window();
    if (options.canPosition) {
      const [width, height] = win.getSize();
      const { x, y } = placePopover({
        trayBounds: screen.trayBounds(),
        clickPoint: clickPoint ?? null,
        cursor: screen.cursor(),
        windowSize: { width, height },
        displays: screen.displays(),
        primary: screen.primaryDisplay(),
      });
      win.setPosition(x, y);
    }
    win.show();
    if (target) win.navigate(target);
  }

  return {
    show,
    toggle(clickPoint?: Point) {
      const win = window();
      if (win.isVisible()) win.hide();
      else if (now() - hiddenByBlurAt > BLUR_GRACE_MS) show(undefined, clickPoint);
    },
    onBlur() {
      const win = window();
      if (!win.isVisible() || openDialogs > 0) return;
      hiddenByBlurAt = now();
      win.hide();
    },
    hide() {
      window().hide();
    },
    /** Runs a dialog with blur-hiding suspended until it closes (however it ends). */
    async whileDialog<T>(run: () => Promise<T>): Promise<T> {
      openDialogs += 1;
      try {
        return await run();
      } finally {
        openDialogs -= 1;
      }
    },
  };
}

export type PopoverController = ReturnType<typeof createPopoverController>;
