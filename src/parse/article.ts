import type { RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Article, Block } from '../model/records.ts';
import { gazetteerMatcher } from '../parks/gazetteer-matcher.ts';
import { createSlugger } from '../text/slug.ts';
import { report } from './diagnostics.ts';
import { notesOf } from './footnotes.ts';
import { nodeText, textPlaces } from './mdast-text.ts';
import { renderBodyHtml } from './render-html.ts';
import { takeSource } from './source.ts';
import type { RawArticle } from './split.ts';


/** One article's record: its source, subheadings, parks, plain text and HTML, with the notes it refers to after the body. */
export function buildArticle(raw: RawArticle, cumulative: number, articleSlug: (text: string) => string, file: VFile): Article {
  const body = [...raw.body];
  // Before the source is taken off: a zone that only contributed the article, (供稿:佛山高新区), is one it names.
  const named = findParks(raw, body, file);
  const source = takeSource(body);
  if (source === null) report(file, 'warning', 'source-missing', `Missing source for \`${raw.title}\`, expected \`(供稿:单位)\` at the end of the article`, raw.place);
  const anchorSlug = createSlugger();
  const anchors = new Map<RootContent, string>();
  const blocks: Block[] = [];
  for (const node of body) {
    const text = nodeText(node).trim();
    if (!text) continue;
    if (node.type === 'heading') {
      const anchor = anchorSlug(text);
      anchors.set(node, anchor);
      blocks.push({ kind: 'heading', text, anchor });
    } else {
      blocks.push({ kind: 'paragraph', text });
    }
  }
  if (!blocks.some((block) => block.kind === 'paragraph')) report(file, 'warning', 'article-empty', `Unexpected article \`${raw.title}\` without text, expected paragraphs under its title`, raw.place);
  const notes = notesOf(body, file);
  const noteBlocks = notes.flatMap((note) => note.children);
  for (const node of noteBlocks) {
    const text = nodeText(node).trim();
    if (text) blocks.push({ kind: 'paragraph', text });
  }
  const slug = articleSlug(raw.title);
  return {
    id: `${cumulative}-${slug}`,
    slug,
    title: raw.title,
    source,
    headings: blocks.flatMap((block) => (block.kind === 'heading' ? [{ text: block.text, anchor: block.anchor }] : [])),
    ...withNotes(named, findParks(null, noteBlocks, file)),
    text: blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : [])).join('\n\n'),
    blocks,
    html: renderBodyHtml(body, anchors, notes, slug),
    line: raw.place?.line ?? 1,
  };
}

interface NamedParks {
  parks: string[];
  /** For each park, the form the article first names it by. */
  parkForms: { park: string; form: string }[];
}

/** The parks named in the title (when given) and the nodes; an `X高新区` the gazetteer lacks is reported where it stands. */
function findParks(raw: RawArticle | null, nodes: readonly RootContent[], file: VFile): NamedParks {
  const texts = [...(raw ? [{ text: raw.title, placeAt: () => raw.place }] : []), ...nodes.map((node) => ({ text: nodeText(node), placeAt: textPlaces(node) }))];
  const forms = new Map<string, string>();
  for (const { text, placeAt } of texts) {
    const scan = gazetteerMatcher().find(text);
    for (const unknown of scan.unknown) {
      report(file, 'warning', 'park-unknown', `Unexpected park \`${unknown.name}\`, expected a national high-tech zone from the gazetteer`, placeAt(unknown.start));
    }
    for (const mention of scan.mentions) if (!forms.has(mention.park)) forms.set(mention.park, mention.form);
  }
  return { parks: [...forms.keys()], parkForms: [...forms].map(([park, form]) => ({ park, form })) };
}

function withNotes(body: NamedParks, notes: NamedParks): NamedParks {
  const known = new Set(body.parks);
  const added = notes.parkForms.filter((entry) => !known.has(entry.park));
  return { parks: [...body.parks, ...added.map((entry) => entry.park)], parkForms: [...body.parkForms, ...added] };
}
