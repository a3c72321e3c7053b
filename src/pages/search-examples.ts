import { translate, type Lang } from '../i18n/index.ts';
import { paths } from '../archive/urls.ts';
import { loadGazetteer } from '../parks/gazetteer.ts';
import type { Link } from './page-types.ts';
import type { SiteContext } from './site-context.ts';

const EXAMPLES = 3;

/**
 * What the search box offers as examples, in the page's language: the zones
 * the archive names most (by place name: 佛山 / Foshan), each a search that
 * finds articles, and the placeholder that names them.
 */
export function searchExamples(ctx: SiteContext, lang: Lang): { examples: Link[]; placeholder: string } {
  const counts = new Map<string, number>();
  for (const issue of ctx.issues) {
    for (const section of issue.sections) for (const article of section.articles) for (const park of article.parks) counts.set(park, (counts.get(park) ?? 0) + 1);
  }
  const names = loadGazetteer()
    .filter((park) => counts.has(park.shortName))
    .sort((a, b) => (counts.get(b.shortName) ?? 0) - (counts.get(a.shortName) ?? 0))
    .slice(0, EXAMPLES)
    .map((park) => (lang === 'en' ? park.placeEn : park.shortName));
  const search = ctx.links.link(lang, paths.search());
  const examples = names.map((name) => ({ href: `${search}?q=${encodeURIComponent(name)}`, label: name }));
  const placeholder = names.length === 0 ? translate(lang, 'search.label') : translate(lang, 'search.placeholder', { examples: names.join(translate(lang, 'search.exampleSeparator')) });
  return { examples, placeholder };
}
