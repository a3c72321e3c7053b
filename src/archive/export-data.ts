import type { Issue } from '../model/records.ts';
import { sourceNameEn } from '../sources/source-names.ts';
import { href, paths } from './urls.ts';

/** URLs are site-absolute paths under the base path the site is built for. */

/** `data/archive.json`: the list of issues, newest first. */
export function archiveExport(issues: readonly Issue[], basePath = '/') {
  return issues.map((issue) => ({
    cumulative: issue.cumulative,
    year: issue.year,
    number: issue.number,
    date: issue.date,
    title: issue.title,
    url: href(basePath, paths.issue(issue.cumulative)),
    json: href(basePath, paths.issueJson(issue.cumulative)),
  }));
}

/** `data/issues/<cumulative>.json`: one issue in the open data contract of DESIGN.md. */
export function issueExport(issue: Issue, basePath = '/') {
  return {
    publication: issue.publication,
    year: issue.year,
    number: issue.number,
    cumulative: issue.cumulative,
    date: issue.date,
    title: issue.title,
    url: href(basePath, paths.issue(issue.cumulative)),
    masthead: issue.masthead,
    sections: issue.sections.map((section) => ({
      title: section.title,
      subtitle: section.subtitle,
      articles: section.articles.map((article) => ({
        id: article.id,
        url: href(basePath, paths.article(issue.cumulative, article.slug)),
        title: article.title,
        source: article.source,
        sourceEn: article.source === null ? null : sourceNameEn(article.source),
        headings: article.headings.map((heading) => heading.text),
        parks: article.parks,
        text: article.text,
      })),
    })),
  };
}
