import type { AgentDayTally } from '../../../shared/domain/metric-tallies';
import type { IsoDate } from '../../../shared/domain/primitives';

/**
 * The stored tallies an ingest batch has read, by agent and day, with the day each agent is held from (to the
 * last day stored). The batch's own credit moves are applied to these same objects as they are written, so
 * every read after the move sees what the store now holds without reading it again.
 */
export class TallyCache {
  private readonly byAgent = new Map<string, Map<IsoDate, AgentDayTally>>();
  private readonly since = new Map<string, IsoDate>();

  /** Agents not held from `fromDay` on. */
  missing(agentIds: Iterable<string>, fromDay: IsoDate): string[] {
    return [...new Set(agentIds)].filter((id) => {
      const held = this.since.get(id);
      return held === undefined || held > fromDay;
    });
  }

  /** Every stored tally of `agentIds` from `fromDay` on was read: `tallies`. */
  hold(agentIds: readonly string[], fromDay: IsoDate, tallies: readonly AgentDayTally[]): void {
    for (const id of agentIds) {
      const held = this.since.get(id);
      if (held === undefined || held > fromDay) this.since.set(id, fromDay);
    }
    for (const t of tallies) this.put(t);
  }

  /** Whether the store's row for (agent, day) is known here (held, or absent from a held range). */
  knows(agentId: string, day: IsoDate): boolean {
    const held = this.since.get(agentId);
    return (held !== undefined && held <= day) || this.byAgent.get(agentId)?.has(day) === true;
  }

  get(agentId: string, day: IsoDate): AgentDayTally | undefined {
    return this.byAgent.get(agentId)?.get(day);
  }

  put(tally: AgentDayTally): void {
    let days = this.byAgent.get(tally.agentId);
    if (!days) this.byAgent.set(tally.agentId, (days = new Map()));
    days.set(tally.day, tally);
  }

  /** The held tallies of `agentId` from `fromDay` to `toDay` (inclusive; open when omitted). */
  range(agentId: string, fromDay: IsoDate, toDay?: IsoDate): AgentDayTally[] {
    const out: AgentDayTally[] = [];
    for (const [day, t] of this.byAgent.get(agentId) ?? [])
      if (day >= fromDay && (toDay === undefined || day <= toDay)) out.push(t);
    return out;
  }

  /** These agents' tallies were rebuilt: what was held of them is stale. */
  forget(agentIds: Iterable<string>): void {
    for (const id of agentIds) {
      this.byAgent.delete(id);
      this.since.delete(id);
    }
  }
}
