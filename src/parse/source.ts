import type { Paragraph, PhrasingContent, RootContent } from 'mdast';

type PhrasingParent = Extract<PhrasingContent, { children: unknown }>;
import { nodeText } from './mdast-text.ts';

/** `(供稿:佛山高新区)` as a paragraph of its own. */
export const SOURCE_ONLY = /^\s*[(（]\s*供\s*稿\s*[:：]\s*[^()（）\n]+?\s*[)）]\s*$/u;
const SOURCE_AT_END = /[ \t\u00a0\u3000]*[(（]\s*供\s*稿\s*[:：]\s*([^()（）\n]+?)\s*[)）]\s*$/u;

/**
 * Takes the 供稿 attribution from the end of an article body: at the end of
 * the last paragraph, as its own paragraph, or after a hard line break.
 * Returns the source without brackets, or null; the body loses the marker.
 */
export function takeSource(body: RootContent[]): string | null {
  const last = body.findLast((node) => node.type !== 'heading');
  if (last?.type !== 'paragraph') return null;
  const match = SOURCE_AT_END.exec(nodeText(last));
  if (!match) return null;
  const source = (match[1] ?? '').trim();
  stripTrailingText(last, match[0].length);
  if (nodeText(last).trim() === '' && !last.children.some((child) => child.type === 'footnoteReference')) body.splice(body.indexOf(last), 1);
  return source;
}

/** Whether a paragraph ends with a source marker: in the fallback without a table of contents, that ends an article. */
export function endsWithSource(node: RootContent): boolean {
  return node.type === 'paragraph' && SOURCE_AT_END.test(nodeText(node));
}

/**
 * Removes the last `length` characters of a paragraph's text, descending into
 * emphasis and links that hold the marker so the words before it stay.
 * Returns how many characters were left to remove.
 */
function stripTrailingText(parent: Paragraph | PhrasingParent, length: number): number {
  let remaining = length;
  // A note reference after the marker (`(供稿:…)[^1]`) has no text of its own: it stays, after what the marker leaves.
  const references: PhrasingContent[] = [];
  while (remaining > 0 && parent.children.length > 0) {
    const tail = parent.children.at(-1);
    if (!tail) break;
    if (tail.type === 'footnoteReference') {
      references.unshift(tail);
      parent.children.pop();
      continue;
    }
    const text = nodeText(tail);
    if (text.length <= remaining) {
      parent.children.pop();
      remaining -= text.length;
    } else if (tail.type === 'text') {
      tail.value = text.slice(0, text.length - remaining);
      remaining = 0;
    } else if ('children' in tail) {
      remaining = stripTrailingText(tail as PhrasingParent, remaining);
    } else {
      break;
    }
  }
  while (parent.children.at(-1)?.type === 'break') parent.children.pop();
  const tail = parent.children.at(-1);
  if (tail?.type === 'text') tail.value = tail.value.trimEnd();
  parent.children.push(...(references as typeof parent.children));
  return remaining;
}
