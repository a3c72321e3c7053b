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
