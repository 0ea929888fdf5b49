import { z } from 'zod';

/**
 * History files the importer reads: CSV with a header row, JSON Lines (one object a line), or JSON as vendor APIs
 * answer — an array of records, or a page object whose arrays (`tickets`, `metric_sets`, `users` …) hold them.
 */
export const IMPORT_FORMATS = ['csv', 'jsonl', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The mappings built into the importer; anything else is described by a mapping file (`spec`). */
export const BUILT_IN_MAPPINGS = ['generic', 'zendesk', 'freshdesk', 'servicenow', 'mojo'] as const;

/**
 * The query of POST /api/admin/import: either a built-in mapping by name with a few options, or a whole mapping
 * file as JSON in `spec` (for generic files with renamed columns). Same shape as the CLI flags.
 */
export const ImportQuery = z
  .object({
    mapping: z.enum(BUILT_IN_MAPPINGS).optional(),
    format: z.enum(IMPORT_FORMATS).optional(),
    source: z.string().min(1).max(64).optional(),
    timezone: z.string().min(1).max(64).optional(),
    timeFormat: z.string().min(1).max(64).optional(),
    // The whole URL must fit in Node's 16 KiB header limit; mapping files are small.
    spec: z.string().max(8_000).optional(),
  })
  .strict()
  .refine((q) => (q.mapping === undefined) !== (q.spec === undefined), {
    message:
      'give either `mapping` (generic, zendesk, freshdesk, servicenow, mojo) or `spec` (a mapping file as JSON)',
  });
export type ImportQuery = z.infer<typeof ImportQuery>;

/** A line the importer could not use, and why. Never silently dropped: it ends up in the summary. */
export const ImportRejection = z.object({
  line: z.number().int().min(0),
  reason: z.string(),
  /** The file the line is in, when one import reads several files. */
  file: z.string().optional(),
});
export type ImportRejection = z.infer<typeof ImportRejection>;

export const IMPORT_WARNING_KINDS = ['naive_times_as_utc', 'id_not_unique', 'unknown_people'] as const;

/**
 * Something the import did that it could not be sure was meant: times without an offset read as UTC because no
 * zone was given, an id column that repeats within the file (the repeats are not stored), rows naming people no
 * one created (they become unclaimed people). `lines` are the first few lines concerned.
 */
export const ImportWarning = z.object({
  kind: z.enum(IMPORT_WARNING_KINDS),
  count: z.number().int().min(1),
  message: z.string(),
  lines: z.array(z.number().int().min(0)),
});
export type ImportWarning = z.infer<typeof ImportWarning>;

export const ImportSummary = z.object({
  records: z.number().int().min(0),
  events: z.number().int().min(0),
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  rejectedCount: z.number().int().min(0),
  /** The first rejections (up to a thousand), in file order; `rejectedCount` is always exact. */
  rejected: z.array(ImportRejection),
  /** Records that were read fine but describe no change worth an event (e.g. an audit row that only edits notes). */
  recordsWithoutEvents: z.number().int().min(0),
  seconds: z.number().min(0),
  /**
   * Records the mapping's row filter left out (e.g. only answered calls). Optional so replies of older servers
   * (and summaries other code builds) stay valid: this server always sends it.
   */
  filtered: z.number().int().min(0).optional(),
  /** What was imported but may not be what was meant; `--strict` makes any of them a non-zero exit. Optional as above. */
  warnings: z.array(ImportWarning).optional(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/** The answer of POST /api/admin/import: the summary, and whether missions, streaks and offers were recomputed. */
export const ImportReply = ImportSummary.extend({ recomputed: z.boolean() });
export type ImportReply = z.infer<typeof ImportReply>;
