import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { Processor } from 'unified';

/**
 * GFM footnotes (`text[^1]` and `[^1]: note`) and nothing else of GFM:
 * tables and autolinks would change what existing seeds become. Without
 * this, CommonMark reads a note as a link reference definition, which
 * vanishes from the output. Wired the way remark-gfm wires its extensions.
 */
export function remarkGfmFootnotes(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown());
}
