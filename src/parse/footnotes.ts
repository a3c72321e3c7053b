import type { FootnoteDefinition, Nodes, Parent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';
import { nodeText, startOf } from './mdast-text.ts';

export interface Footnotes {
  /** Each note by its identifier, the first definition of it. */
  definitions: Map<string, FootnoteDefinition>;
  /** Identifiers some article refers to. */
  claimed: Set<string>;
}

/**
 * Takes every footnote definition out of the tree before anything reads
 * its structure: notes sit at the end of an article or of the whole issue
 * (even after the footer's `---`), and belong to the article that refers to
 * them, which only the split knows. The content-safety and repair transforms
 * treat the definitions as they treat the body.
 */
export function remarkBulletinFootnotes() {
  return (tree: Root, file: VFile) => {
    const footnotes: Footnotes = { definitions: new Map(), claimed: new Set() };
    const take = (parent: Parent) => {
      parent.children = parent.children.filter((child) => {
        if (child.type !== 'footnoteDefinition') {
          if ('children' in child) take(child);
          return true;
        }
        if (footnotes.definitions.has(child.identifier)) {
          report(file, 'warning', 'footnote-duplicate', `Unexpected second note \`[^${child.label ?? child.identifier}]\`${excerpt(child)}, expected each note defined once; it is left out`, startOf(child));
        } else {
          footnotes.definitions.set(child.identifier, child);
        }
        return false;
      }) as Parent['children'];
    };
    take(tree);
    file.data.footnotes = footnotes;
  };
}

/**
 * The notes an article body refers to, in the order a reader meets them
 * (notes referred to only from other notes come after), each marked as
 * claimed. A note referred to from two articles is given to both: each
 * article page stands alone.
 */
export function notesOf(body: readonly RootContent[], file: VFile): FootnoteDefinition[] {
  const footnotes = file.data.footnotes;
  if (!footnotes || footnotes.definitions.size === 0) return [];
  const notes: FootnoteDefinition[] = [];
  const seen = new Set<string>();
  const collect = (nodes: readonly Nodes[]) => {
    for (const node of nodes) {
      if (node.type === 'footnoteReference') {
        const definition = footnotes.definitions.get(node.identifier);
        if (definition && !seen.has(node.identifier)) {
          seen.add(node.identifier);
          notes.push(definition);
        }
      } else if ('children' in node) collect(node.children);
    }
  };
  collect(body);
  for (let index = 0; index < notes.length; index++) collect((notes[index] as FootnoteDefinition).children);
  for (const identifier of seen) footnotes.claimed.add(identifier);
  return notes;
}

/**
 * Notes no article's text refers to are left out, each named at its place,
 * like content outside any article. A reference in a title or the table of
 * contents does not count: titles are shown as plain text.
 */
export function reportUnusedNotes(file: VFile): void {
  const footnotes = file.data.footnotes;
  if (!footnotes) return;
  for (const [identifier, definition] of footnotes.definitions) {
    if (footnotes.claimed.has(identifier)) continue;
    report(file, 'warning', 'footnote-unused', `Unexpected note \`[^${definition.label ?? identifier}]\`${excerpt(definition)} that no article's text refers to (references in titles and the table of contents do not count), expected a reference \`[^${definition.label ?? identifier}]\` in an article; it is left out`, startOf(definition));
  }
}

function excerpt(definition: FootnoteDefinition): string {
  const text = definition.children.map((child) => nodeText(child)).join(' ').replace(/\s+/gu, ' ').trim();
  return text ? ` (\`${text.slice(0, 20)}${text.length > 20 ? '…' : ''}\`)` : '';
}

declare module 'vfile' {
  interface DataMap {
    footnotes: Footnotes;
  }
}
