import type { Nodes, Root } from 'mdast';
import type { Place } from './diagnostics.ts';

/**
 * How deep block quotes and list items may nest, and, separately, emphasis
 * and links inside a block. The bulletin nests two or three levels; the
 * parser's transforms and renderers recurse once per level and run out of
 * stack past about a thousand, and micromark's time grows with the square
 * of the depth (quotes) or worse (indented lists: 1,000 levels take 15 s).
 */
export const MAX_NESTING = 32;

type Container = { quote: true } | { quote: false; content: number };

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/u;
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/u;
const NOT_LAZY = /^(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,})/u;
const FENCE = /^(`{3,}|~{3,})/u;

/**
 * Where block quotes and list items first nest deeper than MAX_NESTING, found
 * by one pass over the lines before micromark sees them, or null. It follows
 * CommonMark's container rules closely enough to count the depth each line
 * reaches (a `>` per quote, the content column per list item), and looks at
 * no more than MAX_NESTING + 1 markers a line, so it is linear in the text.
 */
export function firstTooDeep(markdown: string): Place | null {
  const stack: Container[] = [];
  let fence: { marker: string; depth: number } | null = null;
  let lineStart = 0;
  for (let line = 1; lineStart <= markdown.length; line++) {
    const newline = markdown.indexOf('\n', lineStart);
    const text = markdown.slice(lineStart, newline === -1 ? markdown.length : newline);
    lineStart = newline === -1 ? markdown.length + 1 : newline + 1;
    const cursor = new LineCursor(text);
    let matched = 0;
    while (matched < stack.length && cursor.continues(stack[matched] as Container)) matched++;
    if (fence && matched >= fence.depth) {
      if (cursor.rest().trimStart().startsWith(fence.marker)) fence = null;
      continue;
    }
    fence = null;
    const opened: Container[] = [];
    for (let container = cursor.open(); container; container = cursor.open()) {
      if (matched + opened.length + 1 > MAX_NESTING) return { line, column: cursor.markerAt + 1 };
      opened.push(container);
    }
    const rest = cursor.rest();
    // A line that opens nothing may continue a paragraph lazily, inside containers it did not repeat.
    const lazy = opened.length === 0 && rest.trim() !== '' && !NOT_LAZY.test(rest.trimStart()) && !THEMATIC_BREAK.test(rest.trim());
    if (!lazy) stack.length = matched;
    stack.push(...opened);
    const opening = FENCE.exec(rest.trimStart());
    if (opening?.[1] && cursor.indent() < 4) fence = { marker: opening[1], depth: stack.length };
  }
  return null;
}

/** Reads one line's container markers from left to right, keeping the visual column (tabs stop every 4). */
class LineCursor {
  private index = 0;
  private column = 0;
  /** Index of the last marker `open` found. */
  markerAt = 0;

  constructor(private readonly text: string) {}

  rest(): string {
    return this.text.slice(this.index);
  }

  /** Columns of whitespace ahead, without moving. */
  indent(): number {
    let column = this.column;
    for (let i = this.index; i < this.text.length; i++) {
      const char = this.text[i];
      if (char === ' ') column++;
      else if (char === '\t') column += 4 - (column % 4);
      else break;
    }
    return column - this.column;
  }

  private skip(columns: number): void {
    const target = this.column + columns;
    while (this.column < target && (this.text[this.index] === ' ' || this.text[this.index] === '\t')) {
      this.column = this.text[this.index] === '\t' ? this.column + 4 - (this.column % 4) : this.column + 1;
      this.index++;
    }
  }

  /** Whether the line goes on inside `container`: a `>` for a quote, enough indentation (or nothing) for a list item. */
  continues(container: Container): boolean {
    const indent = this.indent();
    if (container.quote) {
      if (indent > 3 || this.text[this.index + this.whitespaceLength()] !== '>') return false;
      this.skip(indent);
      this.take(1);
      return true;
    }
    if (this.rest().trim() === '') return true;
    if (this.column + indent < container.content) return false;
    this.skip(container.content - this.column);
    return true;
  }

  /** The container a marker here opens (moving past it), or null. */
  open(): Container | null {
    const indent = this.indent();
    if (indent > 3) return null;
    const at = this.index + this.whitespaceLength();
    const rest = this.text.slice(at);
    if (rest.startsWith('>')) {
      this.skip(indent);
      this.markerAt = this.index;
      this.take(1);
      return { quote: true };
    }
    const marker = LIST_MARKER.exec(rest)?.[0];
    if (!marker || THEMATIC_BREAK.test(rest.trim())) return null;
    this.skip(indent);
    this.markerAt = this.index;
    this.index += marker.length;
    this.column += marker.length;
    const after = this.indent();
    // One to four spaces after the marker belong to it; five or more start indented code one column in.
    const content = this.rest().trim() === '' || after > 4 ? this.column + 1 : this.column + after;
    this.skip(content - this.column);
    return { quote: false, content };
  }

  /** Past a `>` and the one space after it. */
  private take(characters: number): void {
    this.index += characters;
    this.column += characters;
    if (this.text[this.index] === ' ') {
      this.index++;
      this.column++;
    }
  }

  private whitespaceLength(): number {
    let length = 0;
    while (this.text[this.index + length] === ' ' || this.text[this.index + length] === '\t') length++;
    return length;
  }
}

const BLOCK_CONTAINERS = new Set(['blockquote', 'listItem']);
const INLINE_CONTAINERS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

/**
 * The first node (in document order) nested deeper than MAX_NESTING block
 * containers, or inline containers inside one block: emphasis nests without
 * any line structure for the scan above to see. Iterative, so that it cannot
 * run out of stack itself.
 */
export function firstTooDeepNode(tree: Root): Nodes | null {
  const pending: { node: Nodes; blocks: number; inlines: number }[] = [{ node: tree, blocks: 0, inlines: 0 }];
  for (let entry = pending.pop(); entry; entry = pending.pop()) {
    const { node } = entry;
    const blocks = entry.blocks + (BLOCK_CONTAINERS.has(node.type) ? 1 : 0);
    const inlines = entry.inlines + (INLINE_CONTAINERS.has(node.type) ? 1 : 0);
    if (blocks > MAX_NESTING || inlines > MAX_NESTING) return node;
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) pending.push({ node: node.children[i] as Nodes, blocks, inlines });
  }
  return null;
}
