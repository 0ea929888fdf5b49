import { describe, expect, it } from 'vitest';
import { createCloseGuard, createRendererRecovery } from '../../../electron/main/popover/window-lifecycle';

describe('popover window lifecycle', () => {
  it('closing the popover hides it, until the app quits', () => {
    const guard = createCloseGuard();
    expect(guard.onClose()).toBe('hide');
    expect(guard.onClose()).toBe('hide');
    guard.quitting();
    expect(guard.onClose()).toBe('close');
  });

  it('a crashed, killed or out-of-memory renderer is reloaded; a clean exit is not', () => {
    const recovery = createRendererRecovery({ now: () => 0 });
    expect(recovery.onGone({ reason: 'clean-exit', exitCode: 0 })).toBe('ignore');
    expect(recovery.onGone({ reason: 'crashed', exitCode: 11 })).toBe('reload');
    expect(recovery.onGone({ reason: 'oom' })).toBe('reload');
  });

  it('gives up on a page that keeps crashing, and tries again after a quiet minute', () => {
    let now = 0;
    const recovery = createRendererRecovery({ now: () => now, maxReloads: 3, windowMs: 60_000 });
    expect([1, 2, 3, 4].map(() => recovery.onGone({ reason: 'crashed' }))).toEqual([
      'reload',
      'reload',
      'reload',
      'give-up',
    ]);
    now = 61_000;
    expect(recovery.onGone({ reason: 'killed' })).toBe('reload');
  });
});
