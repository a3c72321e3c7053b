import { dictionary, type Lang } from '../i18n/index.ts';
import { paths } from '../archive/urls.ts';
import { issuesByYear } from './issues-page.ts';
import { searchExamples } from './search-examples.ts';
import type { HomePage } from './page-types.ts';
import type { SiteContext } from './site-context.ts';

/** Years of issues on the home page; the rest are one link away, on the archive page. */
const HOME_YEARS = 3;

/** `/`: the latest issue's contents and the most recent years. */
export function homePage(ctx: SiteContext, lang: Lang): HomePage {
  const t = dictionary(lang);
  const latest = ctx.issues[0];
  const years = issuesByYear(ctx, lang);
  return {
    ...ctx.common(lang, 'home', paths.home(), t['site.name']),
    kind: 'home',
    latest: latest ? ctx.refs.issue(lang, latest) : null,
    years: years.slice(0, HOME_YEARS),
    allIssues: years.length > HOME_YEARS ? { href: ctx.links.link(lang, paths.issues()), label: t['home.allIssues'] } : null,
    searchPlaceholder: searchExamples(ctx, lang).placeholder,
  };
}
