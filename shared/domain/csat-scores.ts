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

const MOJO_LABELS: Record<string, number> = {
  unsatisfied: 1,
  'below average': 2,
  'works for me': 3,
  'well done': 4,
  'great job': 5,
};

/**
 * Mojo Helpdesk's ticket rating in stars (1–5): its API gives the Mojo-number points (20 per star, 20–100), its
 * screens and exports the stars or the label the customer picked ("Unsatisfied" … "Great job"). Anything else
 * (0, 7, 250, "1e309", an unknown word) is no rating and throws, so it is rejected rather than guessed.
 */
export function mojoStars(rating: string | number): number {
  const written = String(rating).trim();
  if (typeof rating === 'number' || NUMERIC.test(written)) {
    const n = Number(written);
    if (Number.isFinite(n) && n >= 1 && n <= 5) return n;
    if (Number.isFinite(n) && n >= 20 && n <= 100) return n / 20;
    throw new Error(`Mojo rating "${written.slice(0, 40)}" is neither 1–5 stars nor 20–100 points`);
  }
  const stars = MOJO_LABELS[written.toLowerCase()];
  if (stars === undefined)
    throw new Error(`Mojo rating "${written.slice(0, 40)}" is not one of Mojo's rating labels`);
  return stars;
}

/** A Mojo rating of 4 stars or more ("Well done", "Great job"; 80–100 points) is a satisfied customer. */
export function mojoSatisfied(rating: string | number): boolean {
  return mojoStars(rating) >= 4;
}
