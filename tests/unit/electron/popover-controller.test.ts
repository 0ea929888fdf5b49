import { describe, expect, it } from 'vitest';
import {
  createPopoverController,
  type PopoverWindow,
} from '../../../electron/main/popover/popover-controller';
import type { NavigateTarget } from '../../../shared/ipc';

function fakeWindow() {
  const state = { visible: false, position: [0, 0] as [number, number], navigated: [] as NavigateTarget[] };
  const win: PopoverWindow = {
    isVisible: () => state.visible,
    show: () => void (state.visible = true),
    hide: () => void (state.visible = false),
    setPosition: (x, y) => void (state.position = [x, y]),
    getSize: () => [380, 560],
    navigate: (t) => void state.navigated.push(t),
  };
  return { win, state };
}

const display = {
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
};
const screen = {
  trayBounds: () => ({ x: 1800, y: 1045, width: 24, height: 30 }),
  cursor: () => ({ x: 0, y: 0 }),
  displays: () => [display],
  primaryDisplay: () => display,
};

describe('popover controller', () => {
  it('opens anchored to the tray and hides on blur', () => {
    let now = 0;
    const { win, state } = fakeWindow();
    const popover = createPopoverController(
      () => win,
      screen,
      () => now,
    );
    popover.toggle();
    expect(state).toMatchObject({ visible: true, position: [1532, 472] });
    now = 1000;
    popover.onBlur();
    expect(state.visible).toBe(false);
  });

  it('the tray click that caused the blur does not reopen it, a later one does', () => {
    let now = 5_000;
    const { win, state } = fakeWindow();
    const popover = createPopoverController(
      () => win,
      screen,
      () => now,
    );
    popover.show();
    popover.onBlur();
    now += 50;
    popover.toggle();
    expect(state.visible).toBe(false);
    now += 1_000;
    popover.toggle();
    expect(state.visible).toBe(true);
  });

  it('opens at an item when a notification is clicked', () => {
    const { win, state } = fakeWindow();
    createPopoverController(
      () => win,
      screen,
      () => 0,
    ).show({ view: 'kudos', itemId: 'k-1' });
    expect(state.navigated).toEqual([{ view: 'kudos', itemId: 'k-1' }]);
  });

  it('a dialog opened from the popover does not hide it by taking the focus, until it closes', async () => {
    const { win, state } = fakeWindow();
    const popover = createPopoverController(
      () => win,
      screen,
      () => 10_000,
    );
    popover.show();
    let closeDialog!: (saved: boolean) => void;
    const dialog = popover.whileDialog(() => new Promise<boolean>((resolve) => (closeDialog = resolve)));
    popover.onBlur();
    expect(state.visible).toBe(true);
    closeDialog(true);
    await expect(dialog).resolves.toBe(true);
    popover.onBlur();
    expect(state.visible).toBe(false);
  });

  it('a dialog that fails still gives blur-hiding back', async () => {
    const { win, state } = fakeWindow();
    const popover = createPopoverController(
      () => win,
      screen,
      () => 10_000,
    );
    popover.show();
    await expect(popover.whileDialog(async () => Promise.reject(new Error('no display')))).rejects.toThrow();
    popover.onBlur();
    expect(state.visible).toBe(false);
  });

  it('on native Wayland it leaves the placement to the compositor', () => {
    const { win, state } = fakeWindow();
    const positioned: unknown[] = [];
    win.setPosition = (x, y) => void positioned.push([x, y]);
    createPopoverController(
      () => win,
      screen,
      () => 0,
      { canPosition: false },
    ).toggle();
    expect(state.visible).toBe(true);
    expect(positioned).toEqual([]);
  });

  it('passes the tray click point on for Linux tray hosts without bounds', () => {
    const { win, state } = fakeWindow();
    createPopoverController(
      () => win,
      { ...screen, trayBounds: () => ({ x: 0, y: 0, width: 0, height: 0 }), cursor: () => null },
      () => 0,
    ).toggle({ x: 1000, y: 1060 });
    expect(state.position).toEqual([1000 - 190, 1040 - 560 - 8]);
  });
});
