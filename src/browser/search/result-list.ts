import type { QueryPhrase } from '../../search/index-content.ts';
import { appendMarked, excerpt, matchRanges, splitContent } from './excerpt.ts';
import type { PagefindResult, PagefindResultData } from './pagefind-api.ts';

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
}

/** The English twin of a site URL: `/base/issues/549/x/` → `/base/en/issues/549/x/`. */
export function englishUrl(url: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (!url.startsWith(root) || url.startsWith(`${root}en/`)) return url;
  return `${root}en/${url.slice(root.length)}`;
}

function paragraph(doc: Document, className: string): HTMLParagraphElement {
  const p = doc.createElement('p');
  p.className = className;
  return p;
}

/**
 * One result: title (English on the English page where the article has one,
 * else the Chinese title marked as Chinese), issue and column, and an excerpt
 * with the matches marked.
 */
export function renderResult(data: PagefindResultData, phrases: readonly QueryPhrase[], context: ResultContext): HTMLLIElement {
  const { doc, english } = context;
  const meta = data.meta ?? {};
  const item = doc.createElement('li');
  item.className = 'search-result';
  const { title, text } = splitContent(data.content ?? '', meta.title ?? '');
  const heading = doc.createElement(`h${context.headingLevel}`);
  heading.className = 'search-result-title';
  const link = doc.createElement('a');
  const url = data.raw_url || data.url || '';
  if (/^(\/|https?:\/\/)/u.test(url)) link.href = english ? englishUrl(url, context.base) : url;
  const titleEn = english && meta.title_en && meta.title_en !== meta.title ? meta.title_en : '';
  if (titleEn) link.textContent = titleEn;
  else {
    appendMarked(link, title, matchRanges(title, phrases));
    if (english) link.lang = context.textLang;
  }
  heading.append(link);
  item.append(heading);
  const issue = (english && meta.issue_en) || meta.issue || '';
  const column = (english && context.columnLabels.get(meta.column ?? '')) || meta.column || '';
  const line = [issue, column].filter((part) => part !== '').join(' · ');
  if (line !== '') {
    const p = paragraph(doc, 'search-result-meta');
    p.textContent = line;
    item.append(p);
  }
  const shown = excerpt(text, phrases, EXCERPT_LENGTH);
  if (shown.text !== '') {
    const p = paragraph(doc, 'search-result-excerpt');
    // Article bodies are not translated: Chinese on the English page too.
    if (english) p.lang = context.textLang;
    appendMarked(p, shown.text, shown.ranges);
    item.append(p);
  }
  return item;
}

/**
 * The result list, a page of results at a time, with a button for more.
 * `show` returns false when a newer search replaced this one meanwhile.
 */
export function resultList(list: HTMLElement, context: ResultContext, pageSize: number, moreLabel: (count: number) => string) {
  let shown = 0;
  let results: PagefindResult[] = [];
  let phrases: readonly QueryPhrase[] = [];
  let more: HTMLButtonElement | null = null;
  let generation = 0;

  const removeMore = () => {
    more?.remove();
    more = null;
  };
  const showPage = async (mine: number, reset: boolean): Promise<boolean> => {
    const from = reset ? 0 : shown;
    const slice = results.slice(from, from + pageSize);
    const items = (await Promise.all(slice.map((result) => result.data()))).map((data) => renderResult(data, phrases, context));
    if (mine !== generation) return false;
    if (reset) list.replaceChildren(...items);
    else list.append(...items);
    shown = from + slice.length;
    removeMore();
    if (shown < results.length) {
      const button = context.doc.createElement('button');
      button.type = 'button';
      button.className = 'search-more';
      button.textContent = moreLabel(Math.min(pageSize, results.length - shown));
      button.addEventListener('click', async () => {
        button.disabled = true;
        const first = shown;
        if (await showPage(generation, false)) list.children[first]?.querySelector('a')?.focus();
      });
      list.after(button);
      more = button;
    }
    return true;
  };
  return {
    /** Shows the first page of new results in place of the old list. */
    show(next: PagefindResult[], nextPhrases: readonly QueryPhrase[]): Promise<boolean> {
      results = next;
      phrases = nextPhrases;
      return showPage(++generation, true);
    },
    clear() {
      generation++;
      results = [];
      list.replaceChildren();
      removeMore();
    },
  };
}
