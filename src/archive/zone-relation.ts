import type { Article } from '../model/records.ts';
import type { SourceNames } from '../sources/source-names.ts';

/** How an article names a zone: `about` it (named in its title, or its own 供稿 source), or only `mentions` it. */
export type ZoneRelation = 'about' | 'mentions';

/** One rule for the park pages, their feeds and the open data: 大冶湖高新区 as a source makes an article about 黄石大冶湖高新区. */
export function zoneRelation(article: Pick<Article, 'title' | 'source'>, zone: string, sources: Pick<SourceNames, 'zone'>): ZoneRelation {
  const ownSource = article.source !== null && sources.zone(article.source) === zone;
  return article.title.includes(zone) || ownSource ? 'about' : 'mentions';
}
