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

const screen = {
  trayBounds: () => ({ x: 1800, y: 1045, width: 24, height: 30 }),
  cursor: () => ({ x: 0, y: 0 }),
  displays: () => [
    {
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
    },
  ],
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
});
