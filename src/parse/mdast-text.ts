import type { Nodes, RootContent } from 'mdast';
import { placesOfOffsets, type Place } from './diagnostics.ts';

/** Plain text of a node: hard breaks become newlines, images their alt text. */
export function nodeText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'html':
      return node.value;
    case 'code':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    default:
      if ('children' in node) {
        const separator = isBlockContainer(node) ? '\n' : '';
        return (node.children as Nodes[]).map(nodeText).join(separator);
      }
      return '';
  }
}

function isBlockContainer(node: Nodes): boolean {
  return node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'table' || node.type === 'tableRow';
}

export function startOf(node: Nodes | RootContent | undefined): Place | undefined {
  const start = node?.position?.start;
  return start ? { line: start.line, column: start.column } : undefined;
}

export function endOf(node: Nodes | RootContent | undefined): Place | undefined {
  const end = node?.position?.end;
  return end ? { line: end.line, column: Math.max(1, end.column - 1) } : undefined;
}

/**
 * Places of character offsets (ascending) inside a text node whose value maps
 * one to one onto the source, found in one pass over the text.
 */
export function placesInText(node: Nodes, offsets: readonly number[]): (Place | undefined)[] {
  const start = startOf(node);
  if (!start || !('value' in node)) return offsets.map(() => start);
  return placesOfOffsets(node.value, offsets, start);
}

export function placeInText(node: Nodes, offset: number): Place | undefined {
  return placesInText(node, [offset])[0];
}

/** The non-empty lines of a block, trimmed, each with its place (a block's lines are source lines). */
export function linesOf(node: Nodes | RootContent): { text: string; place: Place | undefined }[] {
  const start = startOf(node);
  return nodeText(node as Nodes)
    .split('\n')
    .map((raw, index) => ({ text: raw.trim(), place: start ? { line: start.line + index, column: index === 0 ? start.column : 1 } : undefined }))
    .filter((line) => line.text !== '');
}

/**
 * Where each character of `nodeText(node)` stands in the source: for placing
 * a diagnostic on a word inside a paragraph. Characters of text nodes map to
 * their own place; others to the place of the node.
 */
export function textPlaces(node: Nodes): (offset: number) => Place | undefined {
  const segments: { from: number; node: Nodes & { value: string } }[] = [];
  let length = 0;
  const walk = (current: Nodes) => {
    if (current.type === 'text' || current.type === 'inlineCode' || current.type === 'html' || current.type === 'code') {
      segments.push({ from: length, node: current });
      length += current.value.length;
    } else if (current.type === 'break') length += 1;
    else if (current.type === 'image') length += (current.alt ?? '').length;
    else if ('children' in current) {
      (current.children as Nodes[]).forEach((child, index) => {
        if (index > 0 && isBlockContainer(current)) length += 1;
        walk(child);
      });
    }
  };
  walk(node);
  return (offset) => {
    const segment = segments.findLast((candidate) => candidate.from <= offset);
    if (!segment || offset >= segment.from + segment.node.value.length) return startOf(node);
    return placeInText(segment.node, offset - segment.from);
  };
}
