/**
 * What a feed reader and RFC 4287 ask of an Atom feed: well-formed XML
 * (saxes, a conforming XML 1.0 parser) and the rules of §4.1 that feed
 * parsers (feedsmith) do not enforce.
 */
import { parseAtomFeed } from 'feedsmith';
import { SaxesParser } from 'saxes';

/** Well-formedness errors, as a conforming XML parser reports them. */
export function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => errors.push(error.message));
  parser.write(xml).close();
  return errors;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/u;
const isAbsoluteIri = (value: string | undefined): boolean => value !== undefined && /^[a-z][a-z0-9+.-]*:/iu.test(value) && URL.canParse(value);

/** RFC 4287 §4.1 requirements that feed parsers do not enforce. */
export function atomProblems(xml: string): string[] {
  const feed = parseAtomFeed(xml);
  const problems: string[] = [];
  if (!isAbsoluteIri(feed.id)) problems.push(`feed id is not an absolute IRI: ${feed.id}`);
  if (!feed.title?.value) problems.push('feed has no title');
  if (!RFC3339.test(String(feed.updated))) problems.push(`feed updated is not RFC 3339: ${feed.updated}`);
  if (!feed.links?.some((link) => link.rel === 'self')) problems.push('feed has no rel="self" link');
  const seen = new Set<string>();
  for (const entry of feed.entries ?? []) {
    const at = `entry ${entry.id}`;
    if (!isAbsoluteIri(entry.id)) problems.push(`${at}: id is not an absolute IRI`);
    else if (seen.has(entry.id!)) problems.push(`${at}: duplicate id`);
    else seen.add(entry.id!);
    if (!entry.title?.value) problems.push(`${at}: no title`);
    if (!RFC3339.test(String(entry.updated))) problems.push(`${at}: updated is not RFC 3339: ${entry.updated}`);
    if (!feed.authors?.length && !entry.authors?.length) problems.push(`${at}: no author`);
    if (!entry.content && !entry.links?.some((link) => (link.rel ?? 'alternate') === 'alternate')) problems.push(`${at}: no content and no alternate link`);
  }
  return problems;
}

