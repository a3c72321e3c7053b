/**
 * Everything the templates show, in both languages: one entry per page, with
 * links, labels and metadata resolved. Each page kind is made by a module of
 * its own (home-page.ts, issue-pages.ts, …) from one shared context.
 */
import { LANGS } from '../i18n/index.ts';
import type { Issue, Translation } from '../model/records.ts';
import type { SiteFile } from '../output/write-files.ts';
import { absolute, paths } from '../archive/urls.ts';
import { columnPage, columnsOf, columnsPage } from './column-pages.ts';
import { feed, parkFeeds } from './feeds.ts';
import { homePage } from './home-page.ts';
import { issuePages } from './issue-pages.ts';
import { issuesPage } from './issues-page.ts';
import type { SiteData } from './page-types.ts';
import { namedParks, parkArticles } from './park-articles.ts';
import { parkPage, parksPage } from './park-pages.ts';
import { searchPage } from './search-page.ts';
import { simplePages } from './simple-pages.ts';
import { createSiteContext, type SiteOptions } from './site-context.ts';
import { sitemap } from './sitemap.ts';

export function buildSiteData(
  issues: readonly Issue[],
  translations: ReadonlyMap<number, Translation>,
  options: SiteOptions,
): { site: SiteData; files: SiteFile[] } {
  const ctx = createSiteContext(issues, translations, options);
  const pages: SiteData['pages'] = { home: [], issues: [], issue: [], article: [], printIssue: [], columns: [], column: [], parks: [], park: [], search: [], simple: [] };
  const files: SiteFile[] = [];
  const feeds: SiteData['feeds'] = [];
  for (const lang of LANGS) {
    pages.home.push(homePage(ctx, lang));
    pages.issues.push(issuesPage(ctx, lang));
    ctx.chronological.forEach((issue, index) => {
      const made = issuePages(ctx, lang, issue, { before: ctx.chronological[index - 1], after: ctx.chronological[index + 1] });
      pages.issue.push(made.issue);
      pages.article.push(...made.articles);
      pages.printIssue.push(made.print);
      files.push(...made.files);
    });
    const columns = columnsOf(ctx, lang);
    pages.columns.push(columnsPage(ctx, lang, columns));
    pages.column.push(...columns.map((column) => columnPage(ctx, lang, column)));
    const articles = parkArticles(ctx, lang);
    const parks = namedParks(ctx, articles);
    pages.parks.push(parksPage(ctx, lang, articles));
    for (const park of parks) {
      const entry = articles.get(park.shortName);
      if (entry) pages.park.push(parkPage(ctx, lang, park, entry));
    }
    pages.search.push(searchPage(ctx, lang, parks));
    pages.simple.push(...simplePages(ctx, lang));
    feeds.push(feed(ctx, lang), ...parkFeeds(ctx, lang, parks));
  }
  return { site: { pages, feeds, sitemap: [sitemap(pages)], robots: [{ permalink: paths.robots(), sitemap: absolute(options.baseUrl, paths.sitemap()) }] }, files };
}
