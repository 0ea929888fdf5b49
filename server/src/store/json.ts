import type { z } from 'zod';

/** Stored JSON is parsed with its zod schema on the way out, so a corrupt row fails loudly, not silently. */
export function readJson<S extends z.ZodType>(schema: S, text: string): z.infer<S> {
  return schema.parse(JSON.parse(text));
}

export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}
