import { translate, type Lang } from '../i18n/index.ts';
import type { Issue } from '../model/records.ts';
import { englishMonth } from '../text/iso-date.ts';

/** `2022-11-30` → `2022年11月30日` or `November 30, 2022`; `{month}` is a number in Chinese, a name in English. */
export function dateLabel(lang: Lang, iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return translate(lang, 'issue.date', { year, month: lang === 'en' ? englishMonth(month) : month, day });
}

/** `2022年第20期 · 总第549期` or its English form. */
export function issueLabel(lang: Lang, issue: Pick<Issue, 'year' | 'number' | 'cumulative'>): string {
  return translate(lang, 'issue.label', { year: issue.year, number: issue.number, cumulative: issue.cumulative });
}
