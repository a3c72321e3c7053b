import { formatBibtex, formatCslJson, formatGbt7714, formatReferenceEn, formatRis, type CitableArticle } from '../cite/index.ts';
import { dictionary, LANGS, translate, type Lang, type MessageKey } from '../i18n/index.ts';
import { ownEntry } from '../model/own-entry.ts';
import type { Article, Issue, Park, Section, Translation } from '../model/records.ts';
import { dateLabel, issueLabel } from './dates.ts';
import { articleLd, issueLd, periodicalLd, scriptJson } from './json-ld.ts';
import type { ArticlePage, ArticleRef, FeedView, IssuePage, IssueSummary, Link, PageCommon, PrintIssuePage, SiteData } from './site-model.ts';
import { createSlugger } from '../text/slug.ts';
import { leadingCharacters } from '../text/leading.ts';
import { absolute, basePathOf, href, localized, paths } from './urls.ts';

export interface SiteOptions {
  baseUrl: string;
  /** `YYYY-MM-DD`: the retrieval date printed on citations and paper. */
  buildDate: string;
  parks: readonly Park[];
  /** Pages kept from an earlier call (`bulletin serve`): an unchanged issue in an unchanged context keeps its page objects. */
  memo?: SiteDataMemo;
}

/** Each issue's pages and downloads per language, with the context they were made in. */
export type SiteDataMemo = WeakMap<Issue, Map<Lang, { context: string; made: IssuePages }>>;

interface IssuePages {
  issue: IssuePage;
  articles: ArticlePage[];
  print: PrintIssuePage;
  files: SiteFile[];
}

/** A file written beside the pages: a citation download, open data, a script or stylesheet. */
export interface SiteFile {
  path: string;
  content: string | Uint8Array;
}

const PUBLICATION_EN = 'Torch Dynamics';
const PUBLISHER_EN = 'Torch High Technology Industry Development Center, Ministry of Science and Technology';
const PUBLISHER_PLACE = '北京';
const FEED_SIZE = 50;
/** Years of issues on the home page; the rest are one link away, on the archive page. */
const HOME_YEARS = 3;

type Kind = 'home' | 'issues' | 'issue' | 'article' | 'print-issue' | 'columns' | 'column' | 'parks' | 'park' | 'search' | 'about' | 'not-found';

const NAV: { key: MessageKey; path: string; kinds: Kind[] }[] = [
  { key: 'nav.home', path: paths.home(), kinds: ['home'] },
  { key: 'nav.issues', path: paths.issues(), kinds: ['issues', 'issue', 'article', 'print-issue'] },
  { key: 'nav.columns', path: paths.columns(), kinds: ['columns', 'column'] },
  { key: 'nav.parks', path: paths.parks(), kinds: ['parks', 'park'] },
  { key: 'nav.search', path: paths.search(), kinds: ['search'] },
  { key: 'nav.about', path: paths.about(), kinds: ['about'] },
];

/**
 * Turns the parsed issues into everything the templates show, in both
 * languages: one entry per page, with links, labels and metadata resolved.
 */
export function buildSiteData(issues: readonly Issue[], translations: ReadonlyMap<number, Translation>, options: SiteOptions): { site: SiteData; files: SiteFile[] } {
  const basePath = basePathOf(options.baseUrl);
  const link = (lang: Lang, path: string) => href(basePath, localized(lang, path));
  const url = (lang: Lang, path: string) => absolute(options.baseUrl, localized(lang, path));
  const parkByName = new Map(options.parks.map((park) => [park.shortName, park]));
  const chronological = [...issues].sort((a, b) => a.cumulative - b.cumulative);
  const files: SiteFile[] = [];

  const english = (issue: Issue) => translations.get(issue.cumulative);
  const sectionTitle = (lang: Lang, issue: Issue, section: Section) => {
    const translated = lang === 'en' ? ownEntry(english(issue)?.sections, section.title) : undefined;
    return translated ? { title: translated.title, subtitle: translated.subtitle ?? section.subtitle, lang: undefined } : { title: section.title, subtitle: section.subtitle, lang: zhOn(lang) };
  };
  const articleTitle = (lang: Lang, issue: Issue, article: Article) => {
    const translated = lang === 'en' ? ownEntry(english(issue)?.articles, article.title) : undefined;
    return translated ? { title: translated.title, lang: undefined, original: article.title } : { title: article.title, lang: zhOn(lang), original: null };
  };
  // One URL per column title across the archive, even when two titles share a pinyin slug (要闻, 耀文).
  const columnSlugger = createSlugger();
  const columnSlugs = new Map<string, string>();
  for (const issue of chronological) for (const section of issue.sections) if (!columnSlugs.has(section.title)) columnSlugs.set(section.title, columnSlugger(section.title));
  const slugOf = (section: Section) => columnSlugs.get(section.title) ?? section.slug;
  const columnTitles = new Map<string, { zh: string; en: string | null }>();
  for (const issue of chronological) {
    for (const section of issue.sections) {
      const known = columnTitles.get(slugOf(section));
      const en = ownEntry(english(issue)?.sections, section.title)?.title ?? known?.en ?? null;
      columnTitles.set(slugOf(section), { zh: section.title, en });
    }
  }
  const columnLink = (lang: Lang, slug: string): Link => {
    const titles = columnTitles.get(slug);
    const useEn = lang === 'en' && titles?.en;
    return { href: link(lang, paths.column(slug)), label: useEn ? (titles?.en ?? slug) : (titles?.zh ?? slug), lang: useEn ? undefined : zhOn(lang) };
  };

  // Every issue and article appears on many pages (home, archive, columns, parks): each view is made once.
  const articleRef = memoized((lang: Lang, _issue: Issue, _section: Section, article: Article) => `${lang} ${article.id}`, (lang: Lang, issue: Issue, section: Section, article: Article): ArticleRef => {
    const title = articleTitle(lang, issue, article);
    const column = columnLink(lang, slugOf(section));
    return {
      href: link(lang, paths.article(issue.cumulative, article.slug)),
      title: title.title,
      titleLang: title.lang,
      source: article.source,
      issueLabel: issueLabel(lang, issue),
      issueHref: link(lang, paths.issue(issue.cumulative)),
      column: column.label,
      columnLang: column.lang,
    };
  });

  const summary = memoized((lang: Lang, issue: Issue) => `${lang} ${issue.cumulative}`, (lang: Lang, issue: Issue): IssueSummary => ({
    href: link(lang, paths.issue(issue.cumulative)),
    label: issueLabel(lang, issue),
    dateLabel: dateLabel(lang, issue.date),
    date: issue.date,
    articleCount: translate(lang, 'issue.articleCount', { count: issue.sections.reduce((sum, section) => sum + section.articles.length, 0) }),
    sections: issue.sections.map((section) => {
      const title = sectionTitle(lang, issue, section);
      return {
        title: title.title,
        titleLang: title.lang,
        subtitle: title.subtitle,
        href: link(lang, paths.column(slugOf(section))),
        articles: section.articles.map((article) => articleRef(lang, issue, section, article)),
      };
    }),
  }));

  const periodical = periodicalLd({ name: '火炬动态', alternateName: PUBLICATION_EN, publisher: issues[0]?.publication.publisher ?? '科技部火炬高技术产业开发中心', url: options.baseUrl });

  const common = (lang: Lang, kind: Kind, path: string, title: string, extra: Partial<PageCommon> = {}): PageCommon => {
    const t = dictionary(lang);
    const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
    const alternates = LANGS.map((hreflang) => ({ hreflang, href: url(hreflang, path) }));
    return {
      kind,
      lang,
      permalink: localized(lang, path),
      href: link(lang, path),
      canonical: url(lang, path),
      title: kind === 'home' ? `${t['site.name']} · ${t['site.tagline']}` : `${title} · ${t['site.name']}`,
      description: t['site.description'],
      t,
      nav: NAV.map((item) => ({ href: link(lang, item.path), label: t[item.key], current: item.kinds.includes(kind), page: item.path === path })),
      breadcrumbs: [],
      alternates: [...alternates, { hreflang: 'x-default', href: url('zh-CN', path) }],
      switcher: { href: link(other, path), label: t['lang.switch'], ariaLabel: t['lang.switchLabel'], hreflang: other },
      assets: {
        css: href(basePath, '/assets/site.css'),
        printCss: href(basePath, '/assets/print.css'),
        searchScript: href(basePath, '/assets/js/search.js'),
        // Print and copy buttons, the print date and running head: on the pages that have them.
        pageScript: kind === 'article' || kind === 'print-issue' ? href(basePath, '/assets/js/page.js') : null,
        feed: link(lang, paths.feed()),
        home: link(lang, paths.home()),
        search: link(lang, paths.search()),
        favicon: href(basePath, '/assets/favicon.svg'),
        openData: href(basePath, paths.archiveJson()),
      },
      og: { type: 'website', locale: lang === 'en' ? 'en_US' : 'zh_CN', siteName: t['site.name'] },
      jsonLd: null,
      contentLang: null,
      indexed: false,
      ...extra,
    };
  };
  const crumbs = (lang: Lang, ...items: Link[]): Link[] => [{ href: link(lang, paths.home()), label: dictionary(lang)['nav.home'] }, ...items];

  const site: SiteData = {
    pages: { home: [], issues: [], issue: [], article: [], printIssue: [], columns: [], column: [], parks: [], park: [], search: [], simple: [] },
    feeds: [],
    sitemap: [],
    robots: { sitemap: absolute(options.baseUrl, '/sitemap.xml') },
  };

  const byYear = (lang: Lang) => {
    const years = new Map<number, IssueSummary[]>();
    for (const issue of issues) years.set(issue.year, [...(years.get(issue.year) ?? []), summary(lang, issue)]);
    return [...years].map(([year, list]) => ({ year: translate(lang, 'home.yearIssues', { year }), issues: list }));
  };

  for (const lang of LANGS) {
    const t = dictionary(lang);
    const latest = issues[0] ? summary(lang, issues[0]) : null;
    const years = byYear(lang);
    site.pages.home.push({
      ...common(lang, 'home', paths.home(), t['site.name']),
      kind: 'home',
      latest,
      years: years.slice(0, HOME_YEARS),
      allIssues: years.length > HOME_YEARS ? { href: link(lang, paths.issues()), label: t['home.allIssues'] } : null,
    });
    site.pages.issues.push({ ...common(lang, 'issues', paths.issues(), t['home.archive'], { breadcrumbs: crumbs(lang, { href: '', label: t['home.archive'] }) }), kind: 'issues', years });

    chronological.forEach((issue, index) => {
      const made = issuePagesOnce(lang, issue, chronological[index - 1], chronological[index + 1]);
      site.pages.issue.push(made.issue);
      site.pages.article.push(...made.articles);
      site.pages.printIssue.push(made.print);
      files.push(...made.files);
    });

    const columns = [...columnTitles.keys()].map((slug) => {
      const entries = chronological
        .slice()
        .reverse()
        .flatMap((issue) =>
          issue.sections
            .filter((section) => slugOf(section) === slug)
            .map((section) => ({ issue: { href: link(lang, paths.issue(issue.cumulative)), label: issueLabel(lang, issue) }, articles: section.articles.map((article) => articleRef(lang, issue, section, article)) })),
        );
      return { slug, link: columnLink(lang, slug), entries };
    });
    site.pages.columns.push({
      ...common(lang, 'columns', paths.columns(), t['nav.columns'], { breadcrumbs: crumbs(lang, { href: '', label: t['nav.columns'] }) }),
      kind: 'columns',
      columns: columns.map((column) => ({ ...column.link, count: translate(lang, 'column.count', { count: column.entries.reduce((sum, entry) => sum + entry.articles.length, 0) }) })),
    });
    for (const column of columns) {
      site.pages.column.push({
        ...common(lang, 'column', paths.column(column.slug), translate(lang, 'column.title', { title: column.link.label }), {
          breadcrumbs: crumbs(lang, { href: link(lang, paths.columns()), label: t['nav.columns'] }, { href: '', label: column.link.label, lang: column.link.lang }),
        }),
        kind: 'column',
        column: { title: column.link.label, titleLang: column.link.lang, issues: column.entries },
      });
    }

    const parkArticles = new Map<string, { about: ArticleRef[]; mentions: ArticleRef[] }>();
    for (const issue of issues) {
      for (const section of issue.sections) {
        for (const article of section.articles) {
          for (const name of article.parks) {
            const entry = parkArticles.get(name) ?? { about: [], mentions: [] };
            const isAbout = article.title.includes(name) || article.source === name;
            (isAbout ? entry.about : entry.mentions).push(articleRef(lang, issue, section, article));
            parkArticles.set(name, entry);
          }
        }
      }
    }
    const namedParks = options.parks.filter((park) => parkArticles.has(park.shortName));
    const provinces = [...new Set(namedParks.map((park) => park.province))];
    site.pages.parks.push({
      ...common(lang, 'parks', paths.parks(), t['parks.title'], { breadcrumbs: crumbs(lang, { href: '', label: t['parks.title'] }) }),
      kind: 'parks',
      provinces: provinces.map((province) => {
        const members = namedParks.filter((park) => park.province === province);
        return {
          name: lang === 'en' ? (members[0]?.provinceEn ?? province) : province,
          parks: members.map((park) => {
            const entry = parkArticles.get(park.shortName);
            return { ...parkLink(lang, park.shortName), count: translate(lang, 'parks.count', { count: (entry?.about.length ?? 0) + (entry?.mentions.length ?? 0) }) };
          }),
        };
      }),
    });
    for (const park of namedParks) {
      const entry = parkArticles.get(park.shortName) ?? { about: [], mentions: [] };
      const name = parkLink(lang, park.shortName);
      site.pages.park.push({
        ...common(lang, 'park', paths.park(park.slug), name.label, { breadcrumbs: crumbs(lang, { href: link(lang, paths.parks()), label: t['nav.parks'] }, { href: '', label: name.label }) }),
        kind: 'park',
        park: {
          name: name.label,
          nameLang: name.lang,
          fullName: park.fullName,
          province: lang === 'en' ? park.provinceEn : park.province,
          about: entry.about,
          mentions: entry.mentions,
          search: `${link(lang, paths.search())}?park=${encodeURIComponent(park.shortName)}`,
        },
      });
    }

    const searchStrings = Object.fromEntries(Object.entries(t).filter(([key]) => key.startsWith('search.')));
    site.pages.search.push({
      ...common(lang, 'search', paths.search(), t['search.title'], { breadcrumbs: crumbs(lang, { href: '', label: t['search.title'] }) }),
      kind: 'search',
      search: {
        strings: scriptJson(searchStrings),
        parks: namedParks.map((park) => ({ value: park.shortName, label: lang === 'en' ? `${park.placeEn} (${park.shortName})` : park.shortName })),
        columns: [...columnTitles.entries()].map(([, titles]) => ({ value: titles.zh, label: lang === 'en' && titles.en ? titles.en : titles.zh })),
        years: [...new Set(issues.map((issue) => issue.year))].map((year) => ({ value: String(year), label: String(year) })),
        bundlePath: href(basePath, '/pagefind/'),
      },
    });
    site.pages.simple.push({ ...common(lang, 'about', paths.about(), t['about.title'], { breadcrumbs: crumbs(lang, { href: '', label: t['about.title'] }) }), kind: 'about' });
    site.pages.simple.push({ ...common(lang, 'not-found', paths.notFound(), t['notFound.title']), kind: 'not-found' });

    site.feeds.push(feed(lang));
  }

  for (const kind of Object.keys(site.pages) as (keyof SiteData['pages'])[]) {
    for (const page of site.pages[kind]) {
      if (page.lang !== 'zh-CN' || page.kind === 'not-found') continue;
      site.sitemap.push({ loc: page.canonical, alternates: page.alternates });
    }
  }
  return { site, files };

  /**
   * An issue's pages, kept from an earlier call when the issue (the same
   * parsed object) and all that its pages show of the rest of the archive are
   * unchanged.
   */
  function issuePagesOnce(lang: Lang, issue: Issue, before: Issue | undefined, after: Issue | undefined): IssuePages {
    const { memo } = options;
    if (!memo) return issuePages(lang, issue, before, after);
    const context = JSON.stringify([
      options.baseUrl,
      options.buildDate,
      periodical,
      english(issue) ?? null,
      [before?.cumulative, before && issueLabel(lang, before)],
      [after?.cumulative, after && issueLabel(lang, after)],
      issue.sections.map((section) => columnLink(lang, slugOf(section))),
    ]);
    const kept = memo.get(issue)?.get(lang);
    if (kept?.context === context) return kept.made;
    const made = issuePages(lang, issue, before, after);
    memo.set(issue, (memo.get(issue) ?? new Map()).set(lang, { context, made }));
    return made;
  }

  function issuePages(lang: Lang, issue: Issue, before: Issue | undefined, after: Issue | undefined): IssuePages {
    const t = dictionary(lang);
    const articles: ArticlePage[] = [];
    const downloads: SiteFile[] = [];
    const issueSummary = summary(lang, issue);
    const issuePath = paths.issue(issue.cumulative);
    const issueLdValue = issueLd(periodical, { url: url('zh-CN', issuePath), issueNumber: String(issue.cumulative), datePublished: issue.date, name: issue.title });
    const issuePage: IssuePage = {
      ...common(lang, 'issue', issuePath, issueSummary.label, {
        breadcrumbs: crumbs(lang, { href: link(lang, paths.issues()), label: t['nav.issues'] }, { href: '', label: issueSummary.label }),
        jsonLd: scriptJson({ '@context': 'https://schema.org', ...issueLdValue }),
        description: `${t['site.name']} ${issueSummary.label} · ${issueSummary.dateLabel}`,
      }),
      kind: 'issue',
      issue: {
        ...issueSummary,
        publication: lang === 'en' ? PUBLICATION_EN : issue.publication.title,
        publisher: lang === 'en' ? PUBLISHER_EN : issue.publication.publisher,
        previous: before ? { href: link(lang, paths.issue(before.cumulative)), label: issueLabel(lang, before) } : null,
        next: after ? { href: link(lang, paths.issue(after.cumulative)), label: issueLabel(lang, after) } : null,
        data: href(basePath, paths.issueJson(issue.cumulative)),
        print: link(lang, paths.issuePrint(issue.cumulative)),
        masthead: issue.masthead,
        contacts: issue.masthead ? [issue.masthead.publisher, issue.masthead.editorialOffice] : [],
        editors: issue.masthead?.editors.join('、') ?? '',
      },
    };

    const flat = issue.sections.flatMap((section) => section.articles.map((article) => ({ section, article })));
    const articleViews = new Map<Article, ArticlePage['article']>();
    flat.forEach(({ section, article }, position) => {
      const path = paths.article(issue.cumulative, article.slug);
      const title = articleTitle(lang, issue, article);
      const column = columnLink(lang, slugOf(section));
      const previous = flat[position - 1];
      const next = flat[position + 1];
      const citable: CitableArticle = {
        id: article.id,
        title: article.title,
        titleEn: ownEntry(english(issue)?.articles, article.title)?.title ?? null,
        source: article.source,
        publicationTitle: issue.publication.title,
        publicationTitleEn: PUBLICATION_EN,
        publisher: issue.publication.publisher,
        publisherEn: PUBLISHER_EN,
        publisherPlace: PUBLISHER_PLACE,
        year: issue.year,
        number: issue.number,
        cumulative: issue.cumulative,
        date: issue.date,
        url: url('zh-CN', path),
        accessed: options.buildDate,
      };
      if (lang === 'zh-CN') {
        downloads.push(
          { path: `${path}citation.bib`, content: formatBibtex(citable) },
          { path: `${path}citation.ris`, content: formatRis(citable) },
          { path: `${path}citation.json`, content: formatCslJson(citable) },
        );
      }
      const view: ArticlePage['article'] = {
        id: article.id,
        title: title.title,
        titleLang: title.lang,
        originalTitle: title.original,
        source: article.source,
        date: issue.date,
        dateLabel: dateLabel(lang, issue.date),
        issue: { href: link(lang, issuePath), label: issueLabel(lang, issue) },
        column,
        html: article.html,
        headings: article.headings,
        showContents: article.headings.length >= 3 || article.text.length > 2000,
        parks: article.parks.map((name) => parkLink(lang, name)),
        previous: previous ? { href: link(lang, paths.article(issue.cumulative, previous.article.slug)), ...titleLink(articleTitle(lang, issue, previous.article)) } : null,
        next: next ? { href: link(lang, paths.article(issue.cumulative, next.article.slug)), ...titleLink(articleTitle(lang, issue, next.article)) } : null,
        url: url(lang, path),
        retrieved: options.buildDate,
        publication: lang === 'en' ? `${PUBLICATION_EN} (火炬动态)` : issue.publication.title,
        cite: {
          gbt: formatGbt7714(citable),
          reference: lang === 'en' ? formatReferenceEn(citable) : formatGbt7714(citable),
          downloads: [
            { href: href(basePath, `${path}citation.bib`), label: 'BibTeX' },
            { href: href(basePath, `${path}citation.ris`), label: 'RIS' },
            { href: href(basePath, `${path}citation.json`), label: 'CSL-JSON' },
          ],
        },
        filters: { parks: article.parks, column: section.title, year: String(issue.year) },
      };
      articleViews.set(article, view);
      articles.push({
        ...common(lang, 'article', path, title.title, {
          breadcrumbs: crumbs(lang, { href: link(lang, issuePath), label: issueLabel(lang, issue) }, column, { href: '', label: title.title, lang: title.lang }),
          description: leadingCharacters(article.text, 120).replace(/\s+/gu, ' '),
          jsonLd: scriptJson(
            articleLd(issueLdValue, { url: url('zh-CN', path), headline: article.title, datePublished: issue.date, source: article.source, section: section.title, keywords: article.parks, inLanguage: 'zh-CN' }),
          ),
          og: { type: 'article', locale: lang === 'en' ? 'en_US' : 'zh_CN', siteName: t['site.name'] },
          contentLang: lang === 'en' ? 'zh-CN' : null,
          indexed: lang === 'zh-CN',
        }),
        kind: 'article',
        article: view,
      });
    });
    const print: PrintIssuePage = {
      ...common(lang, 'print-issue', paths.issuePrint(issue.cumulative), `${issueSummary.label} · ${t['print.title']}`, {
        breadcrumbs: crumbs(lang, { href: link(lang, issuePath), label: issueSummary.label }, { href: '', label: t['print.title'] }),
      }),
      kind: 'print-issue',
      issue: {
        label: issueSummary.label,
        dateLabel: issueSummary.dateLabel,
        date: issue.date,
        publication: lang === 'en' ? PUBLICATION_EN : issue.publication.title,
        publisher: lang === 'en' ? PUBLISHER_EN : issue.publication.publisher,
        url: url(lang, issuePath),
      },
      sections: issue.sections.map((section) => {
        const title = sectionTitle(lang, issue, section);
        return { title: title.title, titleLang: title.lang, subtitle: title.subtitle, articles: section.articles.flatMap((article) => articleViews.get(article) ?? []) };
      }),
    };
    return { issue: issuePage, articles, print, files: downloads };
  }

  function parkLink(lang: Lang, name: string): Link {
    const park = parkByName.get(name);
    if (!park) return { href: link(lang, paths.parks()), label: name, lang: zhOn(lang) };
    return { href: link(lang, paths.park(park.slug)), label: lang === 'en' ? park.placeEn : park.shortName };
  }

  function feed(lang: Lang): FeedView {
    const t = dictionary(lang);
    const newest = issues.flatMap((issue) => issue.sections.flatMap((section) => section.articles.map((article) => ({ issue, article })))).slice(0, FEED_SIZE);
    const entries = newest.map(({ issue, article }) => ({
      id: url('zh-CN', paths.article(issue.cumulative, article.slug)),
      url: url(lang, paths.article(issue.cumulative, article.slug)),
      title: articleTitle(lang, issue, article).title,
      updated: `${issue.date}T00:00:00+08:00`,
      summary: leadingCharacters(article.text, 200),
      author: article.source ?? issue.publication.publisher,
    }));
    return {
      lang,
      permalink: localized(lang, paths.feed()),
      title: t['site.name'],
      selfUrl: url(lang, paths.feed()),
      siteUrl: url(lang, paths.home()),
      updated: `${issues[0]?.date ?? options.buildDate}T00:00:00+08:00`,
      entries,
    };
  }
}

function zhOn(lang: Lang): string | undefined {
  return lang === 'en' ? 'zh-CN' : undefined;
}

function titleLink(title: { title: string; lang: string | undefined }): { label: string; lang: string | undefined } {
  return { label: title.title, lang: title.lang };
}

/** A function that makes each value once per key. */
function memoized<A extends unknown[], R>(key: (...args: A) => string, make: (...args: A) => R): (...args: A) => R {
  const made = new Map<string, R>();
  return (...args) => {
    const id = key(...args);
    const known = made.get(id);
    if (known !== undefined) return known;
    const value = make(...args);
    made.set(id, value);
    return value;
  };
}
