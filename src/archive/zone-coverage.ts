/**
 * Which Han query forms of each named zone some article *not* naming the
 * zone contains, as the search index sees the text: title, body and 供稿
 * line apart, NFKC-normalized, format characters dropped. A search for any
 * other form needs no lookup of the text: the zone's own articles are all the
 * articles that contain it. The check errs towards "contains" (a variation
 * selector the index keeps is ignored here), never the other way.
 */
import type { Issue } from '../model/records.ts';
import { queryForms, type ZoneEntry } from '../parks/zone-query.ts';

const HAN_ONLY = /^\p{Script=Han}+$/u;
const FORMAT = /\p{Cf}/gu;

const searchable = (text: string): string => text.normalize('NFKC').replace(FORMAT, '');

export function uncoveredForms(zones: readonly ZoneEntry[], issues: readonly Issue[]): Map<string, string[]> {
  // Forms one named zone owns alone: the others resolve to no zone, and are searched as text.
  const formsByStart = new Map<string, { form: string; zone: string }[]>();
  for (const [form, owners] of queryForms(zones)) {
    const [zone] = owners;
    if (owners.size !== 1 || !zone || zone.page === null || !HAN_ONLY.test(form)) continue;
    // Keyed by the first two code units (every form has two characters at least).
    const start = form.slice(0, 2);
    formsByStart.set(start, [...(formsByStart.get(start) ?? []), { form, zone: zone.name }]);
  }
  const uncovered = new Map<string, Set<string>>();
  if (formsByStart.size === 0) return new Map();
  // The regular expression engine finds the places where a form may start; each is then checked.
  const starts = new RegExp([...formsByStart.keys()].join('|'), 'g');
  for (const issue of issues) {
    for (const article of issue.sections.flatMap((section) => section.articles)) {
      const parks = new Set(article.parks);
      for (const text of [article.title, article.text, article.source ?? ''].map(searchable)) {
        starts.lastIndex = 0;
        for (let match = starts.exec(text); match !== null; match = starts.exec(text)) {
          for (const { form, zone } of formsByStart.get(match[0]) ?? []) {
            if (!parks.has(zone) && text.startsWith(form, match.index)) uncovered.set(zone, (uncovered.get(zone) ?? new Set()).add(form));
          }
          // Starts may overlap (长春 in 吉林长春): look again from the next character.
          starts.lastIndex = match.index + 1;
        }
      }
    }
  }
  return new Map([...uncovered].map(([zone, forms]) => [zone, [...forms].sort()]));
}
