import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  createRetainingNotifier,
  MAX_RETAINED_NOTIFICATIONS,
  type NativeNotification,
} from '../../../electron/main/notifications/retained-notifier';
import type { NotificationContent } from '../../../electron/main/notifications/notification-content';

/** Electron's Notification as far as the notifier sees it: an emitter with show(). */
class FakeNotification extends EventEmitter implements NativeNotification {
  shown = false;
  constructor(readonly content: NotificationContent) {
    super();
  }
  show() {
    this.shown = true;
  }
}

const content = (n: number): NotificationContent => ({
  title: `Kudos ${n}`,
  body: 'Thanks',
  target: { view: 'kudos', itemId: `k-${n}` },
});

function setup(supported = true) {
  const made: FakeNotification[] = [];
  const notifier = createRetainingNotifier(
    (c) => {
      const n = new FakeNotification(c);
      made.push(n);
      return n;
    },
    () => supported,
  );
  return { notifier, made };
}

describe('retaining notifier (click handlers must outlive the function that showed them)', () => {
  it('holds each notification until it is clicked, closed or failed, and the click still opens', () => {
    const { notifier, made } = setup();
    const clicks: number[] = [];
    for (const n of [1, 2, 3]) notifier.show(content(n), () => clicks.push(n));
    expect(made.every((m) => m.shown)).toBe(true);
    expect(notifier.retained).toBe(3);
    made[1]!.emit('click');
    expect(clicks).toEqual([2]);
    made[0]!.emit('close');
    made[2]!.emit('failed', new Error('no notification server'));
    expect(notifier.retained).toBe(0);
  });

  it('never holds more than the cap when the OS sends no close events', () => {
    const { notifier } = setup();
    for (let n = 0; n < MAX_RETAINED_NOTIFICATIONS + 10; n++) notifier.show(content(n), () => undefined);
    expect(notifier.retained).toBe(MAX_RETAINED_NOTIFICATIONS);
  });

  it('shows nothing where the OS has no notifications', () => {
    const { notifier, made } = setup(false);
    notifier.show(content(1), () => undefined);
    expect(made).toEqual([]);
  });
});
