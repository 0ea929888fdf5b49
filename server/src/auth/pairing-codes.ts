import { createHash, randomInt } from 'node:crypto';
import { PAIRING_ALPHABET, PAIRING_CODE_LENGTH, normalisePairingCode } from '../../../shared/api/pairing';

/** 8 characters from the unambiguous alphabet, each from the OS's CSPRNG: 31^8 ≈ 8.5·10^11 codes. */
export function generatePairingCode(): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  return code;
}

/**
 * Codes are stored only as SHA-256 of the normalised code (prefixed, so a code's hash never equals a token's),
 * and found by hash: the database never holds a usable code. A short code's hash could be brute-forced
 * offline by someone holding the database, which is why a code lives only minutes and works once.
 */
export function hashPairingCode(code: string): string {
  return createHash('sha256')
    .update(`sidekick-pairing:${normalisePairingCode(code)}`, 'utf8')
    .digest('hex');
}
