/** The range the pop-up budget accepts from a person: at least one, and few enough to stay pop-ups. */
export const POPUPS_PER_HOUR = { min: 1, max: 20 } as const;

/** Reads what was typed into the "pop-ups an hour" field: the number, or a sentence saying what to type. */
export function parsePopupsPerHour(
  text: string,
): { ok: true; value: number } | { ok: false; message: string } {
  const { min, max } = POPUPS_PER_HOUR;
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `Enter how many pop-ups an hour, from ${min} to ${max}.` };
  if (!/^-?\d+$/.test(trimmed)) return { ok: false, message: `Use a whole number from ${min} to ${max}.` };
  const value = Number(trimmed);
  if (value < min)
    return {
      ok: false,
      message: `At least ${min} an hour. To stop pop-ups altogether, turn off “Pop-ups” below.`,
    };
  if (value > max)
    return { ok: false, message: `At most ${max} an hour — more than that is a stream, not a pop-up.` };
  return { ok: true, value };
}
