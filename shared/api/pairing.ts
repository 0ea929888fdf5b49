import { z } from 'zod';
import { Id, IsoInstant } from '../domain/primitives';

/**
 * Pairing codes: a supervisor or admin makes a short one-time code for a person, who types it on a new device
 * instead of pasting a long token. Letters and digits that are never confused when read aloud or copied from a
 * screen: no 0/O, 1/I/L.
 */
import { PAIRING_ALPHABET, PAIRING_CODE_LENGTH, PAIRING_CODE_TTL_MINUTES } from './pairing-code';

export { PAIRING_ALPHABET, PAIRING_CODE_LENGTH, PAIRING_CODE_TTL_MINUTES };

/** What a person types, in any case, with or without the dash or spaces → the code's 8 characters. */
export function normalisePairingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** "ABCDEFGH" → "ABCD-EFGH": two groups of four are easier to read out and type. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

const CODE_PATTERN = new RegExp(`^[${PAIRING_ALPHABET}]{${PAIRING_CODE_LENGTH}}$`);

/** A pairing code as typed, normalised; anything else is malformed (a 400, not a wrong code). */
export const PairingCode = z
  .string()
  .max(40)
  .transform(normalisePairingCode)
  .pipe(
    z
      .string()
      .regex(
        CODE_PATTERN,
        `a pairing code is ${PAIRING_CODE_LENGTH} letters and digits, like ABCD-EFGH (no 0, O, 1, I or L)`,
      ),
  );

/** POST /api/pairing/exchange: the code, from a device that has no token yet. */
export const ExchangePairingCodeBody = z.object({ code: PairingCode });

/** The reply to a new code: shown once to the supervisor or admin, who hands it over. */
export const PairingCodeCreated = z.object({
  /** Grouped for reading out: ABCD-EFGH. */
  code: z.string(),
  personId: Id,
  personName: z.string(),
  expiresAt: IsoInstant,
});
export type PairingCodeCreated = z.infer<typeof PairingCodeCreated>;

/** The reply to an exchanged code: a device token for the person, shown this once and stored hashed. */
export const PairedDevice = z.object({
  token: z.string().min(16),
  personId: Id,
  personName: z.string(),
});
export type PairedDevice = z.infer<typeof PairedDevice>;
