import type { Paragraph, Parent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { isHan } from '../text/han.ts';
import { fullWidthPunctuation, repairDigitSpacing, repairStrayAnd, type TextChange } from '../text/punctuation.ts';
import { report } from './diagnostics.ts';
import { endOf, nodeText, placeInText, placesInText, startOf } from './mdast-text.ts';
import { SOURCE_ONLY } from './source.ts';
import { SUBTITLE_PARAGRAPH } from './split.ts';

/**
 * Repairs conversion damage in the body, reporting each repair as info:
 * paragraphs cut by page breaks, ASCII punctuation inside Chinese, ` and `
 * between Chinese, stray spaces between digits and Chinese (`2022 年`), in
 * titles (one report per title) and in the body (one report per space).
 */
export function remarkBulletinRepair() {
  return (tree: Root, file: VFile) => {
    joinPageBreaks(tree, file);
    repairText(tree, file, false);
    for (const definition of file.data.footnotes?.definitions.values() ?? []) repairText(definition, file, false);
    for (const column of file.data.toc ?? []) {
      column.title = repairTitle(column.title);
      column.subtitle = column.subtitle === null ? null : repairTitle(column.subtitle);
      for (const article of column.articles) article.title = repairTitle(article.title);
    }
  };
}

/** The canonical form of a title from the table of contents: the same repairs, silently, as the heading reports them. */
export function repairTitle(title: string): string {
  return fullWidthPunctuation(repairDigitSpacing(repairStrayAnd(title).text).text).text;
}

function joinPageBreaks(tree: Root, file: VFile): void {
  const children = tree.children;
  for (let i = 0; i < children.length - 1; i++) {
    const current = children[i];
    const next = children[i + 1];
    if (current?.type !== 'paragraph' || next?.type !== 'paragraph') continue;
    const ending = nodeText(current).trimEnd();
    const opening = nodeText(next).trimStart();
    if (!isHan(ending.at(-1)) || !isHan([...opening][0]) || SOURCE_ONLY.test(opening) || SUBTITLE_PARAGRAPH.test(opening)) continue;
    report(
      file,
      'info',
      'repair-page-break',
      `Joined a paragraph cut by a page break: \`…${ending.slice(-6)}\` continues at line ${startOf(next)?.line ?? '?'} with \`${opening.slice(0, 6)}…\``,
      endOf(current),
    );
    trimEdge(current, 'end');
    trimEdge(next, 'start');
    current.children.push(...next.children);
    if (current.position && next.position) current.position.end = next.position.end;
    children.splice(i + 1, 1);
    i--;
  }
}

function trimEdge(paragraph: Paragraph, edge: 'start' | 'end'): void {
  const node = edge === 'end' ? paragraph.children.at(-1) : paragraph.children[0];
  if (node?.type !== 'text') return;
  node.value = edge === 'end' ? node.value.trimEnd() : node.value.trimStart();
}

function repairText(parent: Parent, file: VFile, inTitle: boolean): void {
  for (const child of parent.children) {
    if (child.type === 'text') repairTextNode(child, file, inTitle);
    else if ('children' in child) repairText(child as Parent, file, inTitle || child.type === 'heading');
  }
}

function repairTextNode(node: Text, file: VFile, inTitle: boolean): void {
  const and = repairStrayAnd(node.value);
  placesInText(node, and.changes.map((change) => change.offset)).forEach((place) => {
    report(file, 'info', 'repair-stray-and', 'Replaced ` and ` between Chinese characters with `和`', place);
  });
  const spacing = repairDigitSpacing(and.text);
  if (inTitle && spacing.changes.length > 0) {
    report(file, 'info', 'repair-title-spacing', `Removed ${spacing.changes.length} stray space(s) between digits and Chinese in a title`, placeInText(node, firstOffset(spacing.changes)));
  }
  if (!inTitle) {
    // Offsets are in the text after the ` and ` repair: places in the source only where that repair changed nothing.
    const offsets = and.changes.length === 0 ? spacing.changes.map((change) => change.offset) : spacing.changes.map(() => 0);
    placesInText(node, offsets).forEach((place) => report(file, 'info', 'repair-digit-spacing', 'Removed a stray space between a number and Chinese', place));
  }
  const value = spacing.text;
  const punctuation = fullWidthPunctuation(value);
  if (punctuation.changes.length > 0) {
    const marks = [...new Set(punctuation.changes.map((change) => `${change.from} → ${change.to}`))].join(', ');
    report(
      file,
      'info',
      'repair-punctuation',
      `Replaced ${punctuation.changes.length} ASCII punctuation mark(s) inside Chinese with full-width forms (${marks})`,
      placeInText(node, and.changes.length === 0 ? firstOffset(punctuation.changes) : 0),
    );
  }
  node.value = punctuation.text;
}

function firstOffset(changes: readonly TextChange[]): number {
  return changes[0]?.offset ?? 0;
}
