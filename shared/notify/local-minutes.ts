/**
 * Minutes since local midnight at `now` in a time zone (quiet hours are wall-clock times in the person's own
 * zone). Intl only, so the browser host does not pull a date library into the page. An unknown or missing
 * zone falls back to the runtime's own zone, which is the person's until the snapshot says otherwise.
 */
export function minutesInZone(now: number, timeZone: string | null | undefined): number {
  const format = (zone: string | undefined) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = format(timeZone ?? undefined);
  } catch {
    formatter = format(undefined);
  }
  const parts = formatter.formatToParts(new Date(now));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (part('hour') % 24) * 60 + part('minute');
}
