import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { z } from 'zod';
import { issueSchema, translationSchema, type Diagnostic, type Issue, type Section, type Translation } from '../model/records.ts';
import { createSlugger } from '../text/slug.ts';
import { buildArticle } from './article.ts';
import { remarkBulletinContentSafety } from './content-safety.ts';
import { diagnosticsOf, hasErrors, report, type Place } from './diagnostics.ts';
import { remarkBulletinEmptyHeadings } from './empty-headings.ts';
import { remarkBulletinFooter } from './footer.ts';
import { remarkGfmFootnotes } from './footnote-syntax.ts';
import { remarkBulletinFootnotes, reportUnusedNotes } from './footnotes.ts';
import { frontMatterError, issueFrontMatterSchema, splitFrontMatter, type FrontMatter, type IssueFrontMatter } from './front-matter.ts';
import { isoDate } from '../text/iso-date.ts';
import { remarkBulletinMasthead } from './masthead.ts';
import { startOf } from './mdast-text.ts';
import { firstTooDeep, firstTooDeepNode, MAX_NESTING } from './nesting.ts';
import { decodeSeed } from './read-seed.ts';
import { remarkBulletinRepair } from './repair.ts';
import { remarkBulletinSplit } from './split.ts';
import { remarkBulletinToc } from './toc.ts';
import { PUBLICATION } from '../model/publication.ts';

export type SeedResult =
  | { kind: 'issue'; issue: Issue; diagnostics: Diagnostic[] }
  | { kind: 'translation'; translation: Translation; keyPlaces: TranslationKeyPlaces; diagnostics: Diagnostic[] }
  /** `cumulative`: the issue's number when it could be read, so that its translation can say why it is not used. */
  | { kind: 'invalid'; diagnostics: Diagnostic[]; cumulative?: number };

/** Where each title key of a translation is written, for diagnostics about it once the issue is known. */
export type TranslationKeyPlaces = Record<'sections' | 'articles', ReadonlyMap<string, Place>>;


const pipeline = unified()
  .use(remarkParse)
  .use(remarkGfmFootnotes)
  .use(remarkBulletinFootnotes)
  .use(remarkBulletinEmptyHeadings)
  .use(remarkBulletinMasthead)
  .use(remarkBulletinFooter)
  .use(remarkBulletinToc)
  .use(remarkBulletinContentSafety)
  .use(remarkBulletinRepair)
  .use(remarkBulletinSplit)
  .freeze();

/** Parses one seed file, an issue or an English translation, never throwing for bad input. */
export function parseSeed(input: Uint8Array | string, fileName: string): SeedResult {
  const decoded = decodeSeed(typeof input === 'string' ? Buffer.from(input, 'utf8') : input, fileName);
  if (!decoded.ok) return { kind: 'invalid', diagnostics: [decoded.diagnostic] };
  const result = parseDecoded(decoded.text, fileName);
  return { ...result, diagnostics: [...decoded.diagnostics, ...result.diagnostics] };
}

/** Whether a seed file is an English translation (by its front matter), without parsing it. */
export function isTranslationSeed(input: Uint8Array, fileName: string): boolean {
  // Front matter opens the file (after a byte order mark): without `---` there, there is nothing to read.
  const start = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  if (input[start] !== 0x2d || input[start + 1] !== 0x2d || input[start + 2] !== 0x2d) return false;
  const decoded = decodeSeed(input, fileName);
  if (!decoded.ok) return false;
  const front = splitFrontMatter(decoded.text, fileName);
  return front.ok && isTranslationData(front.data);
}

function isTranslationData(data: Record<string, unknown>): boolean {
  return 'translation_of' in data || data.lang === 'en';
}

function parseDecoded(text: string, fileName: string): SeedResult {
  const front = splitFrontMatter(text, fileName);
  if (!front.ok) return { kind: 'invalid', diagnostics: [front.diagnostic] };
  if (isTranslationData(front.data)) return parseTranslation(front, fileName);
  const overrides = issueFrontMatterSchema.safeParse(front.data);
  if (!overrides.success) return { kind: 'invalid', diagnostics: [frontMatterError(overrides.error, front, fileName, 'front-matter-invalid')] };
  if (front.body.trim() === '') {
    return { kind: 'invalid', diagnostics: [{ file: fileName, line: 1, column: 1, severity: 'error', message: 'Unexpected front matter without a body, expected a bulletin issue after it', ruleId: 'file-empty' }] };
  }
  return parseIssueBody(front.body, fileName, overrides.data);
}

function parseIssueBody(markdown: string, fileName: string, overrides: IssueFrontMatter): SeedResult {
  const file = new VFile({ path: fileName, value: markdown });
  // Before anything that recurses, or micromark's slow path for deep lists, meets the nesting.
  const tooDeep = firstTooDeep(markdown);
  if (tooDeep) return nestingTooDeep(file, tooDeep);
  const tree = pipeline.parse(file);
  const tooDeepNode = firstTooDeepNode(tree);
  if (tooDeepNode) return nestingTooDeep(file, startOf(tooDeepNode));
  pipeline.runSync(tree, file);
  const { masthead, footer } = file.data;
  const rawSections = file.data.sections ?? [];
  const line = masthead?.issueLine ?? null;
  const year = overrides.year ?? line?.year;
  const number = overrides.number ?? line?.number;
  const cumulative = overrides.cumulative ?? line?.cumulative;
  let date = overrides.date ?? null;
  if (!date && line?.date) {
    date = isoDate(line.date);
    if (!date) report(file, 'error', 'issue-date-invalid', `Unexpected date ${line.date.year}年${line.date.month}月${line.date.day}日, expected a real calendar date`, masthead?.issueLinePlace);
  }
  if (year === undefined || number === undefined || cumulative === undefined) {
    report(file, 'error', 'issue-line-missing', 'Missing issue line, expected `2022年第20期(总第549期) 2022年11月30日` under the title (or year, number and cumulative in front matter)', masthead?.issueLinePlace);
  } else if (!date && !line?.date) {
    report(file, 'error', 'issue-date-missing', 'Missing issue date, expected `2022年11月30日` after the issue number (or date in front matter)', masthead?.issueLinePlace);
  }
  if (rawSections.length === 0) report(file, 'error', 'articles-missing', 'Missing articles, expected headings with article titles after the table of contents', undefined);
  // `print` is the whole-issue print view beside the articles.
  const articleSlug = createSlugger(['print']);
  const sections: Section[] = rawSections.map((raw) => ({
    title: raw.title,
    subtitle: raw.subtitle,
    articles: raw.articles.map((article) => buildArticle(article, cumulative ?? 0, articleSlug, file)),
  }));
  reportUnusedNotes(file);
  const diagnostics = diagnosticsOf(file);
  if (hasErrors(diagnostics) || year === undefined || number === undefined || cumulative === undefined || !date) {
    return { kind: 'invalid', diagnostics, ...(cumulative === undefined ? {} : { cumulative }) };
  }
  const issue: Issue = {
    publication: {
      title: overrides.title ?? masthead?.title ?? PUBLICATION.title,
      publisher: overrides.publisher ?? masthead?.publisher ?? PUBLICATION.publisher,
      place: overrides.place ?? PUBLICATION.place,
    },
    year,
    number,
    cumulative,
    date,
    title: overrides.label ?? line?.label ?? `${year}年第${number}期(总第${cumulative}期)`,
    sections,
    masthead: footer ?? null,
    sourceFile: fileName,
  };
  const valid = issueSchema.safeParse(issue);
  if (!valid.success) {
    const problem = valid.error.issues[0];
    diagnostics.push({ file: fileName, line: 1, column: 1, severity: 'error', message: `Unexpected record: ${problem?.path.join('.') ?? ''} ${problem?.message ?? ''} (a parser bug: please report it with this file)`, ruleId: 'records-invalid' });
    return { kind: 'invalid', diagnostics, cumulative };
  }
  return { kind: 'issue', issue: valid.data, diagnostics };
}

function nestingTooDeep(file: VFile, place: Place | undefined): SeedResult {
  report(file, 'error', 'nesting-too-deep', `Unexpected nesting deeper than ${MAX_NESTING} levels (block quotes and list items, or emphasis and links), expected at most ${MAX_NESTING}; the issue is not read further`, place);
  return { kind: 'invalid', diagnostics: diagnosticsOf(file) };
}

function parseTranslation(front: Extract<FrontMatter, { ok: true }>, fileName: string): SeedResult {
  const { translation_of: cumulative, ...rest } = front.data;
  const parsed = translationSchema.safeParse({ ...rest, cumulative });
  if (!parsed.success) {
    // The schema knows the number as `cumulative`; the file spells it `translation_of`.
    const issues = parsed.error.issues.map((issue) => (issue.path[0] === 'cumulative' ? { ...issue, path: ['translation_of', ...issue.path.slice(1)] } : issue));
    return { kind: 'invalid', diagnostics: [frontMatterError(new z.ZodError(issues), front, fileName, 'translation-invalid')] };
  }
  const placesOf = (group: 'sections' | 'articles') => new Map(Object.keys(parsed.data[group]).map((key) => [key, front.placeOf([group, key])]));
  return { kind: 'translation', translation: parsed.data, keyPlaces: { sections: placesOf('sections'), articles: placesOf('articles') }, diagnostics: [] };
}
