import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Place } from './diagnostics.ts';
import { linesOf } from './mdast-text.ts';

export interface TocEntry {
  title: string;
  place: Place | undefined;
}

export interface TocColumn extends TocEntry {
  subtitle: string | null;
  articles: TocEntry[];
}

const COLUMN_LINE = /^【\s*(.+?)\s*】\s*(.*)$/u;
const SUBTITLE_LINE = /^[—–-]{1,2}\s*(.+)$/u;

/**
 * Reads the table of contents, the paragraphs between the masthead and the
 * first heading, when one of them names a column as `【栏目】`.
 * The columns found are the authority on what is a section and what an article.
 */
export function remarkBulletinToc() {
  return (tree: Root, file: VFile) => {
    const firstHeading = tree.children.findIndex((node) => node.type === 'heading');
    const lead = tree.children.slice(0, firstHeading === -1 ? tree.children.length : firstHeading);
    const candidates = lead.filter((node) => node.type === 'paragraph');
    if (!candidates.some((node) => linesOf(node).some((line) => COLUMN_LINE.test(line.text)))) {
      file.data.toc = null;
      return;
    }
    const columns: TocColumn[] = [];
    const consumed = new Set<RootContent>();
    for (const node of lead) {
      if (node.type !== 'paragraph') continue;
      for (const { text: line, place } of linesOf(node)) {
        const column = COLUMN_LINE.exec(line);
        if (column) {
          columns.push({ title: column[1] ?? '', subtitle: null, place, articles: [] });
          if (column[2]) columns.at(-1)?.articles.push({ title: column[2], place });
          continue;
        }
        const current = columns.at(-1);
        const subtitle = SUBTITLE_LINE.exec(line);
        if (current && subtitle && current.articles.length === 0 && current.subtitle === null) {
          current.subtitle = subtitle[1] ?? null;
        } else if (current) {
          current.articles.push({ title: line, place });
        }
      }
      if (columns.length > 0) consumed.add(node);
    }
    tree.children = tree.children.filter((node) => !consumed.has(node));
    file.data.toc = columns;
  };
}

declare module 'vfile' {
  interface DataMap {
    toc: TocColumn[] | null;
  }
}
