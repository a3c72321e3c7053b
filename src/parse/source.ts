import type { Paragraph, RootContent } from 'mdast';
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
  if (nodeText(last).trim() === '') body.splice(body.indexOf(last), 1);
  return source;
}

/** Whether a paragraph ends with a source marker: in the fallback without a table of contents, that ends an article. */
export function endsWithSource(node: RootContent): boolean {
  return node.type === 'paragraph' && SOURCE_AT_END.test(nodeText(node));
}

function stripTrailingText(paragraph: Paragraph, length: number): void {
  let remaining = length;
  while (remaining > 0 && paragraph.children.length > 0) {
    const tail = paragraph.children.at(-1);
    if (!tail) break;
    const text = nodeText(tail);
    if (tail.type === 'text' && text.length > remaining) {
      tail.value = text.slice(0, text.length - remaining);
      remaining = 0;
    } else {
      paragraph.children.pop();
      remaining -= text.length;
    }
  }
  while (paragraph.children.at(-1)?.type === 'break') paragraph.children.pop();
  const tail = paragraph.children.at(-1);
  if (tail?.type === 'text') tail.value = tail.value.trimEnd();
}
