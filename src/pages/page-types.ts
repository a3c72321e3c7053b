import type { Dictionary, Lang } from '../i18n/index.ts';
import type { Masthead } from '../model/records.ts';
import type { ChartView } from '../charts/chart-view.ts';
import type { RobotsView, SitemapView } from './document-types.ts';
import type { FeedView } from './feed-view.ts';
import type { SearchView } from './search-view.ts';
import type { ShownName } from './shown-name.ts';

/** What every template receives: ready data, no parsing or computing left. */

export type PageKind = 'home' | 'issues' | 'issue' | 'article' | 'print-issue' | 'columns' | 'column' | 'parks' | 'park' | 'search' | 'about' | 'not-found';

export interface Link {
  href: string;
  label: string;
  /** `zh-CN` when the label is Chinese shown on an English page. */
  lang?: string | undefined;
}

export interface NavLink extends Link {
  /** The page belongs to this section (e.g. an article under 往期). */
  current: boolean;
  /** The link points at the page itself: the only case for `aria-current="page"`. */
  page: boolean;
}

export interface PageCommon {
  kind: string;
  lang: Lang;
  /** Output path without the base path, e.g. `/en/issues/549/`. */
  permalink: string;
  href: string;
  canonical: string;
  title: string;
  description: string;
  t: Dictionary;
  /** The bulletin's name, 火炬动态, and on English pages its English name beside it. */
  brand: { name: string; translation: string | null };
  nav: NavLink[];
  breadcrumbs: Link[];
  alternates: { hreflang: string; href: string }[];
  switcher: { href: string; label: string; ariaLabel: string; hreflang: string };
  /** The Atom feeds the page offers (`<link rel="alternate">`), its own first. */
  feeds: { href: string; title: string }[];
  assets: { css: string; printCss: string; searchScript: string; pageScript: string | null; feed: string; home: string; search: string; favicon: string; openData: string; zonesCsv: string; pagedScript: string | null; pagedCss: string | null };
  og: { type: string; locale: string; siteName: string };
  jsonLd: string | null;
  /** `<meta name content>` pairs for reference managers (Highwire Press `citation_*` tags). */
  meta: { name: string; content: string }[];
  /** `YYYY-MM-DD`: when what the page shows last changed (the sitemap's `lastmod`). */
  updated: string;
  /** Set on English pages that show untranslated Chinese content. */
  contentLang: string | null;
  /** Pages Pagefind should index (Chinese article pages). */
  indexed: boolean;
}

export interface ArticleRef {
  href: string;
  title: string;
  titleLang?: string | undefined;
  source: ShownName | null;
  issueLabel: string;
  issueHref: string;
  column: string;
  columnLang?: string | undefined;
}

export interface SectionView {
  title: string;
  titleLang?: string | undefined;
  subtitle: string | null;
  href: string;
  articles: ArticleRef[];
}

export interface IssueSummary {
  href: string;
  label: string;
  dateLabel: string;
  date: string;
  articleCount: string;
  sections: SectionView[];
}

export interface CiteView {
  gbt: string;
  reference: string;
  /** `file` names the format, for the page's script. */
  downloads: (Link & { file: string })[];
  /** The article's citation record as script-safe JSON: the page's script writes the references again with the reader's day. */
  record: string;
}

export interface ArticlePage extends PageCommon {
  kind: 'article';
  article: {
    id: string;
    title: string;
    titleLang?: string | undefined;
    originalTitle: string | null;
    source: ShownName | null;
    date: string;
    dateLabel: string;
    issue: Link;
    column: Link;
    html: string;
    headings: { anchor: string; text: string }[];
    showContents: boolean;
    parks: Link[];
    previous: Link | null;
    next: Link | null;
    url: string;
    /** Build date, replaced by the day of printing when scripts run. */
    retrieved: string;
    publication: string;
    cite: CiteView;
    filters: { parks: string[]; column: string; year: string };
  };
}

/** One office of the masthead, its name in the page's language where there is one (the address stays as printed). */
export type ContactView = Omit<Masthead['publisher'], 'name'> & { name: ShownName | null };

export interface IssuePage extends PageCommon {
  kind: 'issue';
  issue: IssueSummary & {
    publication: string;
    publisher: string;
    previous: Link | null;
    next: Link | null;
    data: string;
    print: string;
    /** The publisher's and the editorial office's contacts, for the colophon; none without a masthead. */
    contacts: ContactView[];
    /** The editors, joined as the bulletin prints them (in pinyin on English pages), or null. */
    editors: ShownName | null;
  };
}

export interface PrintIssuePage extends PageCommon {
  kind: 'print-issue';
  issue: { label: string; dateLabel: string; date: string; publication: string; publisher: string; url: string; href: string };
  sections: { title: string; titleLang?: string | undefined; subtitle: string | null; articles: ArticlePage['article'][] }[];
}

export interface HomePage extends PageCommon {
  kind: 'home';
  latest: IssueSummary | null;
  /** The most recent years only. */
  years: YearGroup[];
  /** Link to the whole archive when older years are left out. */
  allIssues: Link | null;
  /** The search box's placeholder, naming zones of the archive. */
  searchPlaceholder: string;
}

export interface IssuesPage extends PageCommon {
  kind: 'issues';
  years: YearGroup[];
  chart: ChartView;
}

/** A year's issues, under a heading whose id charts link to. */
export interface YearGroup {
  id: string;
  year: string;
  issues: IssueSummary[];
}

export interface ColumnsPage extends PageCommon {
  kind: 'columns';
  columns: (Link & { count: string })[];
}

export interface ColumnPage extends PageCommon {
  kind: 'column';
  column: { title: string; titleLang?: string | undefined; issues: { id: string; issue: Link; articles: ArticleRef[] }[] };
  chart: ChartView;
}

export interface ParksPage extends PageCommon {
  kind: 'parks';
  provinces: { id: string; name: string; parks: (Link & { count: string })[] }[];
  chart: ChartView;
}

export interface ParkArticleList {
  /** `park-about` or `park-mentions`: the anchor of the list's heading. */
  id: string;
  heading: string;
  articles: ArticleRef[];
  /** The same articles by year, newest first, when the park's articles span several years; null otherwise. */
  years: { id: string; year: string; articles: ArticleRef[] }[] | null;
}

export interface ParkPage extends PageCommon {
  kind: 'park';
  park: {
    name: string;
    nameLang?: string | undefined;
    fullName: string;
    province: string;
    /** Its articles about it, then those that only mention it; a list only where it has articles. */
    lists: ParkArticleList[];
    search: string;
    /** Its Atom feed: the articles naming it, newest first. */
    feed: Link;
  };
  charts: ChartView[];
}

export interface SearchPage extends PageCommon {
  kind: 'search';
  search: SearchView;
}

export interface SimplePage extends PageCommon {
  kind: 'about' | 'not-found';
  /** The 404 page's message in the other language. */
  otherLanguage?: { lang: string; title: string; body: string; home: Link; search: Link };
}

export interface SiteData {
  pages: {
    home: HomePage[];
    issues: IssuesPage[];
    issue: IssuePage[];
    article: ArticlePage[];
    printIssue: PrintIssuePage[];
    columns: ColumnsPage[];
    column: ColumnPage[];
    parks: ParksPage[];
    park: ParkPage[];
    search: SearchPage[];
    simple: SimplePage[];
  };
  feeds: FeedView[];
  /** One entry, `/sitemap.xml`: a list, as every kind of output is, so that a build can render any part of the site. */
  sitemap: SitemapView[];
  /** One entry, `/robots.txt`. */
  robots: RobotsView[];
}
