import { describe, expect, it } from 'vitest';
import { placePopover, taskbarEdge, type DisplayArea } from '../../../electron/main/popover/popover-position';

const size = { width: 380, height: 560 };
const screen = (
  x: number,
  y: number,
  w: number,
  h: number,
  work: Partial<{ x: number; y: number; width: number; height: number }>,
): DisplayArea => ({
  bounds: { x, y, width: w, height: h },
  workArea: { x, y, width: w, height: h, ...work },
});

describe('placePopover', () => {
  it('Windows, taskbar at the bottom: above the tray, right-aligned inside the work area', () => {
    const display = screen(0, 0, 1920, 1080, { height: 1040 });
    const p = placePopover({
      trayBounds: { x: 1800, y: 1045, width: 24, height: 30 },
      cursor: { x: 0, y: 0 },
      windowSize: size,
      displays: [display],
    });
    expect(p).toEqual({ edge: 'bottom', anchor: 'tray', x: 1920 - 380 - 8, y: 1040 - 560 - 8 });
  });

  it('macOS menu bar at the top: below the menu bar, centred under the icon', () => {
    const display = screen(0, 0, 1440, 900, { y: 25, height: 875 });
    const p = placePopover({
      trayBounds: { x: 1000, y: 0, width: 22, height: 24 },
      cursor: { x: 0, y: 0 },
      windowSize: size,
      displays: [display],
    });
    expect(p).toEqual({ edge: 'top', anchor: 'tray', x: 1011 - 190, y: 25 + 8 });
  });

  it('taskbar on the left: to the right of it, vertically centred on the icon', () => {
    const display = screen(0, 0, 1920, 1080, { x: 60, width: 1860 });
    const p = placePopover({
      trayBounds: { x: 18, y: 900, width: 24, height: 24 },
      cursor: { x: 0, y: 0 },
      windowSize: size,
      displays: [display],
    });
    expect(p).toEqual({ edge: 'left', anchor: 'tray', x: 68, y: 1080 - 560 - 8 });
  });

  it('taskbar on the right: to the left of it', () => {
    const display = screen(0, 0, 1920, 1080, { width: 1860 });
    const p = placePopover({
      trayBounds: { x: 1878, y: 400, width: 24, height: 24 },
      cursor: { x: 0, y: 0 },
      windowSize: size,
      displays: [display],
    });
    expect(p).toEqual({ edge: 'right', anchor: 'tray', x: 1860 - 380 - 8, y: 412 - 280 });
  });

  it('picks the display holding the tray, including one left of the primary at negative coordinates', () => {
    const primary = screen(0, 0, 1920, 1080, { height: 1040 });
    const left = screen(-1280, 0, 1280, 1024, { height: 984 });
    const p = placePopover({
      trayBounds: { x: -100, y: 990, width: 24, height: 30 },
      cursor: { x: 0, y: 0 },
      windowSize: size,
      displays: [primary, left],
    });
    expect(p.edge).toBe('bottom');
    expect(p.x).toBe(-388); // right edge of the left screen minus width and margin
    expect(p.x).toBeLessThan(0);
    expect(p.y).toBe(984 - 560 - 8);
  });

  it('a second display stacked above the primary with its own top bar', () => {
    const primary = screen(0, 0, 1920, 1080, { height: 1040 });
    const upper = screen(0, -1440, 2560, 1440, { y: -1415, height: 1415 });
    const p = placePopover({
      trayBounds: { x: 2400, y: -1440, width: 22, height: 24 },
      cursor: { x: 0, y: 0 },
      windowSize: size,
      displays: [primary, upper],
    });
    expect(p).toEqual({ edge: 'top', anchor: 'tray', x: 2560 - 380 - 8, y: -1415 + 8 });
  });

  it('uses the cursor when the tray reports empty bounds (some Linux desktops)', () => {
    const display = screen(0, 0, 1920, 1080, { y: 32, height: 1048 });
    const p = placePopover({
      trayBounds: { x: 0, y: 0, width: 0, height: 0 },
      cursor: { x: 1700, y: 10 },
      windowSize: size,
      displays: [display],
    });
    expect(p).toEqual({ edge: 'top', anchor: 'cursor', x: 1700 - 190, y: 40 });
  });

  it("prefers the tray host's click point over the cursor, ignoring a 0,0 one", () => {
    const display = screen(0, 0, 1920, 1080, { height: 1036 });
    const base = {
      trayBounds: { x: 0, y: 0, width: 0, height: 0 },
      cursor: { x: 300, y: 300 },
      windowSize: size,
      displays: [display],
    };
    expect(placePopover({ ...base, clickPoint: { x: 1500, y: 1060 } })).toEqual({
      edge: 'bottom',
      anchor: 'click',
      x: 1500 - 190,
      y: 1036 - 560 - 8,
    });
    expect(placePopover({ ...base, clickPoint: { x: 0, y: 0 } }).anchor).toBe('cursor');
  });

  it('Wayland/XWayland with no tray bounds and no trustworthy cursor: the tray end of the panel', () => {
    const gnome = screen(0, 0, 1920, 1080, { y: 32, height: 1048 });
    const kde = screen(1920, 0, 2560, 1440, { height: 1396 });
    const base = { trayBounds: { x: 0, y: 0, width: 0, height: 0 }, cursor: null, windowSize: size };
    expect(placePopover({ ...base, displays: [kde, gnome], primary: gnome })).toEqual({
      edge: 'top',
      anchor: 'corner',
      x: 1920 - 380 - 8,
      y: 40,
    });
    expect(placePopover({ ...base, displays: [gnome, kde], primary: kde })).toEqual({
      edge: 'bottom',
      anchor: 'corner',
      x: 1920 + 2560 - 380 - 8,
      y: 1396 - 560 - 8,
    });
    // No panel at all (auto-hide): top right, where GNOME keeps its indicators.
    expect(placePopover({ ...base, displays: [screen(0, 0, 1280, 800, {})] })).toMatchObject({
      edge: 'top',
      x: 1280 - 380 - 8,
      y: 8,
    });
  });

  it('with an auto-hidden taskbar, the nearest screen edge decides', () => {
    const display = screen(0, 0, 1920, 1080, {});
    expect(taskbarEdge(display, { x: 1900, y: 500 })).toBe('right');
    expect(taskbarEdge(display, { x: 900, y: 1075 })).toBe('bottom');
  });
});
