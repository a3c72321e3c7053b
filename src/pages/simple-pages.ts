import { dictionary, type Lang } from '../i18n/index.ts';
import { paths } from '../archive/urls.ts';
import type { SimplePage } from './page-types.ts';
import type { SiteContext } from './site-context.ts';

/** `/about/` and `/404.html`: text from the dictionary. */
export function simplePages(ctx: SiteContext, lang: Lang): SimplePage[] {
  const t = dictionary(lang);
  return [
    { ...ctx.common(lang, 'about', paths.about(), t['about.title'], { breadcrumbs: ctx.crumbs(lang, { href: '', label: t['about.title'] }) }), kind: 'about' },
    { ...ctx.common(lang, 'not-found', paths.notFound(), t['notFound.title']), kind: 'not-found' },
  ];
}
