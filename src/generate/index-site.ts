import { issueSearchRecords } from '../archive/search-records.ts';
import { DEFAULT_LANG } from '../i18n/index.ts';
import type { Issue, Translation } from '../model/records.ts';
import type { SearchIndexer } from '../search/indexer.ts';
import { startIndexer } from '../search/threaded-indexer.ts';

/**
 * The Pagefind index of the archive: every article once, in Chinese, under
 * its Chinese URL. The English search page searches the same index. A worker
 * thread feeds Pagefind, so that parsing and rendering on this thread do not
 * hold the records back.
 */
export function startSiteIndex(): SearchIndexer {
  return startIndexer(DEFAULT_LANG);
}

/** Hands one issue's articles to the index. */
export function indexIssue(index: SearchIndexer, issue: Issue, translation: Translation | undefined, basePath: string): void {
  index.add(issueSearchRecords(issue, translation, basePath));
}

/** Indexes a whole archive into `<output>/pagefind/`. */
export async function indexSite(issues: readonly Issue[], translations: ReadonlyMap<number, Translation>, basePath: string, output: string): Promise<{ pages: number; ms: number }> {
  const index = startSiteIndex();
  for (const issue of issues) indexIssue(index, issue, translations.get(issue.cumulative), basePath);
  return index.write(output);
}
