import { dictionary, type Lang } from '../i18n/index.ts';
import type { Issue } from '../model/records.ts';
import { issueLabel } from '../archive/dates.ts';
import { paths } from '../archive/urls.ts';
import type { PublicationIssue } from 'schema-dts';
import { linkTo } from './structured-data.ts';
import type { IssuePage } from './page-types.ts';
import { romanizeName } from '../text/person-name.ts';
import { shownName, type ShownName } from './shown-name.ts';
import type { SiteContext } from './site-context.ts';

/** `/issues/549/`: an issue's contents, masthead and neighbours. */
export function issuePage(ctx: SiteContext, lang: Lang, issue: Issue, neighbours: { before: Issue | undefined; after: Issue | undefined }, issueNode: PublicationIssue): IssuePage {
  const t = dictionary(lang);
  const summary = ctx.refs.issue(lang, issue);
  const link = (other: Issue | undefined) => (other ? { href: ctx.links.link(lang, paths.issue(other.cumulative)), label: issueLabel(lang, other) } : null);
  return {
    ...ctx.common(lang, 'issue', paths.issue(issue.cumulative), summary.label, {
      breadcrumbs: ctx.crumbs(lang, { href: ctx.links.link(lang, paths.issues()), label: t['nav.issues'] }, { href: '', label: summary.label }),
      mainEntity: { ...issueNode, hasPart: articlesOf(issue).map((article) => linkTo(`${ctx.links.url(lang, paths.article(issue.cumulative, article.slug))}#article`)) },
      updated: issue.date,
      description: `${t['site.name']} ${summary.label} · ${summary.dateLabel}`,
    }),
    kind: 'issue',
    issue: {
      ...summary,
      publication: lang === 'en' ? t['site.name'] : issue.publication.title,
      publisher: lang === 'en' ? t['site.publisher'] : issue.publication.publisher,
      previous: link(neighbours.before),
      next: link(neighbours.after),
      data: ctx.links.file(paths.issueJson(issue.cumulative)),
      print: ctx.links.link(lang, paths.issuePrint(issue.cumulative)),
      contacts: issue.masthead ? [issue.masthead.publisher, issue.masthead.editorialOffice].map((contact) => ({ ...contact, name: contact.name === null ? null : ctx.refs.source(lang, contact.name) })) : [],
      editors: editorsOf(lang, issue.masthead?.editors ?? []),
    },
  };
}

/** 田栓林、樊子天、叶伟; on English pages Tian Shuanlin, Fan Zitian, Ye Wei, the Chinese beside them, when every name has a pinyin form. */
function editorsOf(lang: Lang, editors: readonly string[]): ShownName | null {
  if (editors.length === 0) return null;
  const romanized = lang === 'en' ? editors.map(romanizeName) : [];
  return shownName(lang, editors.join('、'), romanized.every((name) => name !== null) ? romanized.join(', ') : null);
}

function articlesOf(issue: Issue) {
  return issue.sections.flatMap((section) => section.articles);
}
