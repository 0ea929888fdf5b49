/** 64-bit FNV-1a (as two 32-bit halves) in hex: a short, stable fingerprint for ids, not for security. */
export function fingerprint(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 + 0x1000) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** Joins parts into a deterministic id; ids longer than the contract's 128 characters are shortened to a fingerprint. */
export function stableId(...parts: string[]): string {
  const id = parts.join(':');
  return id.length <= 128 ? id : `${parts[0]}:${fingerprint(id)}`.slice(0, 128);
}
