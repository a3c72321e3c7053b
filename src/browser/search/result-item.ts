import { appendMarked, excerpt, matchRanges, splitContent } from './excerpt.ts';
import type { PagefindResultData } from './pagefind-api.ts';

const EXCERPT_LENGTH = 80;

/** How a result is shown on this page: its language, where its English twin lives, how columns are named. */
export interface ResultContext {
  doc: Document;
  english: boolean;
  /** The site's base path, `/` or `/archive/`. */
  base: string;
  /** The language of the indexed text, as lang attributes write it (`zh-CN`). */
  textLang: string;
  headingLevel: number;
  /** The column filter's labels by column title: how the English page names columns. */
  columnLabels: ReadonlyMap<string, string>;
  /** `供稿：` or `Source: `. */
  sourceLabel: string;
}

/** What a result marks: the typed phrases, or the name by which it names the zone the query names, said in a line of its own. */
export interface Highlight {
  phrases: readonly { text: string }[];
  /** `提及 江门高新区（江门高新技术产业开发区）`, for a result found through a zone rather than the typed text. */
  note: string | null;
}

/** The English twin of a site URL: `/base/issues/549/x/` → `/base/en/issues/549/x/`. */
export function englishUrl(url: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (!url.startsWith(root) || url.startsWith(`${root}en/`)) return url;
  return `${root}en/${url.slice(root.length)}`;
}

function paragraph(doc: Document, className: string, text?: string): HTMLParagraphElement {
  const p = doc.createElement('p');
  p.className = className;
  if (text !== undefined) p.textContent = text;
  return p;
}

function titleLink(data: PagefindResultData, title: string, highlight: Highlight, context: ResultContext): HTMLAnchorElement {
  const meta = data.meta ?? {};
  const link = context.doc.createElement('a');
  const url = data.raw_url || data.url || '';
  if (/^(\/|https?:\/\/)/u.test(url)) link.href = context.english ? englishUrl(url, context.base) : url;
  const titleEn = context.english && meta.title_en && meta.title_en !== meta.title ? meta.title_en : '';
  if (titleEn) appendMarked(link, titleEn, matchRanges(titleEn, highlight.phrases));
  else {
    appendMarked(link, title, matchRanges(title, highlight.phrases));
    if (context.english) link.lang = context.textLang;
  }
  return link;
}

/** Issue · column · source, the source with the match marked: what it was found by, when the typed text is its source. */
function metaLine(meta: Record<string, string>, highlight: Highlight, { doc, english, columnLabels, sourceLabel, textLang }: ResultContext): HTMLParagraphElement {
  const issue = (english && meta.issue_en) || meta.issue || '';
  const translated = english ? columnLabels.get(meta.column ?? '') : undefined;
  const line = paragraph(doc, 'search-result-meta', issue);
  const column = doc.createElement('span');
  column.textContent = translated || meta.column || '';
  // A column the English page has no name for keeps its Chinese one, marked as Chinese.
  if (english && (!translated || translated === meta.column)) column.lang = textLang;
  if (column.textContent !== '') line.append(issue === '' ? '' : ' · ', column);
  const source = meta.source ?? '';
  if (source === '') return line;
  const sourceEn = english ? (meta.source_en ?? '') : '';
  const marked = doc.createElement('span');
  if (english) marked.lang = textLang;
  appendMarked(marked, source, matchRanges(source, highlight.phrases));
  if (sourceEn === '') {
    // In Chinese, or on the English page a source it has no name for: the Chinese, marked as Chinese there.
    marked.className = 'source-name';
    line.append(` · ${sourceLabel}`, marked);
    return line;
  }
  // Its English name, and the Chinese it was found by beside it.
  const name = doc.createElement('span');
  name.className = 'source-name';
  name.textContent = sourceEn;
  line.append(` · ${sourceLabel}`, name, ' (', marked, ')');
  return line;
}

/**
 * One result: title (English on the English page where the article has one,
 * else the Chinese title marked as Chinese), issue and column, why it is
 * there when that is not the typed text, and an excerpt with the match marked.
 */
export function renderResult(data: PagefindResultData, highlight: Highlight, context: ResultContext): HTMLLIElement {
  const { doc, english } = context;
  const meta = data.meta ?? {};
  const item = doc.createElement('li');
  item.className = 'search-result';
  const { title, text } = splitContent(data.content ?? '', meta.title ?? '', meta.source ?? '');
  const heading = doc.createElement(`h${context.headingLevel}`);
  heading.className = 'search-result-title';
  heading.append(titleLink(data, title, highlight, context));
  item.append(heading);
  item.append(metaLine(meta, highlight, context));
  if (highlight.note) item.append(paragraph(doc, 'search-result-note', highlight.note));
  const shown = excerpt(text, highlight.phrases, EXCERPT_LENGTH);
  if (shown.text !== '') {
    const p = paragraph(doc, 'search-result-excerpt');
    // Article bodies are not translated: Chinese on the English page too.
    if (english) p.lang = context.textLang;
    appendMarked(p, shown.text, shown.ranges);
    item.append(p);
  }
  return item;
}
