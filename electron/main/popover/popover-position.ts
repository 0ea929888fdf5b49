/**
 * Where the popover goes: next to the tray icon, on whichever edge the taskbar (or macOS menu bar) sits, on
 * the display that holds the tray, and always fully inside that display's work area. Pure, so every edge
 * and multi-display layout is tested without Electron.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}
export interface DisplayArea {
  /** The whole screen. */
  bounds: Rect;
  /** The screen minus taskbars and docks. */
  workArea: Rect;
}
export type TaskbarEdge = 'top' | 'bottom' | 'left' | 'right';

export interface PopoverPlacementInput {
  /** The tray icon's bounds (macOS, Windows). Linux's StatusNotifierItem tray reports an empty rect. */
  trayBounds: Rect;
  /** Where the tray's click event says the activation happened; some Linux tray hosts send 0,0 or nothing. */
  clickPoint?: Point | null;
  /** The pointer, or null when it cannot be trusted (under XWayland it is stale while over the shell's panel). */
  cursor: Point | null;
  windowSize: { width: number; height: number };
  displays: readonly DisplayArea[];
  /** Where the corner fallback goes (Electron's primary display); the first display when not given. */
  primary?: DisplayArea;
  /** Gap between taskbar and popover. */
  margin?: number;
}

/** What the popover was placed next to, best first. */
export type PopoverAnchor = 'tray' | 'click' | 'cursor' | 'corner';

export interface PopoverPlacement {
  x: number;
  y: number;
  edge: TaskbarEdge;
  anchor: PopoverAnchor;
}

export function placePopover(input: PopoverPlacementInput): PopoverPlacement {
  const margin = input.margin ?? 8;
  const { point: anchorPoint, anchor } = anchorOf(input);
  const display = anchorPoint ? displayAt(input.displays, anchorPoint) : (input.primary ?? input.displays[0]);
  if (!display) throw new Error('no display to place the popover on');
  const edge = anchorPoint ? taskbarEdge(display, anchorPoint) : panelEdge(display);
  const { width, height } = input.windowSize;
  const area = display.workArea;
  // With nothing to point at, the end of the panel where tray icons live: right of a horizontal panel
  // (GNOME's top bar, KDE's and Windows' bottom taskbar), bottom of a vertical one.
  const point = anchorPoint ?? {
    x: edge === 'left' ? area.x : area.x + area.width,
    y: edge === 'top' ? area.y : area.y + area.height,
  };
  let x: number;
  let y: number;
  switch (edge) {
    case 'top':
      x = point.x - width / 2;
      y = area.y + margin;
      break;
    case 'bottom':
      x = point.x - width / 2;
      y = area.y + area.height - height - margin;
      break;
    case 'left':
      x = area.x + margin;
      y = point.y - height / 2;
      break;
    case 'right':
      x = area.x + area.width - width - margin;
      y = point.y - height / 2;
      break;
  }
  return {
    x: Math.round(clamp(x, area.x + margin, area.x + area.width - width - margin)),
    y: Math.round(clamp(y, area.y + margin, area.y + area.height - height - margin)),
    edge,
    anchor,
  };
}

function anchorOf(input: PopoverPlacementInput): { point: Point | null; anchor: PopoverAnchor } {
  if (!isEmpty(input.trayBounds)) return { point: centre(input.trayBounds), anchor: 'tray' };
  const click = input.clickPoint;
  if (click && (click.x !== 0 || click.y !== 0)) return { point: click, anchor: 'click' };
  if (input.cursor) return { point: input.cursor, anchor: 'cursor' };
  return { point: null, anchor: 'corner' };
}

/** The edge a panel takes from the work area; with none visible (auto-hide), the top, as on GNOME. */
function panelEdge(display: DisplayArea): TaskbarEdge {
  const { bounds: b, workArea: w } = display;
  if (w.y + w.height < b.y + b.height) return 'bottom';
  if (w.x > b.x) return 'left';
  if (w.x + w.width < b.x + b.width) return 'right';
  return 'top';
}

/** The taskbar is where the work area is smaller than the screen; with no taskbar (auto-hide), the nearest edge to the tray. */
export function taskbarEdge(display: DisplayArea, anchor: Point): TaskbarEdge {
  const { bounds: b, workArea: w } = display;
  if (w.y > b.y) return 'top';
  if (w.y + w.height < b.y + b.height) return 'bottom';
  if (w.x > b.x) return 'left';
  if (w.x + w.width < b.x + b.width) return 'right';
  const distances: [TaskbarEdge, number][] = [
    ['top', anchor.y - b.y],
    ['bottom', b.y + b.height - anchor.y],
    ['left', anchor.x - b.x],
    ['right', b.x + b.width - anchor.x],
  ];
  return distances.sort((a, c) => a[1] - c[1])[0]![0];
}

/** The display containing the point, else the nearest one (a tray at a screen's very edge can sit just outside). */
export function displayAt(displays: readonly DisplayArea[], p: Point): DisplayArea | undefined {
  const inside = displays.find((d) => contains(d.bounds, p));
  if (inside) return inside;
  return [...displays].sort((a, c) => distance(a.bounds, p) - distance(c.bounds, p))[0];
}

const isEmpty = (r: Rect) => r.width <= 0 || r.height <= 0;
const centre = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
const contains = (r: Rect, p: Point) =>
  p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;
const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(v, Math.max(min, max)));
function distance(r: Rect, p: Point) {
  const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.width));
  const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.height));
  return Math.hypot(dx, dy);
}
