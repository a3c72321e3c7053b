import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';
import { nodeText, startOf } from './mdast-text.ts';

/** Headings without text (`#` alone) title nothing: they are reported and dropped before anything reads the structure. */
export function remarkBulletinEmptyHeadings() {
  return (tree: Root, file: VFile) => {
    tree.children = tree.children.filter((node) => {
      if (node.type !== 'heading' || nodeText(node).trim() !== '') return true;
      report(file, 'warning', 'heading-empty', 'Unexpected heading without text, expected a column, article or subheading title; it is left out', startOf(node));
      return false;
    });
  };
}
