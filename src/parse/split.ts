import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { foldTitle } from '../text/fold.ts';
import type { DiagnosticRef } from '../model/records.ts';
import { refTo, report, type Place } from './diagnostics.ts';
import { nodeText, startOf } from './mdast-text.ts';
import { endsWithSource } from './source.ts';
import type { TocColumn } from './toc.ts';

export interface RawArticle {
  title: string;
  place: Place | undefined;
  /** Body nodes in order; headings among them are the article's subheadings. */
  body: RootContent[];
}

export interface RawSection {
  title: string;
  subtitle: string | null;
  place: Place | undefined;
  articles: RawArticle[];
}

/** `——国家高新区十年成就巡礼` under a column heading. */
export const SUBTITLE_PARAGRAPH = /^\s*(?:——|—|–{2}|-{2})\s*(\S.*)$/u;
const UNTITLED_SECTION = '未分栏';

/**
 * Splits the body into sections and articles. The table of contents decides
 * which heading is a column and which an article, whatever its level; without
 * one, the structure is inferred from headings and source markers.
 */
export function remarkBulletinSplit() {
  return (tree: Root, file: VFile) => {
    const toc = file.data.toc;
    file.data.sections = toc ? splitByToc(tree.children, toc, file) : splitByShape(tree.children, file);
  };
}

type Target = { section: number } | { section: number; article: number };

function splitByToc(nodes: RootContent[], toc: TocColumn[], file: VFile): RawSection[] {
  const sections: RawSection[] = toc.map((column) => ({ title: column.title, subtitle: column.subtitle, place: column.place, articles: [] }));
  const targets = new Map<string, Target>();
  toc.forEach((column, section) => {
    targets.set(foldTitle(column.title), { section });
    column.articles.forEach((_, article) => targets.set(foldTitle(column.articles[article]?.title ?? ''), { section, article }));
  });
  const found = new Set<string>();
  const orphans: Orphan[] = [];
  const flatIndex = tocPositions(toc);
  let lastArticle = -1;
  let section: RawSection | null = null;
  let article: RawArticle | null = null;
  for (const node of nodes) {
    if (node.type === 'heading') {
      const text = nodeText(node).trim();
      const key = foldTitle(text);
      const target = targets.get(key);
      if (target && !('article' in target)) {
        section = sections[target.section] ?? null;
        article = null;
        found.add(key);
        continue;
      }
      if (target && 'article' in target) {
        const entry = toc[target.section]?.articles[target.article];
        if (found.has(key)) report(file, 'warning', 'article-duplicate', `Unexpected second article titled \`${text}\`, expected each article once`, startOf(node));
        if (section !== sections[target.section]) {
          if (section) report(file, 'warning', 'article-outside-column', `Unexpected article \`${text}\` under column \`${section.title}\`, expected it under \`${sections[target.section]?.title}\` as the table of contents says`, startOf(node));
          section = sections[target.section] ?? null;
        }
        found.add(key);
        lastArticle = flatIndex(target.section, target.article);
        for (const waiting of orphans) waiting.before = Math.min(waiting.before, lastArticle);
        article = { title: entry?.title ?? text, place: startOf(node), body: [] };
        section?.articles.push(article);
        continue;
      }
    }
    if (article) {
      article.body.push(node);
    } else if (section && node.type === 'paragraph' && SUBTITLE_PARAGRAPH.test(nodeText(node))) {
      section.subtitle ??= SUBTITLE_PARAGRAPH.exec(nodeText(node))?.[1]?.trim() ?? null;
    } else {
      orphans.push({ node, after: lastArticle, before: Infinity });
    }
  }
  const causes = reportUnmatchedEntries(toc, found, orphans, file);
  for (const { node, after, before } of orphans) orphan(file, node, causes.find((cause) => cause.position > after && cause.position < before)?.ref);
  return sections.filter((candidate) => candidate.articles.length > 0);
}

/**
 * Content outside any article, between the articles at these table-of-contents
 * positions (`before` is Infinity until an article follows it).
 */
interface Orphan {
  node: RootContent;
  after: number;
  before: number;
}

/** Each article's position in the table of contents, counted across its columns. */
function tocPositions(toc: TocColumn[]): (section: number, article: number) => number {
  const starts = toc.map((_, section) => toc.slice(0, section).reduce((sum, column) => sum + column.articles.length, 0));
  return (section, article) => (starts[section] ?? 0) + article;
}

/**
 * An entry with no article is the cause; content left outside any article
 * where that article was expected (after the entry before it, before the one
 * after it) follows from it, usually the renamed heading and its text. The
 * first such heading is named in the error.
 */
function reportUnmatchedEntries(toc: TocColumn[], found: ReadonlySet<string>, orphans: readonly Orphan[], file: VFile): { position: number; ref: DiagnosticRef }[] {
  const flatIndex = tocPositions(toc);
  const causes: { position: number; ref: DiagnosticRef }[] = [];
  toc.forEach((column, section) => {
    column.articles.forEach((entry, article) => {
      if (found.has(foldTitle(entry.title))) return;
      const position = flatIndex(section, article);
      const heading = orphans.find((candidate) => candidate.after < position && candidate.before > position && candidate.node.type === 'heading' && nodeText(candidate.node).trim());
      const guess = heading ? ` (is it the heading \`${nodeText(heading.node).trim()}\` at line ${startOf(heading.node)?.line}?)` : '';
      const error = report(file, 'error', 'toc-entry-unmatched', `Unexpected table-of-contents entry \`${entry.title}\` with no article, expected a heading with that title${guess}`, entry.place);
      causes.push({ position, ref: refTo(error) });
    });
  });
  return causes;
}

function splitByShape(nodes: RootContent[], file: VFile): RawSection[] {
  report(file, 'warning', 'toc-missing', 'Missing table of contents, expected `**【栏目】** 标题` lines after the issue line; structure inferred from headings and source markers', startOf(nodes[0]));
  const sections: RawSection[] = [];
  let section: RawSection | null = null;
  let article: RawArticle | null = null;
  let articleOpen = false;
  nodes.forEach((node, index) => {
    if (node.type === 'heading' && !(article && articleOpen)) {
      const text = nodeText(node).trim();
      if (startsSection(nodes, index)) {
        section = { title: text, subtitle: null, place: startOf(node), articles: [] };
        sections.push(section);
        article = null;
        return;
      }
      if (!section) {
        report(file, 'warning', 'column-missing', `Unexpected article \`${text}\` outside any column, expected a column heading before it`, startOf(node));
        section = { title: UNTITLED_SECTION, subtitle: null, place: startOf(node), articles: [] };
        sections.push(section);
      }
      article = { title: text, place: startOf(node), body: [] };
      section.articles.push(article);
      articleOpen = true;
      return;
    }
    if (article) {
      article.body.push(node);
      if (endsWithSource(node)) articleOpen = false;
    } else if (section && node.type === 'paragraph' && SUBTITLE_PARAGRAPH.test(nodeText(node))) {
      section.subtitle ??= SUBTITLE_PARAGRAPH.exec(nodeText(node))?.[1]?.trim() ?? null;
    } else {
      orphan(file, node);
    }
  });
  return sections.filter((candidate) => candidate.articles.length > 0);
}

/** A column heading is followed by another heading, perhaps with a `——` subtitle between. */
function startsSection(nodes: RootContent[], index: number): boolean {
  const next = nodes[index + 1];
  if (next?.type === 'heading') return true;
  return next?.type === 'paragraph' && SUBTITLE_PARAGRAPH.test(nodeText(next)) && nodes[index + 2]?.type === 'heading';
}

function orphan(file: VFile, node: RootContent, cause?: DiagnosticRef): void {
  const text = nodeText(node).trim();
  if (!text) return;
  report(file, 'warning', 'content-orphan', `Unexpected content \`${text.slice(0, 20)}${text.length > 20 ? '…' : ''}\` outside any article, expected it under an article heading; it is left out`, startOf(node), cause);
}

declare module 'vfile' {
  interface DataMap {
    sections: RawSection[];
  }
}
