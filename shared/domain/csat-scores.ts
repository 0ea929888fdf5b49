/**
 * What counts as a satisfied customer in each vendor's own scale: one rule for webhooks, the history import and
 * the pull connectors.
 */

/** Zendesk's CSAT is good/bad; its trigger placeholder renders "Good, I'm satisfied", exports say "good". */
export function isZendeskSatisfied(score: string | number): boolean {
  return String(score).trim().toLowerCase().startsWith('good');
}

/** Freshdesk CSAT: 103 extremely happy, 102 very happy, 101 happy, 100 neutral, negative values unhappy. */
export function freshdeskSatisfied(rating: string | number): boolean {
  const n = Number(rating);
  if (!Number.isNaN(n)) return n > 100 || (n >= 4 && n <= 5);
  const text = String(rating).toLowerCase();
  return /happy|good|great|satisfied/.test(text) && !/unhappy|not|dis/.test(text);
}
