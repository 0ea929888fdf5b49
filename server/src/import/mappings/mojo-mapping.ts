import { mojoSatisfied, mojoStars } from '../../../../shared/domain/csat-scores';
import { type RecordMapper } from '../import-types';
import { RecordOutput, agentHandle } from './event-builder';
import { FieldError, field, instant, text, type TimeOptions } from './field-readers';

/**
 * Mojo Helpdesk tickets as its API answers them (GET /api/v2/tickets, a JSON array per page; or JSON Lines) or as
 * a CSV export with the same fields ("Created on" and created_on are one column: headers are read in any case,
 * spaces as underscores). Mojo's own advice is to recognise agents by their resolution times and customer
 * ratings (the Mojo number), and those are what a ticket record carries. Per ticket, credited to
 * `assigned_to_id` (else an assignee e-mail, else the assignee's name):
 *   ticket_created  at created_on;
 *   ticket_assigned at first_assigned_on (else assigned_on);
 *   ticket_solved   at solved_on (else closed_on) when the status is Solved (50) or Closed (60);
 *   csat_rated      from rating (20–100 points, 1–5 stars or Mojo's label; 4 stars and up is satisfied) at
 *                   rated_on, with rating_comment.
 * A first reply is not imported: the ticket's first_commented_on does not say who wrote that comment, and a
 * customer's comment credited as an agent's reply would flatter the reply time.
 * Users records (GET /api/v2/users) with an agent role (role_id 15 and up) name the agents.
 */
export interface MojoOptions {
  source: string;
  timezone: string;
  onNaive?: TimeOptions['onNaive'];
}

const SOLVED = new Set(['50', 'solved', 'solution offered']);
const CLOSED = new Set(['60', 'closed']);
/** role_id of Mojo's staff: 15 restricted technician, 20 technician/agent, 30 manager, 35 admin, 40 owner. */
const STAFF_ROLE = 15;

/** "Created on" → created_on, "Assigned To ID" → assigned_to_id: CSV headers as the API's field names. */
function normalised(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields))
    out[
      key
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9_.]+/g, '_')
    ] = value;
  return out;
}

export function createMojoMapper(partial: Partial<MojoOptions> = {}): RecordMapper {
  const options: MojoOptions = { source: 'mojo', timezone: 'UTC', ...partial };
  const time: TimeOptions = { timezone: options.timezone, onNaive: options.onNaive };
  return {
    map: ({ line, fields: raw }) => {
      const fields = normalised(raw);
      if (isUser(fields)) {
        try {
          return userOutput(fields, options.source);
        } catch (err) {
          if (!(err instanceof FieldError)) throw err;
          return { events: [], rejections: [{ line, reason: err.message }] };
        }
      }
      return RecordOutput.of(line, (out) => {
        const id = text(fields, 'id') ?? text(fields, 'ticket_id');
        if (!id) throw new FieldError('id (the ticket id) is missing');
        const createdAt = instant(fields, 'created_on', time);
        if (!createdAt) throw new FieldError(`created_on of ticket ${id} is missing`);
        const assignee = assigneeOf(fields, options.source);
        const status = (text(fields, 'status_id') ?? text(fields, 'status'))?.toLowerCase();
        const base = { source: options.source, ticketId: id };
        const key = (what: string) => `ticket/${id}/${what}`;

        out.add({ ...base, type: 'ticket_created', externalId: key('created'), at: createdAt });
        const assignedAt = instant(fields, 'first_assigned_on', time) ?? instant(fields, 'assigned_on', time);
        if (assignee && assignedAt)
          out.add({
            ...base,
            type: 'ticket_assigned',
            externalId: key('assigned'),
            agent: assignee,
            at: assignedAt,
          });

        const solvedAt =
          instant(fields, 'solved_on', time) ??
          (status !== undefined && CLOSED.has(status) ? instant(fields, 'closed_on', time) : undefined);
        const done = status !== undefined && (SOLVED.has(status) || CLOSED.has(status));
        if (done) {
          if (!solvedAt)
            out.reject(
              `ticket ${id} is ${status} but has neither solved_on nor closed_on; the solve is not imported`,
            );
          else if (!assignee)
            out.reject(
              `ticket ${id} is solved but has no assignee to credit it to; the solve is not imported`,
            );
          else
            out.add({
              ...base,
              type: 'ticket_solved',
              // A ticket solved again after a reopen has a new solved_on: a new solve, not a duplicate.
              externalId: key(`solved/${solvedAt}`),
              agent: assignee,
              at: solvedAt,
            });
        }

        const rating = field(fields, 'rating');
        if (rating !== undefined && rating !== null && rating !== '') {
          const score = typeof rating === 'number' ? rating : text(fields, 'rating');
          if (score === undefined) return;
          let satisfied: boolean;
          try {
            mojoStars(score);
            satisfied = mojoSatisfied(score);
          } catch (err) {
            throw new FieldError(`ticket ${id}: ${(err as Error).message}`);
          }
          const ratedAt =
            instant(fields, 'rated_on', time) ?? solvedAt ?? instant(fields, 'updated_on', time);
          const comment = text(fields, 'rating_comment');
          if (!assignee)
            out.reject(
              `ticket ${id} has a rating but no assignee to credit it to; the rating is not imported`,
            );
          else if (!ratedAt)
            out.reject(
              `ticket ${id} has a rating but no rated_on to place it at; the rating is not imported`,
            );
          else
            out.add({
              ...base,
              type: 'csat_rated',
              externalId: key('rating'),
              agent: assignee,
              satisfied,
              originalScore: score,
              at: ratedAt,
              ...(comment ? { comment: comment.slice(0, 4000) } : {}),
            });
        }
      });
    },
    finish: () => ({ events: [], rejections: [] }),
  };
}

function assigneeOf(fields: Record<string, unknown>, source: string): string | undefined {
  const id = text(fields, 'assigned_to_id');
  if (id && id !== '0') return agentHandle(source, id);
  const email =
    text(fields, 'assigned_to_email') ?? text(fields, 'assignee_email') ?? text(fields, 'assignee.email');
  if (email) return `email:${email.toLowerCase()}`;
  const name = text(fields, 'assigned_to') ?? text(fields, 'assignee');
  return name ? agentHandle(source, name) : undefined;
}

/** A users record (API /api/v2/users): it has a role and no ticket fields. */
function isUser(fields: Record<string, unknown>): boolean {
  return (
    field(fields, 'role_id') !== undefined &&
    field(fields, 'status_id') === undefined &&
    field(fields, 'title') === undefined
  );
}

function userOutput(fields: Record<string, unknown>, source: string) {
  const id = text(fields, 'id');
  const role = Number(text(fields, 'role_id'));
  if (!id || !Number.isFinite(role) || role < STAFF_ROLE) return { events: [], rejections: [] };
  const email = text(fields, 'email')?.toLowerCase();
  const name =
    text(fields, 'full_name') ??
    ([text(fields, 'first_name'), text(fields, 'last_name')].filter(Boolean).join(' ') ||
      email ||
      `${source}:${id}`);
  return {
    events: [],
    rejections: [],
    agents: [{ handles: [`${source}:${id}`, ...(email ? [`email:${email}`] : [])], name }],
  };
}
