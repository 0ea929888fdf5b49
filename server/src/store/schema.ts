/**
 * Table types for Kysely. Portable across SQLite and PostgreSQL: instants are ISO-8601 UTC strings written by
 * `toIsoUtc` (fixed width, so text order is time order), booleans are 0/1 integers, structured values are
 * JSON text parsed by zod on the way out.
 */
export interface TeamsTable {
  id: string;
  name: string;
  timezone: string;
  daily_goal: string;
  schedule: string;
  created_at: string;
}

export interface PeopleTable {
  id: string;
  name: string;
  role: string;
  timezone: string;
  /** JSON WeeklySchedule, or null to follow the team's. */
  schedule: string | null;
  absences: string;
  claimed: number;
  profile: string;
  created_at: string;
}

export interface TeamMembersTable {
  team_id: string;
  person_id: string;
}

export interface HandlesTable {
  handle: string;
  person_id: string;
}

export interface TokensTable {
  id: string;
  token_hash: string;
  person_id: string;
  kind: string;
  label: string;
  created_at: string;
  revoked_at: string | null;
  /** Migration 0014: when the token last authenticated a request (at most hourly); null if never. */
  last_used_at: string | null;
}

/** One-time pairing codes, stored as SHA-256 of the normalised code (migration 0007). */
export interface PairingCodesTable {
  id: string;
  code_hash: string;
  person_id: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  /** The device token the code was exchanged for. */
  token_id: string | null;
}

export interface EventsTable {
  source: string;
  external_id: string;
  type: string;
  agent_id: string | null;
  ticket_id: string;
  at: string;
  /** The normalised HelpdeskEvent (agentId resolved to a person id). */
  body: string;
  ingested_at: string;
}

/** Requests counted per key (kind and client) and minute (window_start: minutes since the epoch). */
export interface RateCountersTable {
  key: string;
  window_start: number;
  count: number;
}

export interface FeedTable {
  person_id: string;
  seq: number;
  type: string;
  /** The whole payload's JSON, or with `shared_id` only this person's own fields (the rest is shared). */
  payload: string;
  at: string;
  /** The feed_shared row holding the fields this entry has in common with other people's (migration 0016). */
  shared_id: string | null;
}

/** Fields many people's feed entries have in common (one team kudos), stored once (migration 0016). */
export interface FeedSharedTable {
  id: string;
  /** A JSON object: the common fields; an entry's payload is these plus its row's own `payload` fields. */
  body: string;
  at: string;
}

export interface FeedHeadsTable {
  person_id: string;
  seq: number;
}

export interface IdempotencyTable {
  person_id: string;
  key: string;
  action: string;
  result_id: string | null;
  created_at: string;
  /** Hash of the first request under this key (migration 0004); null on older rows. */
  request_hash: string | null;
  /** JSON array of every id the first request created (migration 0004); null on older rows. */
  result_ids: string | null;
}

export interface KudosTable {
  id: string;
  kind: string;
  from_person_id: string | null;
  to_person_id: string;
  body: string;
  at: string;
  thanked_at: string | null;
  read_at: string | null;
  /** For customer kudos: the csat event it came from, so a replayed rating never doubles it. */
  source_key: string | null;
}

export interface MissionsTable {
  id: string;
  agent_id: string;
  team_id: string | null;
  status: string;
  window_start: string;
  window_end: string;
  /** JSON Mission. */
  body: string;
  /** JSON MissionProgress, as last evaluated. */
  progress: string;
  updated_at: string;
}

export interface OffersTable {
  id: string;
  agent_id: string;
  week_start: string;
  status: string;
  body: string;
}

export interface PersonStateTable {
  person_id: string;
  streak: string;
  growth: string;
  trends: string;
  updated_at: string;
}

export interface TimelineTable {
  id: string;
  agent_id: string;
  at: string;
  kind: string;
  /** The entry's refId ('' when none). Entry ids are deterministic, so (agent_id, id) makes replays land once. */
  ref_key: string;
  points: number;
  body: string;
}

export interface CoachingTable {
  id: string;
  agent_id: string;
  author_id: string;
  body: string;
  updated_at: string;
}

export interface IdeasTable {
  id: string;
  team_id: string | null;
  /** null for anonymous ideas: the author is never stored with them. */
  author_id: string | null;
  status: string;
  body: string;
  updated_at: string;
}

export interface ConsultationsTable {
  id: string;
  team_id: string;
  closes_at: string;
  body: string;
  created_at: string;
}

/** Who answered a consultation: no answer and no time, so it links to nothing that was said. */
export interface ConsultationParticipantsTable {
  consultation_id: string;
  person_id: string;
}

/** A consultation's answers folded together (counts, sorted texts): no person, no time. */
export interface ConsultationTalliesTable {
  consultation_id: string;
  body: string;
}

/** Answers to named (not anonymous) consultations, with their author and time. */
export interface ConsultationNamedAnswersTable {
  consultation_id: string;
  person_id: string;
  body: string;
  at: string;
}

/** An agent's growth plan (migration 0010): visibility and next check-in beside the JSON GrowthPlan. */
export interface GrowthPlansTable {
  agent_id: string;
  visibility: string;
  /** YYYY-MM-DD in the agent's zone, or null when none is agreed. */
  next_check_in: string | null;
  body: string;
  updated_at: string;
}

export interface JobRunsTable {
  job: string;
  period: string;
  ran_at: string;
}

/** A weekly recap or supervisor briefing as delivered (migration 0011): one row per person, subject and week. */
export interface WeeklyRecapsTable {
  person_id: string;
  subject: string;
  for_week: string;
  body: string;
  delivered_at: string;
}

/** One agent's metric tallies of one local day (migration 0015): `tickets` is Record<ticketId, TicketCredit> JSON. */
export interface AgentDayTalliesTable {
  agent_id: string;
  day: string;
  tickets: string;
}

/** The zone an agent's tallies are bucketed in (migration 0015); no row: the agent's tallies are not built. */
export interface TallyZonesTable {
  agent_id: string;
  timezone: string;
}

/** Work owed to the store across restarts (migration 0003): one row per job while it is due. */
export interface PendingWorkTable {
  job: string;
  request_id: string;
  requested_at: string;
}

/** A helpdesk pull connection (connectors/). `secret` is AES-256-GCM ciphertext, never the credential itself. */
export interface ConnectionsTable {
  id: string;
  vendor: string;
  name: string;
  base_url: string;
  auth_kind: string;
  /** The Zendesk e-mail of an API-token login; not secret, shown to the admin. */
  login: string | null;
  secret: string;
  status: string;
  status_message: string | null;
  start_from: string;
  poll_seconds: number;
  next_poll_at: string;
  last_sync_at: string | null;
  last_success_at: string | null;
  /** The newest vendor update time the cursors have passed: lag is measured from it. */
  synced_through: string | null;
  events_imported: number;
  last_error: string | null;
  last_error_at: string | null;
  created_at: string;
}

/** Where one stream of one connection has got to (JSON, the stream's own shape). */
export interface ConnectionCursorsTable {
  connection_id: string;
  stream: string;
  cursor: string;
  updated_at: string;
}

export interface Database {
  teams: TeamsTable;
  people: PeopleTable;
  team_members: TeamMembersTable;
  handles: HandlesTable;
  tokens: TokensTable;
  pairing_codes: PairingCodesTable;
  events: EventsTable;
  feed: FeedTable;
  feed_heads: FeedHeadsTable;
  feed_shared: FeedSharedTable;
  rate_counters: RateCountersTable;
  idempotency: IdempotencyTable;
  kudos: KudosTable;
  missions: MissionsTable;
  offers: OffersTable;
  person_state: PersonStateTable;
  timeline: TimelineTable;
  coaching: CoachingTable;
  ideas: IdeasTable;
  job_runs: JobRunsTable;
  pending_work: PendingWorkTable;
  consultations: ConsultationsTable;
  consultation_participants: ConsultationParticipantsTable;
  consultation_tallies: ConsultationTalliesTable;
  consultation_named_answers: ConsultationNamedAnswersTable;
  connections: ConnectionsTable;
  connection_cursors: ConnectionCursorsTable;
  growth_plans: GrowthPlansTable;
  recognition_settings: RecognitionSettingsTable;
  weekly_recaps: WeeklyRecapsTable;
  agent_day_tallies: AgentDayTalliesTable;
  tally_zones: TallyZonesTable;
}

/** A person's recognition choices (migration 0012): on the most-improved board or not (0/1). */
export interface RecognitionSettingsTable {
  person_id: string;
  board_opt_in: number;
  updated_at: string;
}
