import { translate, type Lang } from '../i18n/index.ts';
import type { Issue } from '../model/records.ts';

/** Every year from the archive's first to its last, with its issues (oldest first); a year with none has an empty list. */
export function archiveYears(chronological: readonly Issue[]): { year: number; issues: Issue[] }[] {
  const first = chronological[0]?.year;
  const last = chronological.at(-1)?.year;
  if (first === undefined || last === undefined) return [];
  const byYear = new Map<number, Issue[]>();
  for (const issue of chronological) byYear.set(issue.year, [...(byYear.get(issue.year) ?? []), issue]);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index).map((year) => ({ year, issues: byYear.get(year) ?? [] }));
}

/** The years a chart covers, for its description: 2022, or 2018 to 2022. */
export function yearSpan(lang: Lang, years: readonly { year: number }[]): string {
  const [first, last] = [years[0]?.year, years.at(-1)?.year];
  return first === last ? String(first ?? '') : translate(lang, 'chart.yearSpan', { first: first ?? '', last: last ?? '' });
}
