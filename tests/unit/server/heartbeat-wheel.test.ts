import { describe, expect, it } from 'vitest';
import { HeartbeatWheel, WHEEL_SLOTS, type WheelTimers } from '../../../server/src/http/heartbeat-wheel';

const PERIOD = 1_600;
const TICK = PERIOD / WHEEL_SLOTS;

/** A hand-driven interval timer and clock: `advance(ms)` runs every tick that falls due, at its own time. */
function fakeTimers() {
  let now = Date.parse('2026-03-11T09:00:00.000Z');
  let interval: { run: () => void; ms: number; nextAt: number } | null = null;
  let started = 0;
  const timers: WheelTimers = {
    setInterval(run, ms) {
      started += 1;
      interval = { run, ms, nextAt: now + ms };
      return interval;
    },
    clearInterval(handle) {
      if (handle === interval) interval = null;
    },
    now: () => now,
  };
  return {
    timers,
    running: () => interval !== null,
    started: () => started,
    now: () => now,
    advance(ms: number) {
      const until = now + ms;
      while (interval && interval.nextAt <= until) {
        now = interval.nextAt;
        interval.nextAt += interval.ms;
        interval.run();
      }
      now = until;
    },
  };
}

/** A member that records when it was beaten and with what frame. */
function member(clock: () => number) {
  const beats: { at: number; frame: string }[] = [];
  return { beats, beat: (frame: string) => void beats.push({ at: clock(), frame }) };
}

describe('HeartbeatWheel', () => {
  it('beats a member one period after it joined, then every period, with the time of the tick', () => {
    const t = fakeTimers();
    const wheel = new HeartbeatWheel(PERIOD, t.timers);
    const joinedAt = t.now();
    const a = member(t.now);
    wheel.join(a);
    t.advance(PERIOD - 1);
    expect(a.beats).toEqual([]);
    t.advance(1);
    t.advance(2 * PERIOD);
    expect(a.beats.map((b) => b.at - joinedAt)).toEqual([PERIOD, 2 * PERIOD, 3 * PERIOD]);
    expect(JSON.parse(a.beats[0]!.frame)).toEqual({
      kind: 'heartbeat',
      at: new Date(joinedAt + PERIOD).toISOString(),
    });
  });

  it('gives a member that joins a running wheel its first beat within one period, then one every period', () => {
    const t = fakeTimers();
    const wheel = new HeartbeatWheel(PERIOD, t.timers);
    wheel.join(member(t.now));
    for (const offset of [1, TICK / 2, TICK - 1, 5 * TICK + 3]) {
      t.advance(offset);
      const joinedAt = t.now();
      const b = member(t.now);
      wheel.join(b);
      t.advance(3 * PERIOD);
      const [first, ...rest] = b.beats.map((x) => x.at - joinedAt);
      expect(first).toBeGreaterThan(PERIOD - TICK);
      expect(first).toBeLessThanOrEqual(PERIOD);
      expect(rest).toEqual([first! + PERIOD, first! + 2 * PERIOD]);
      wheel.leave(b);
    }
  });

  it('spreads members over the ticks of a period instead of beating them all at once', () => {
    const t = fakeTimers();
    const wheel = new HeartbeatWheel(PERIOD, t.timers);
    const members = Array.from({ length: WHEEL_SLOTS }, () => member(t.now));
    for (const m of members) {
      wheel.join(m);
      t.advance(TICK);
    }
    t.advance(PERIOD);
    const times = new Set(members.map((m) => m.beats[0]!.at));
    expect(times.size).toBe(WHEEL_SLOTS);
  });

  it('never beats a member after it left, and stops its timer when the last one leaves', () => {
    const t = fakeTimers();
    const wheel = new HeartbeatWheel(PERIOD, t.timers);
    const a = member(t.now);
    const b = member(t.now);
    wheel.join(a);
    wheel.join(b);
    t.advance(PERIOD);
    wheel.leave(a);
    t.advance(PERIOD);
    expect(a.beats).toHaveLength(1);
    expect(b.beats).toHaveLength(2);
    expect(wheel.running()).toBe(true);
    wheel.leave(b);
    expect(wheel.running()).toBe(false);
    expect(t.running()).toBe(false);
    expect(wheel.size()).toBe(0);
    // Leaving twice, or a member never on the wheel, changes nothing.
    wheel.leave(b);
    expect(wheel.size()).toBe(0);
    // A new member starts the timer again, with a full period before its first beat.
    const c = member(t.now);
    const joinedAt = t.now();
    wheel.join(c);
    expect(t.started()).toBe(2);
    t.advance(PERIOD);
    expect(c.beats.map((x) => x.at - joinedAt)).toEqual([PERIOD]);
  });

  it('goes on beating the others when one member throws or leaves during its beat', () => {
    const t = fakeTimers();
    const wheel = new HeartbeatWheel(PERIOD, t.timers);
    const after = member(t.now);
    const leaving = {
      beat: () => {
        wheel.leave(leaving);
        throw new Error('socket gone');
      },
    };
    wheel.join(leaving);
    wheel.join(after);
    wheel.join(after); // joining twice is one membership
    expect(wheel.size()).toBe(2);
    t.advance(2 * PERIOD);
    expect(after.beats).toHaveLength(2);
    expect(wheel.size()).toBe(1);
  });
});
