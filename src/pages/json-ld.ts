export { scriptJson } from '../text/script-json.ts';

interface PeriodicalFacts {
  name: string;
  alternateName: string;
  publisher: string;
  url: string;
}

export function periodicalLd(facts: PeriodicalFacts) {
  return {
    '@type': 'Periodical',
    '@id': `${facts.url}#periodical`,
    name: facts.name,
    alternateName: facts.alternateName,
    inLanguage: 'zh-CN',
    url: facts.url,
    publisher: { '@type': 'Organization', name: facts.publisher },
  };
}

interface IssueFacts {
  url: string;
  issueNumber: string;
  datePublished: string;
  name: string;
}

export function issueLd(periodical: ReturnType<typeof periodicalLd>, facts: IssueFacts) {
  return {
    '@type': 'PublicationIssue',
    '@id': `${facts.url}#issue`,
    url: facts.url,
    name: facts.name,
    issueNumber: facts.issueNumber,
    datePublished: facts.datePublished,
    isPartOf: periodical,
  };
}

interface ArticleFacts {
  url: string;
  headline: string;
  datePublished: string;
  source: string | null;
  section: string;
  keywords: string[];
  inLanguage: string;
}

export function articleLd(issue: ReturnType<typeof issueLd>, facts: ArticleFacts) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${facts.url}#article`,
    url: facts.url,
    mainEntityOfPage: facts.url,
    headline: facts.headline,
    datePublished: facts.datePublished,
    inLanguage: facts.inLanguage,
    articleSection: facts.section,
    keywords: facts.keywords,
    ...(facts.source ? { sourceOrganization: { '@type': 'Organization', name: facts.source }, author: { '@type': 'Organization', name: facts.source } } : {}),
    isPartOf: issue,
  };
}
