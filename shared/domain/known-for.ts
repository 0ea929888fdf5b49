import type { Kudos, KudosValue } from './people-model';

export interface KnownForValue {
  value: KudosValue;
  /** How many kudos named this value. */
  count: number;
  /** The newest words someone wrote with it: a customer's quote, or the giver's message. */
  words: { text: string; from: string; at: string } | null;
}

/**
 * What a person is known for: the values their kudos name most, each with the latest words someone used
 * for it. Most named first; a tie goes to the value named most recently, then by name. Independent of the
 * order kudos arrive in and of duplicates (the same kudos id counts once).
 */
export function knownFor(kudos: readonly Kudos[], limit = 3): KnownForValue[] {
  const unique = new Map<string, Kudos>();
  for (const k of kudos) unique.set(k.id, k);
  const byValue = new Map<KudosValue, Kudos[]>();
  for (const k of unique.values()) byValue.set(k.value, [...(byValue.get(k.value) ?? []), k]);
  const newest = (a: Kudos, b: Kudos) => Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? -1 : 1);
  return [...byValue.entries()]
    .map(([value, list]) => {
      const sorted = [...list].sort(newest);
      const said = sorted.find((k) => (k.customerQuote ?? k.message).trim() !== '');
      return {
        value,
        count: list.length,
        latest: Date.parse(sorted[0]!.at),
        words: said
          ? { text: (said.customerQuote ?? said.message).trim(), from: said.fromName, at: said.at }
          : null,
      };
    })
    .sort((a, b) => b.count - a.count || b.latest - a.latest || a.value.localeCompare(b.value))
    .slice(0, limit)
    .map(({ value, count, words }) => ({ value, count, words }));
}
