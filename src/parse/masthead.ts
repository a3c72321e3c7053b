import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report, type Place } from './diagnostics.ts';
import { parseIssueLine, type IssueLine } from './issue-line.ts';
import { nodeText, startOf } from './mdast-text.ts';

export interface MastheadData {
  title: string | null;
  publisher: string | null;
  issueLine: IssueLine | null;
  issueLinePlace: Place | undefined;
}

/** How far into the file the masthead may reach, in top-level nodes. */
const MASTHEAD_WINDOW = 6;

/**
 * Reads `# 火炬动态`, the publisher line and the issue line from the top of
 * the issue, and takes those nodes out of the tree.
 */
export function remarkBulletinMasthead() {
  return (tree: Root, file: VFile) => {
    const masthead: MastheadData = { title: null, publisher: null, issueLine: null, issueLinePlace: undefined };
    const consumed = new Set<RootContent>();
    const window = tree.children.slice(0, MASTHEAD_WINDOW);
    const titleNode = window.find((node) => node.type === 'heading' && node.depth === 1);
    if (titleNode) {
      masthead.title = nodeText(titleNode).trim();
      consumed.add(titleNode);
    }
    for (const node of window) {
      if (node.type === 'heading' && node !== titleNode) break;
      if (node.type !== 'paragraph') continue;
      const lines = nodeText(node).split('\n').map((line) => line.trim());
      const found = lines.map(parseIssueLine).find((line) => line !== null) ?? null;
      if (found) {
        masthead.issueLine = found;
        masthead.issueLinePlace = startOf(node);
        const others = lines.filter((line) => line && parseIssueLine(line) === null);
        if (!masthead.publisher && others.length > 0 && isPublisherLine(others.slice(0, 1))) masthead.publisher = others.shift() ?? null;
        for (const line of others) {
          report(file, 'warning', 'content-orphan', `Unexpected text \`${line.slice(0, 20)}\` beside the issue line, expected it in its own paragraph; it is left out`, masthead.issueLinePlace);
        }
        consumed.add(node);
        break;
      }
      if (!masthead.publisher && titleNode && isPublisherLine(lines)) {
        masthead.publisher = lines[0] ?? null;
        consumed.add(node);
      }
    }
    // Where the issue line should have been: right after what the masthead did take.
    masthead.issueLinePlace ??= startOf(tree.children.find((node) => !consumed.has(node)));
    if (!titleNode) report(file, 'warning', 'masthead-missing-title', 'Missing publication title, expected `# 火炬动态` at the top', startOf(tree.children[0]));
    tree.children = tree.children.filter((node) => !consumed.has(node));
    file.data.masthead = masthead;
  };
}

/** The publisher stands alone on one short line under the title, like 科技部火炬高技术产业开发中心. */
function isPublisherLine(lines: readonly string[]): boolean {
  const [line] = lines;
  return lines.length === 1 && line !== undefined && line.length <= 40 && !/[【。！？]/u.test(line);
}

declare module 'vfile' {
  interface DataMap {
    masthead: MastheadData;
  }
}
