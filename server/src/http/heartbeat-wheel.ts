/** What the wheel beats: a live session, told to send one heartbeat frame (the same text for every member). */
export interface HeartbeatMember {
  beat(frame: string): void;
}

/** The timer the wheel runs on: real `setInterval` in the server, a fake one in tests. */
export interface WheelTimers {
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  now(): number;
}

/** A turn of the wheel is this many ticks, so one tick beats about 1/SLOTS of the sessions, not all at once. */
export const WHEEL_SLOTS = 16;

export const nodeWheelTimers: WheelTimers = {
  setInterval(run, ms) {
    const handle = setInterval(run, ms);
    // The sockets keep the process alive, not their heartbeat.
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  now: () => Date.now(),
};

/**
 * One timer for every live session of a process, instead of one `setInterval` each (10,000 idle sockets held
 * 10,000 timers and their closures). The period is cut into WHEEL_SLOTS ticks; a session joins the slot that
 * comes round again one full period after it joined, so its first heartbeat comes one period (less at most a
 * tick) after it joined, then one every period, and none after it left. Each tick builds the frame once. The
 * timer runs only while some session is on the wheel.
 */
export class HeartbeatWheel {
  private readonly slots: Set<HeartbeatMember>[] = Array.from({ length: WHEEL_SLOTS }, () => new Set());
  private members = 0;
  /** The slot the next tick beats. */
  private next = 0;
  private timer: unknown = null;

  constructor(
    private readonly periodMs: number,
    private readonly timers: WheelTimers = nodeWheelTimers,
  ) {}

  join(member: HeartbeatMember): void {
    if (this.slots.some((slot) => slot.has(member))) return;
    if (this.timer === null) {
      this.next = 0;
      this.timer = this.timers.setInterval(() => this.tick(), this.periodMs / WHEEL_SLOTS);
    }
    // The slot just beaten (on a wheel just started: the last of the turn) comes round after a full period.
    this.slots[(this.next + WHEEL_SLOTS - 1) % WHEEL_SLOTS]!.add(member);
    this.members += 1;
  }

  /** Sixteen set look-ups, instead of a map from member to slot that every session would pay for. */
  leave(member: HeartbeatMember): void {
    if (!this.slots.some((slot) => slot.delete(member))) return;
    this.members -= 1;
    if (this.members === 0) this.stop();
  }

  size(): number {
    return this.members;
  }

  /** Whether the shared timer is running (only while someone is on the wheel). */
  running(): boolean {
    return this.timer !== null;
  }

  private tick(): void {
    const slot = this.slots[this.next]!;
    this.next = (this.next + 1) % WHEEL_SLOTS;
    if (slot.size === 0) return;
    const frame = JSON.stringify({ kind: 'heartbeat', at: new Date(this.timers.now()).toISOString() });
    // A member that leaves while its slot is beaten (its socket failed) is deleted from the set; a Set's
    // iterator skips deleted items and goes on.
    for (const member of slot) {
      try {
        member.beat(frame);
      } catch {
        // One broken socket must not stop the others' heartbeats; it closes itself.
      }
    }
  }

  private stop(): void {
    if (this.timer !== null) this.timers.clearInterval(this.timer);
    this.timer = null;
  }
}
