/**
 * Which Han query forms of each named zone some article *not* naming the
 * zone contains, as the search index sees the text: title, body and 供稿
 * line apart, NFKC-normalized. A search for any other form needs no lookup of
 * the text: the zone's own articles are all the articles that contain it. The
 * check errs towards "contains", never the other way: format characters and
 * marks (a variation selector) are dropped here even where the index keeps them.
 */
import type { Issue } from '../model/records.ts';
import { indexedText } from './search-records.ts';
import { queryForms, type ZoneEntry } from '../parks/zone-query.ts';

const HAN_ONLY = /^\p{Script=Han}+$/u;
const FORMAT_AND_MARKS = /[\p{Cf}\p{M}]/gu;

interface FormIndex {
  /** Forms that one zone owns alone, keyed by their first two code units (every form has two characters at least). */
  byStart: Map<string, { form: string; zone: string }[]>;
  /** Finds the places where a form may start; each is then checked. */
  starts: RegExp;
}

const searchable = (text: string): string => text.normalize('NFKC').replace(FORMAT_AND_MARKS, '');

export function uncoveredForms(zones: readonly ZoneEntry[], issues: readonly Issue[]): Map<string, string[]> {
  const index = formIndex(zones);
  if (!index) return new Map();
  const named = new Set(zones.filter((zone) => zone.page !== null).map((zone) => zone.name));
  const uncovered = new Map<string, Set<string>>();
  for (const issue of issues) {
    for (const [zone, forms] of scanIssue(index, issue)) {
      if (!named.has(zone)) continue;
      const all = uncovered.get(zone) ?? new Set<string>();
      for (const form of forms) all.add(form);
      uncovered.set(zone, all);
    }
  }
  return new Map([...uncovered].map(([zone, forms]) => [zone, [...forms].sort()]));
}

// Forms that several zones share resolve to no zone, and are searched as text.
function formIndex(zones: readonly ZoneEntry[]): FormIndex | null {
  const byStart = new Map<string, { form: string; zone: string }[]>();
  for (const [form, owners] of queryForms(zones)) {
    const [zone] = owners;
    if (owners.size !== 1 || !zone || !HAN_ONLY.test(form)) continue;
    const start = form.slice(0, 2);
    byStart.set(start, [...(byStart.get(start) ?? []), { form, zone: zone.name }]);
  }
  return byStart.size === 0 ? null : { byStart, starts: new RegExp([...byStart.keys()].join('|'), 'g') };
}

function scanIssue({ byStart, starts }: FormIndex, issue: Issue): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const article of issue.sections.flatMap((section) => section.articles)) {
    const parks = new Set(article.parks);
    for (const text of [article.title, indexedText(article), article.source ?? ''].map(searchable)) {
      starts.lastIndex = 0;
      for (let match = starts.exec(text); match !== null; match = starts.exec(text)) {
        for (const { form, zone } of byStart.get(match[0]) ?? []) {
          if (!parks.has(zone) && text.startsWith(form, match.index)) found.set(zone, (found.get(zone) ?? new Set()).add(form));
        }
        // Starts may overlap (长春 in 吉林长春): look again from the next character.
        starts.lastIndex = match.index + 1;
      }
    }
  }
  return found;
}
