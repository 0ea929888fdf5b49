import type { z } from 'zod';

/** Where a request went wrong, for programs: a dotted path into what was sent, and the reason. */
export interface Issue {
  path: string;
  message: string;
}

/**
 * Why the server refuses to do something, in the domain's words. Actions, the engine and ingest throw these;
 * only http/ turns a kind into an HTTP status, so the same rule answers the same way over HTTP, the CLI and
 * the importer.
 */
export type RefusalKind =
  /** What was sent is malformed or names something impossible (an unknown time zone, an empty window). */
  | 'invalid'
  /** What should prove who the caller is (a pairing code) is not one the server knows. */
  | 'unauthenticated'
  /** The caller is known but may not do this. */
  | 'forbidden'
  | 'not_found'
  /** It clashes with what is stored (a handle owned by someone else, an offer already closed, a reused key). */
  | 'conflict'
  /** It existed but is no longer usable: a pairing code that expired or was already used. */
  | 'gone'
  /** Well-formed and allowed, but a rule says no (the daily kudos cap, kudos to oneself, a team without agents). */
  | 'rule'
  /** More than the server takes in one go. */
  | 'too_large'
  /** The work could not finish now; sending the same again later resumes it. */
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly kind: RefusalKind,
    /** A stable machine-readable code, e.g. `daily_cap_reached`. */
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
  }
}

export const invalid = (message: string, issues?: Issue[]) =>
  new DomainError('invalid', 'invalid_request', message, issues);
export const forbidden = (message = 'You may not do this.') =>
  new DomainError('forbidden', 'forbidden', message);
export const notFound = (what: string) => new DomainError('not_found', 'not_found', `${what} was not found.`);
export const conflict = (message: string, code = 'conflict') => new DomainError('conflict', code, message);
export const ruleRefused = (code: string, message: string) => new DomainError('rule', code, message);

/**
 * The database could not be reached or dropped the connection mid-request: nothing this request had not yet
 * committed is stored, and the same request sent again once the database is back does the work (every write is
 * idempotent or keyed). `reason` is the driver's words (connection refused, terminated by an administrator …).
 */
export const databaseUnavailable = (reason: string) =>
  new DomainError(
    'unavailable',
    'database_unavailable',
    `The database is not answering (${reason}); what this request had not committed was rolled back. Retry shortly.`,
  );

/** A zod error as issues, paths dotted, `(body)` for the whole value. */
export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
}
