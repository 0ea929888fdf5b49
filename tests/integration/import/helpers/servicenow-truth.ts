import fs from 'node:fs';
import { parse } from 'csv-parse/sync';

/**
 * An independent reading of the ServiceNow audit log, straight from the CSV with csv-parse and its own small
 * logic — deliberately not the importer's code — following the engine's metric definitions (shared/domain/metrics.ts):
 *   solved     = distinct tickets the agent solved inside the window;
 *   resolution = per such ticket, minutes from opened_at to the agent's last solve inside the window; mean;
 *   reopened   = reopens inside the window counted against the agent whose resolution they undid.
 * The log's own rules: a resolution starts when the state enters Resolved/Closed from anything else (or the
 * reopen count rises and it is done again), credited to resolved_by; a reopen is a rise of reopen_count or a
 * step from Resolved/Closed back to a working state. A resolution that was never reopened is dated by the
 * incident's resolved_at (when known), an undone one by the update row where it happened.
 */
export interface Solve {
  ticket: string;
  agent: string;
  at: number;
}
export interface Reopen {
  ticket: string;
  against: string | undefined;
  at: number;
}
export interface LogTruth {
  incidents: number;
  opened: Map<string, number>;
  solves: Solve[];
  reopens: Reopen[];
  assignments: number;
  /** CSV line numbers of resolutions with no resolver (the importer must report each). */
  unusableLines: number[];
  agents: Set<string>;
  rows: number;
}

/** 'DD-MM-YYYY HH:MM' read as UTC, by hand. */
function minuteOf(text: string): number {
  const m = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`unexpected time ${text}`);
  return Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4]), Number(m[5]));
}

export function readLogTruth(file: string): LogTruth {
  const rows = parse(fs.readFileSync(file), { columns: true }) as Record<string, string>[];
  const byIncident = new Map<string, { line: number; row: Record<string, string> }[]>();
  rows.forEach((row, i) => {
    const list = byIncident.get(row.number!) ?? [];
    list.push({ line: i + 2, row });
    byIncident.set(row.number!, list);
  });
  const truth: LogTruth = {
    incidents: byIncident.size,
    opened: new Map(),
    solves: [],
    reopens: [],
    assignments: 0,
    unusableLines: [],
    agents: new Set(),
    rows: rows.length,
  };
  for (const [ticket, list] of byIncident) {
    truth.opened.set(ticket, minuteOf(list[0]!.row.opened_at!));
    const episodes: { agent: string; start: number; undone: boolean }[] = [];
    let done = false;
    let count = Number(list[0]!.row.reopen_count);
    let assignee = '?';
    for (const { line, row } of list) {
      const state = row.incident_state!;
      const isDone = state === 'Resolved' || state === 'Closed';
      const rc = Number(row.reopen_count);
      if ((done && !isDone) || rc > count) {
        const last = episodes.at(-1);
        if (last) last.undone = true;
        truth.reopens.push({
          ticket,
          against: last ? `servicenow:${last.agent}` : undefined,
          at: minuteOf(row.sys_updated_at!),
        });
        done = false;
      }
      if (row.assigned_to !== '?' && row.assigned_to !== assignee) {
        assignee = row.assigned_to!;
        truth.assignments += 1;
        truth.agents.add(`servicenow:${assignee}`);
      }
      if (isDone && !done) {
        if (row.resolved_by === '?') truth.unusableLines.push(line);
        else episodes.push({ agent: row.resolved_by!, start: minuteOf(row.sys_updated_at!), undone: false });
        done = true;
      }
      count = rc;
    }
    const resolvedAt = list[0]!.row.resolved_at!;
    for (const e of episodes) {
      truth.agents.add(`servicenow:${e.agent}`);
      truth.solves.push({
        ticket,
        agent: `servicenow:${e.agent}`,
        at: !e.undone && resolvedAt !== '?' ? minuteOf(resolvedAt) : e.start,
      });
    }
  }
  return truth;
}

export interface ExpectedMetrics {
  solved: { value: number; sample: number };
  resolutionAvgMinutes: { value: number | null; sample: number; reason?: 'not_enough_data' };
  reopened: { value: number; sample: number };
  reopenRate: { value: number | null; sample: number; reason?: 'not_enough_data' };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The numbers GET /api/people/:id/metrics must show for `agent` over [from, to), minimum samples 5 (the defaults). */
export function expectedMetrics(truth: LogTruth, agent: string, from: number, to: number): ExpectedMetrics {
  const inside = (at: number) => at >= from && at < to;
  const lastSolve = new Map<string, number>();
  for (const s of truth.solves)
    if (s.agent === agent && inside(s.at))
      lastSolve.set(s.ticket, Math.max(s.at, lastSolve.get(s.ticket) ?? -Infinity));
  const minutes = [...lastSolve]
    .map(([ticket, at]) => (at - truth.opened.get(ticket)!) / 60_000)
    .filter((m) => m >= 0);
  const reopened = truth.reopens.filter((r) => r.against === agent && inside(r.at)).length;
  const solved = lastSolve.size;
  const enough = (n: number) => n >= 5;
  return {
    solved: { value: solved, sample: solved },
    resolutionAvgMinutes: enough(minutes.length)
      ? { value: round2(minutes.reduce((a, b) => a + b, 0) / minutes.length), sample: minutes.length }
      : { value: null, sample: minutes.length, reason: 'not_enough_data' },
    reopened: { value: reopened, sample: reopened },
    reopenRate: enough(solved)
      ? { value: round2((100 * reopened) / solved), sample: solved }
      : { value: null, sample: solved, reason: 'not_enough_data' },
  };
}
