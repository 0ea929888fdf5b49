import type { VendorClient } from './vendor-http';

/** A helpdesk user who can work tickets, as the vendor lists them: becomes a (claimable) Sidekick person. */
export interface VendorAgent {
  /** The handles that name this agent, the vendor id first ("zendesk:123", "email:ana@example.com"). */
  handles: string[];
  name: string;
}

/** What one page of a stream gave: events for the ingest service, where to continue, whether it is caught up. */
export interface StreamPage {
  events: Record<string, unknown>[];
  /** The cursor to store once this page's events are committed (JSON). */
  cursor: unknown;
  /** The stream has returned everything up to now (end of stream); polling again later continues from `cursor`. */
  done: boolean;
  /** The vendor time the stream has reached, for the lag shown to the admin (null: not known yet). */
  through: string | null;
}

export interface StreamCall {
  client: VendorClient;
  /** Vendor user ids (without prefix) of the agents read this sync: only their comments are agent replies. */
  agentIds: ReadonlySet<string>;
  /**
   * Ticket id → assignee id for the tickets read so far in this poll (vendor ids, without prefix): a stream read
   * later (Zendesk's metric events) credits an agentless record to the ticket's assignee. Bounded by one poll.
   */
  ticketAssignees: Map<string, string>;
  now: Date;
}

/** One incremental feed of a vendor (tickets, ticket events, ratings …) read page by page from a durable cursor. */
export interface PullStream {
  name: string;
  /** The cursor of a stream never read: its start (the connection's start-from time). */
  initial(startFrom: string): unknown;
  /** Reads the page at `cursor` (a stored cursor, parsed by the stream). */
  page(cursor: unknown, call: StreamCall): Promise<StreamPage>;
  /** The cursor in words for the status screen. */
  describe(cursor: unknown): string;
}

/** A vendor: how to authenticate, who its agents are, and its streams in the order they are read. */
export interface PullVendor {
  authorization(): string;
  /** Every agent (all pages); the credentials check reads only the first page. */
  agents(client: VendorClient): Promise<VendorAgent[]>;
  /** One authenticated read that proves the credentials: how many agents the first page shows. */
  check(client: VendorClient): Promise<number>;
  streams: PullStream[];
}

export const epochSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);
export const isoOfSeconds = (s: number): string => new Date(s * 1000).toISOString();
