import type { ArticlePage, SiteData } from '../archive/site-model.ts';
import { DEFAULT_LANG } from '../i18n/index.ts';
import { buildSearchIndex, type SearchRecord } from '../search/build-index.ts';

/**
 * The Pagefind index of the archive: every article once, in Chinese, under
 * its Chinese URL. The English search page searches the same index and shows
 * the English titles and labels carried in each record's meta.
 */
export async function indexSite(site: SiteData, output: string): Promise<{ pages: number; ms: number }> {
  const english = new Map(site.pages.article.filter((page) => page.lang === 'en').map((page) => [page.article.id, page]));
  const records = site.pages.article.filter((page) => page.lang === DEFAULT_LANG).map((page) => searchRecord(page, english.get(page.article.id)));
  const result = await buildSearchIndex({ outDir: output, records, language: DEFAULT_LANG });
  return { pages: result.pages, ms: result.ms };
}

function searchRecord(page: ArticlePage, twin: ArticlePage | undefined): SearchRecord {
  const { article } = page;
  return {
    url: page.href,
    title: article.title,
    text: article.plainText,
    meta: {
      issue: article.issue.label,
      column: article.column.label,
      source: article.source ?? '',
      date: article.date,
      ...(twin ? { title_en: twin.article.title, issue_en: twin.article.issue.label, column_en: twin.article.column.label } : {}),
    },
    filters: { park: article.filters.parks, column: [article.filters.column], year: [article.filters.year] },
  };
}
