import { dictionary, type Lang } from '../i18n/index.ts';
import { paths } from '../archive/urls.ts';
import type { SimplePage } from './page-types.ts';
import type { SiteContext } from './site-context.ts';

/** `/about/` and `/404.html`: text from the dictionary. */
export function simplePages(ctx: SiteContext, lang: Lang): SimplePage[] {
  const t = dictionary(lang);
  return [
    { ...ctx.common(lang, 'about', paths.about(), t['about.title'], { breadcrumbs: ctx.crumbs(lang, { href: '', label: t['about.title'] }) }), kind: 'about' },
    { ...ctx.common(lang, 'not-found', paths.notFound(), t['notFound.title']), kind: 'not-found', otherLanguage: notFoundIn(ctx, lang === 'en' ? 'zh-CN' : 'en') },
  ];
}

/** A host serves one 404 page for every missing address, English ones too: it says so in the other language as well. */
function notFoundIn(ctx: SiteContext, lang: Lang): NonNullable<SimplePage['otherLanguage']> {
  const t = dictionary(lang);
  return {
    lang,
    title: t['notFound.title'],
    body: t['notFound.body'],
    home: { href: ctx.links.link(lang, paths.home()), label: t['nav.home'] },
    search: { href: ctx.links.link(lang, paths.search()), label: t['nav.search'] },
  };
}
