/**
 * The pairing code's shape and lifetime, without zod: the sign-in screen shows them before anything heavier
 * has loaded (shared/api/pairing.ts builds its schemas on these).
 */
export const PAIRING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_LENGTH = 8;
/** Long enough to walk over to a colleague's desk, short enough that a code left on a sticky note is dead. */
export const PAIRING_CODE_TTL_MINUTES = 10;
