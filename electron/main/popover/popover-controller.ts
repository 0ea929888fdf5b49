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
  cursor(): Point;
  displays(): DisplayArea[];
}

/**
 * Show next to the tray, hide on blur. A click on the tray icon while the popover is open first blurs it
 * (hiding it) and then toggles it: without the short grace period below, that click would reopen it.
 */
export function createPopoverController(window: () => PopoverWindow, screen: ScreenInfo, now: () => number) {
  const BLUR_GRACE_MS = 250;
  let hiddenByBlurAt = -Infinity;

  function show(target?: NavigateTarget) {
    const win = window();
    const [width, height] = win.getSize();
    const { x, y } = placePopover({
      trayBounds: screen.trayBounds(),
      cursor: screen.cursor(),
      windowSize: { width, height },
      displays: screen.displays(),
    });
    win.setPosition(x, y);
    win.show();
    if (target) win.navigate(target);
  }

  return {
    show,
    toggle() {
      const win = window();
      if (win.isVisible()) win.hide();
      else if (now() - hiddenByBlurAt > BLUR_GRACE_MS) show();
    },
    onBlur() {
      const win = window();
      if (!win.isVisible()) return;
      hiddenByBlurAt = now();
      win.hide();
    },
    hide() {
      window().hide();
    },
  };
}
