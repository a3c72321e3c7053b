/**
 * A BibTeX / biblatex `@article` entry. Every value is brace-delimited; text
 * values escape the LaTeX specials, so braces always balance and no value can
 * end the entry early. `date`, `urldate` and `langid` are biblatex fields;
 * classic BibTeX ignores them and uses `year`, `month` and `url`/`note`.
 */
import { authorOf, oneLine, parseIsoDate, type CitableArticle } from './citation.ts';

const SPECIALS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  // Not `\{`/`\}`: BibTeX and biber count every brace, escaped or not, when
  // finding the end of a value, so a lone `\{` would unbalance the entry.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** Escapes BibTeX/LaTeX specials in one pass (so inserted braces are not re-escaped); the result's braces always balance. */
export function escapeBibtex(value: string): string {
  return oneLine(value).replace(/[\\{}%&$#_^~]/gu, (c) => SPECIALS[c] ?? c);
}

/**
 * `url` is read verbatim by biblatex/hyperref, so LaTeX escapes would end up in
 * the link. Only what could break the entry is changed, to its equivalent
 * percent-encoding: braces, backslash and whitespace.
 */
function bibtexUrl(url: string): string {
  return url.trim().replace(/[{}\\\s]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Citation key: the ASCII id with `-` → `_` and anything outside `[A-Za-z0-9_]` dropped. */
export function bibtexKey(id: string): string {
  const key = id.replace(/-/gu, '_').replace(/[^A-Za-z0-9_]/gu, '');
  return key === '' ? 'article' : key;
}

export function formatBibtex(a: CitableArticle): string {
  const issued = parseIsoDate(a.date);
  parseIsoDate(a.accessed);
  const fields: Array<[string, string]> = [
    // Extra braces: an organisation, not "Family, Given" to be split on spaces or "and".
    ['author', `{${escapeBibtex(authorOf(a))}}`],
    ['title', escapeBibtex(a.title)],
    ['journal', escapeBibtex(a.publicationTitle)],
    ['year', String(a.year)],
    ['number', String(a.issue)],
    ['month', String(issued.month)],
    ['date', a.date],
    ['url', bibtexUrl(a.url)],
    ['urldate', a.accessed],
    ['publisher', escapeBibtex(a.publisher)],
    // biblatex reads `address` as `location`; classic styles print it too.
    ['address', escapeBibtex(a.publisherPlace)],
    ['note', escapeBibtex(`总第${a.cumulative}期`)],
    ['langid', 'chinese'],
  ];
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@article{${bibtexKey(a.id)},\n${body}\n}\n`;
}
