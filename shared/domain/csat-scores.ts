/**
 * What counts as a satisfied customer in each vendor's own scale: one rule for webhooks, the history import and
 * the pull connectors.
 */

/** Zendesk's CSAT is good/bad; its trigger placeholder renders "Good, I'm satisfied", exports say "good". */
export function isZendeskSatisfied(score: string | number): boolean {
  return String(score).trim().toLowerCase().startsWith('good');
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$|^[+-]?Infinity$/i;

/**
 * Freshdesk CSAT: 103 extremely happy, 102 very happy, 101 happy, 100 neutral, negative values unhappy (and 4–5
 * of a five-point scale). A number, or text written as one, is classified only when finite: "1e309" is Infinity,
 * which is no rating at all, so it is refused (a webhook answers 400) rather than counted as satisfied.
 */
export function freshdeskSatisfied(rating: string | number): boolean {
  const written = String(rating).trim();
  if (typeof rating === 'number' || NUMERIC.test(written)) {
    const n = Number(written);
    if (!Number.isFinite(n)) throw new Error(`"rating" is not a finite number: ${written.slice(0, 40)}`);
    return n > 100 || (n >= 4 && n <= 5);
  }
  const text = written.toLowerCase();
  return /happy|good|great|satisfied/.test(text) && !/unhappy|not|dis/.test(text);
}
