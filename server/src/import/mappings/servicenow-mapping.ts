import type { ImportRejection } from '../../../../shared/api/import';
import {
  ImportedEvent,
  type MapOutput,
  type MappedEvent,
  type RecordMapper,
  type SourceRecord,
} from '../import-types';
import { FieldError, instant, num, text, type TimeOptions } from './field-readers';

/**
 * The ServiceNow incident audit log (one row per update of an incident, e.g. the UCI "incident management
 * process enriched event log"). Events are derived from the difference between consecutive rows of an incident:
 *   ticket_created  — the first row of an incident, at `opened_at`;
 *   ticket_assigned — `assigned_to` changes to a known value (a '?' keeps the last known assignee);
 *   ticket_solved   — the state becomes Resolved, or Closed without a resolution before it; agent `resolved_by`;
 *                     at `resolved_at` for the incident's final resolution (that is what the field records),
 *                     at the row's `sys_updated_at` for a resolution that was later reopened;
 *   ticket_reopened — `reopen_count` increases, or the state goes from Resolved/Closed back to an active state;
 *                     counted against the agent who solved it.
 * Rows of an incident must be contiguous and in update order, as ServiceNow exports them. The solve is held
 * back until the next row of the incident (or its end) shows whether it was final, which is why this mapper
 * keeps one incident's state at a time: memory stays flat however long the log is.
 */
export interface ServiceNowOptions {
  source: string;
  timezone: string;
  /** Hears each time without an offset read as UTC (no zone given). */
  onNaive?: TimeOptions['onNaive'];
  timeFormat: string;
}

export const SERVICENOW_DEFAULTS: ServiceNowOptions = {
  source: 'servicenow',
  timezone: 'UTC',
  timeFormat: 'dd-MM-yyyy HH:mm',
};

const ACTIVE_STATES = new Set([
  'New',
  'Active',
  'In Progress',
  'On Hold',
  'Awaiting User Info',
  'Awaiting Problem',
  'Awaiting Vendor',
  'Awaiting Evidence',
]);
const DONE_STATES = new Set(['Resolved', 'Closed']);
const OTHER_STATES = new Set(['Canceled', 'Cancelled']);

/** How many finished incident numbers are remembered to detect an export that is not grouped by incident. */
const REMEMBERED_INCIDENTS = 100_000;

interface PendingSolve {
  line: number;
  externalId: string;
  agent: string;
  transitionAt: string;
  resolvedAt: string | undefined;
}

interface IncidentState {
  number: string;
  state: string | undefined;
  reopenCount: number | undefined;
  assignee: string | undefined;
  lastSolver: string | undefined;
  pendingSolve: PendingSolve | undefined;
  /** Set when the incident's rows are refused as a whole (not contiguous in the file). */
  refusal: string | undefined;
}

export function createServiceNowMapper(partial: Partial<ServiceNowOptions> = {}): RecordMapper {
  const options: ServiceNowOptions = { ...SERVICENOW_DEFAULTS, ...partial };
  const time: TimeOptions = {
    timezone: options.timezone,
    format: options.timeFormat,
    onNaive: options.onNaive,
  };
  const handle = (name: string) => `${options.source}:${name}`;
  const finished = new Map<string, number>();
  let current: IncidentState | undefined;

  const solveEvent = (number: string, solve: PendingSolve, final: boolean): MappedEvent => ({
    line: solve.line,
    event: {
      type: 'ticket_solved',
      source: options.source,
      externalId: solve.externalId,
      ticketId: number,
      agent: solve.agent,
      at: final ? (solve.resolvedAt ?? solve.transitionAt) : solve.transitionAt,
    },
  });

  const finishIncident = (lastLine: number): MappedEvent[] => {
    if (!current) return [];
    const out = current.pendingSolve ? [solveEvent(current.number, current.pendingSolve, true)] : [];
    if (!current.refusal) {
      finished.set(current.number, lastLine);
      if (finished.size > REMEMBERED_INCIDENTS) finished.delete(finished.keys().next().value!);
    }
    current = undefined;
    return out;
  };

  let lastLine = 0;

  const map = ({ line, fields }: SourceRecord): MapOutput => {
    const events: MappedEvent[] = [];
    const rejections: ImportRejection[] = [];
    const reject = (reason: string) => rejections.push({ line, reason });
    try {
      const number = text(fields, 'number');
      if (!number) throw new FieldError('number (the incident) is missing');
      if (!current || current.number !== number) {
        events.push(...finishIncident(lastLine));
        const endedAt = finished.get(number);
        current = {
          number,
          state: undefined,
          reopenCount: undefined,
          assignee: undefined,
          lastSolver: undefined,
          pendingSolve: undefined,
          refusal:
            endedAt === undefined
              ? undefined
              : `rows of ${number} are not contiguous (its rows already ended at line ${endedAt}); sort the export by number and update time`,
        };
      }
      lastLine = line;
      const incident = current;
      if (incident.refusal) {
        reject(incident.refusal);
        return { events, rejections };
      }
      const state = text(fields, 'incident_state');
      if (!state) throw new FieldError('incident_state is missing');
      if (!ACTIVE_STATES.has(state) && !DONE_STATES.has(state) && !OTHER_STATES.has(state)) {
        throw new FieldError(`incident_state "${state}" is not a state this importer knows`);
      }
      const updatedAt = instant(fields, 'sys_updated_at', time);
      if (!updatedAt) throw new FieldError('sys_updated_at is unknown, so nothing on this row can be dated');
      const reopenCount = num(fields, 'reopen_count');
      const assignedTo = text(fields, 'assigned_to');
      const resolvedBy = text(fields, 'resolved_by');
      const resolvedAt = instant(fields, 'resolved_at', time);
      const firstRow = incident.state === undefined;
      const openedAt = firstRow ? instant(fields, 'opened_at', time) : undefined;
      if (firstRow && !openedAt)
        throw new FieldError(`opened_at of ${number} is unknown, so its creation cannot be dated`);

      const base = { source: options.source, ticketId: number };
      if (openedAt)
        events.push({
          line,
          event: { ...base, type: 'ticket_created', externalId: `${number}/created`, at: openedAt },
        });

      const wasDone = incident.state !== undefined && DONE_STATES.has(incident.state);
      const countRose =
        reopenCount !== undefined && incident.reopenCount !== undefined && reopenCount > incident.reopenCount;
      if ((wasDone && ACTIVE_STATES.has(state)) || countRose) {
        if (incident.pendingSolve) events.push(solveEvent(number, incident.pendingSolve, false));
        incident.pendingSolve = undefined;
        events.push({
          line,
          event: {
            ...base,
            type: 'ticket_reopened',
            externalId: `${number}/${updatedAt}/reopened`,
            at: updatedAt,
            ...(incident.lastSolver ? { agent: incident.lastSolver } : {}),
          },
        });
      }

      if (assignedTo && assignedTo !== incident.assignee) {
        events.push({
          line,
          event: {
            ...base,
            type: 'ticket_assigned',
            externalId: `${number}/${updatedAt}/assigned/${assignedTo}`,
            agent: handle(assignedTo),
            at: updatedAt,
          },
        });
        incident.assignee = assignedTo;
      }

      const nowDone = DONE_STATES.has(state);
      const stillDone = incident.state !== undefined && DONE_STATES.has(incident.state) && !countRose;
      if (nowDone && !stillDone) {
        if (!resolvedBy) {
          reject(
            `${number} became ${state} but resolved_by is unknown ('?'), so the solve cannot be credited to anyone; the solve is not imported`,
          );
        } else {
          incident.pendingSolve = {
            line,
            externalId: `${number}/${updatedAt}/solved`,
            agent: handle(resolvedBy),
            transitionAt: updatedAt,
            resolvedAt,
          };
          incident.lastSolver = handle(resolvedBy);
        }
      }

      incident.state = state;
      if (reopenCount !== undefined) incident.reopenCount = reopenCount;
    } catch (err) {
      if (!(err instanceof FieldError)) throw err;
      reject(err.message);
    }
    return { events, rejections };
  };

  return {
    map: (record) => validated(map(record)),
    finish: () => validated({ events: finishIncident(lastLine), rejections: [] }),
  };
}

/** Events are built field by field above; the schema still has the last word (lengths, handle syntax). */
function validated(out: MapOutput): MapOutput {
  const events: MappedEvent[] = [];
  const rejections = [...out.rejections];
  for (const { line, event } of out.events) {
    const parsed = ImportedEvent.safeParse(event);
    if (parsed.success) events.push({ line, event: parsed.data });
    else
      rejections.push({
        line,
        reason: `${event.type} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      });
  }
  return { events, rejections };
}
