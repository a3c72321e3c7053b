/**
 * `data/search-hints.json`: what the search page needs to offer "did you
 * mean" for a query that finds nothing, loaded only then. The phrases a query
 * may have meant (the names of the zones the archive names, and the words of
 * its titles and subheadings, most frequent first), English words of its
 * titles and zones, and the readings (pinyin without tones) of the common
 * characters, so that a character of the same sound (江们 for 江门, 佛删 for
 * 佛山) counts as a near miss.
 */
import { pinyin } from 'pinyin-pro';
import { ownEntry } from '../model/own-entry.ts';
import type { Issue, Park, Translation } from '../model/records.ts';
import { loadAliases } from '../parks/aliases.ts';
import { parkNameForms, ZONE, zoneStem } from '../parks/park-names.ts';
import type { SearchHints } from '../search/near-miss.ts';

/** Phrases kept, most frequent first: a cap on what a reader downloads for a near miss, whatever the archive's size. */
const MAX_PHRASES = 4000;
const HAN_WORD = /^\p{Script=Han}{2,8}$/u;
const LATIN_WORD = /^[a-z][a-z'-]{3,}$/u;

let commonChars: string | undefined;

/** The 3,755 characters of GB 2312's first level: the characters of everyday text, whose sounds a typing slip can borrow. */
function gb2312Level1(): string {
  if (commonChars === undefined) {
    const bytes: number[] = [];
    for (let row = 0xb0; row <= 0xd7; row++) for (let cell = 0xa1; cell <= 0xfe; cell++) if (!(row === 0xd7 && cell > 0xf9)) bytes.push(row, cell);
    commonChars = new TextDecoder('gbk').decode(new Uint8Array(bytes));
  }
  return commonChars;
}

export function searchHints(issues: readonly Issue[], translations: ReadonlyMap<number, Translation>, parks: readonly Park[]): SearchHints {
  const counts = new Map<string, number>();
  const count = (word: string, weight = 1) => counts.set(word, (counts.get(word) ?? 0) + weight);
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const english = new Set<string>();
  const named = new Set<string>();
  for (const issue of issues) {
    const translation = translations.get(issue.cumulative);
    for (const section of issue.sections) {
      for (const article of section.articles) {
        for (const park of article.parks) named.add(park);
        for (const text of [article.title, ...article.headings.map((heading) => heading.text)]) countWords(segmenter, text, count);
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
  return { phrases, words: [...english].sort(), sounds: sounds(new Set([...gb2312Level1(), ...phrases.join('')])) };
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

/** Characters by reading: `{ men: "们门闷…" }`, each character under every reading it has. */
function sounds(chars: ReadonlySet<string>): Record<string, string> {
  const bySound = new Map<string, string>();
  for (const char of [...chars].sort()) {
    const readings = pinyin(char, { toneType: 'none', multiple: true, type: 'array' }) as string[];
    for (const reading of new Set(readings)) if (/^[a-zü]+$/u.test(reading)) bySound.set(reading, (bySound.get(reading) ?? '') + char);
  }
  return Object.fromEntries([...bySound].sort((a, b) => a[0].localeCompare(b[0])));
}
