/** Calendar dates as the records keep them: `YYYY-MM-DD`, and always a real day. */

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** The shape of an ISO date (for schemas); {@link parseIsoDate} also checks the calendar. */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** `YYYY-MM-DD` for a real calendar date, null for 2022年13月40日. */
export function isoDate({ year, month, day }: DateParts): string | null {
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Splits a `YYYY-MM-DD` string of a real day; throws a RangeError on anything else. */
export function parseIsoDate(value: string): DateParts {
  const match = ISO_DATE.exec(value);
  const parts = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
  if (!parts || isoDate(parts) !== value) throw new RangeError(`Expected a YYYY-MM-DD date, got ${JSON.stringify(value)}`);
  return parts;
}

const MONTHS_EN = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });

/** `11` → `November`. */
export function englishMonth(month: number): string {
  return MONTHS_EN.format(new Date(Date.UTC(2000, month - 1, 1)));
}
