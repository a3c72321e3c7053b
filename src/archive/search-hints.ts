/**
 * `data/search-hints.json`: what the search page needs to offer "did you
 * mean" for a query that finds nothing, loaded only then. The phrases a query
 * may have meant (the names of the zones the archive names, and the words of
 * its titles and subheadings, most frequent first), English words of its
 * titles and zones, and the readings (pinyin without tones) of the common
 * characters (src/text/readings.ts), so that a character of the same sound (江们 for 江门, 佛删 for
 * 佛山) counts as a near miss.
 */
import { ownEntry } from '../model/own-entry.ts';
import type { Issue, Park, Translation } from '../model/records.ts';
import { loadAliases } from '../parks/aliases.ts';
import { parkNameForms, ZONE, zoneStem } from '../parks/park-names.ts';
import type { SearchHints } from '../search/near-miss.ts';
import { charsBySound } from '../text/char-readings.ts';

/** Phrases kept, most frequent first: a cap on what a reader downloads for a near miss, whatever the archive's size. */
const MAX_PHRASES = 4000;
const HAN_WORD = /^\p{Script=Han}{2,8}$/u;
const LATIN_WORD = /^[a-z][a-z'-]{3,}$/u;

/** Per issue, its title and subheading words with their counts: an issue npm start did not re-parse is not segmented again. */
const wordsOfIssue = new WeakMap<Issue, Map<string, number>>();
let segmenter: Intl.Segmenter | undefined;

export function searchHints(issues: readonly Issue[], translations: ReadonlyMap<number, Translation>, parks: readonly Park[]): SearchHints {
  const counts = new Map<string, number>();
  const count = (word: string, weight = 1) => counts.set(word, (counts.get(word) ?? 0) + weight);
  const english = new Set<string>();
  const named = new Set<string>();
  for (const issue of issues) {
    for (const [word, n] of issueWords(issue)) count(word, n);
    const translation = translations.get(issue.cumulative);
    for (const section of issue.sections) {
      for (const article of section.articles) {
        for (const park of article.parks) named.add(park);
        const titleEn = ownEntry(translation?.articles, article.title)?.title ?? '';
        for (const word of titleEn.toLowerCase().split(/[^a-z'-]+/u)) if (LATIN_WORD.test(word)) english.add(word);
      }
    }
  }
  // A zone's names outrank every word: they are what most searches are for.
  const top = Math.max(0, ...counts.values()) + 1;
  for (const [name, park] of zoneNames(parks)) {
    if (named.has(park) && HAN_WORD.test(name)) count(name, top);
  }
  for (const park of parks.filter((zone) => named.has(zone.shortName))) {
    for (const word of park.placeEn.toLowerCase().split(/[^a-z]+/u)) if (LATIN_WORD.test(word)) english.add(word);
  }
  const phrases = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'))
    .slice(0, MAX_PHRASES)
    .map(([word]) => word);
  return { phrases, words: [...english].sort(), sounds: charsBySound() };
}

function issueWords(issue: Issue): Map<string, number> {
  let words = wordsOfIssue.get(issue);
  if (!words) {
    const found = new Map<string, number>();
    segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
    for (const article of issue.sections.flatMap((section) => section.articles)) {
      for (const text of [article.title, ...article.headings.map((heading) => heading.text)]) countWords(segmenter, text, (word) => found.set(word, (found.get(word) ?? 0) + 1));
    }
    wordsOfIssue.set(issue, (words = found));
  }
  return words;
}

/** Counts the words of a title (ICU's segmentation) and each two words in a row (创新 创业 → 创新创业). */
function countWords(segmenter: Intl.Segmenter, text: string, count: (word: string) => void): void {
  let previous = '';
  for (const { segment } of segmenter.segment(text)) {
    const word = HAN_WORD.test(segment) ? segment : '';
    if (word !== '') count(word);
    if (previous !== '' && word !== '' && HAN_WORD.test(previous + word)) count(previous + word);
    previous = word;
  }
}

/** The names a reader types for a zone: its short name, the name without 高新区, the city-less forms (净月, 大冶湖), its nicknames. */
function zoneNames(parks: readonly Park[]): [name: string, park: string][] {
  const { derivedShortForms } = parkNameForms(parks);
  const names: [string, string][] = [];
  for (const park of parks) names.push([park.shortName, park.shortName], [zoneStem(park.shortName) ?? '', park.shortName]);
  for (const [form, park] of derivedShortForms) if (form.endsWith(ZONE) && !form.includes('国家')) names.push([form, park], [zoneStem(form) ?? '', park]);
  for (const alias of loadAliases(parks)) if (alias.rule.kind !== 'never') names.push([alias.alias, alias.park]);
  return names;
}
