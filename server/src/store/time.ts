/** Every stored instant goes through here: UTC, millisecond precision, fixed width, so text order is time order. */
export function toIsoUtc(instant: string | number | Date): string {
  const d = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(d.getTime())) throw new Error(`not an instant: ${String(instant)}`);
  return d.toISOString();
}
