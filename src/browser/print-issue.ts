/**
 * The whole-issue print view (/issues/<n>/print/) laid out in pages before it
 * is printed, with Paged.js, so that its contents can name the page each
 * article starts on: `target-counter()` in public/print/issue.css, which
 * Chromium does not draw itself. The pages are A4, the bulletin's own paper;
 * what the browser prints is these pages, so the numbers are the printed
 * ones (on US Letter the browser fits each page to the sheet). Without
 * scripts the view prints as it is, without page numbers.
 *
 * The page's policy allows no inline styles, and Paged.js writes its styles
 * into <style> elements: here they go into constructed stylesheets (CSSOM),
 * which the policy allows. The toolbar (back to the issue, print), shown by
 * this script, stays outside the pages, on screen only (public/paged.css).
 */
import { Polisher, Previewer } from 'pagedjs';

/** The paper the view is laid out for; the print dialog then keeps to it. */
const PAPER = '@page { size: A4; }';

function adopt(text: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return sheet;
}

interface PolisherInternals {
  inserted: unknown[];
  styleEl?: { remove(): void };
  styleSheet?: CSSStyleSheet;
}

function stylesWithoutInlineElements(): void {
  const prototype = Polisher.prototype as unknown as PolisherInternals & { insert(text: string): unknown; setup(): CSSStyleSheet; destroy(): void };
  prototype.insert = function insert(this: PolisherInternals, text: string) {
    const sheet = adopt(text);
    this.inserted.push(sheet);
    return sheet;
  };
  const setup = prototype.setup;
  prototype.setup = function (this: PolisherInternals) {
    // The original inserts its base styles (through insert, above), then an empty <style> for the rules it adds while
    // laying out: that one is left out of the document, so no inline style is ever applied, and a constructed sheet takes its place.
    const head = document.head as HTMLHeadElement & { appendChild: <T extends Node>(node: T) => T };
    head.appendChild = <T extends Node>(node: T): T => node;
    try {
      setup.call(this);
    } finally {
      delete (head as Partial<typeof head>).appendChild;
    }
    this.styleSheet = adopt('');
    return this.styleSheet;
  };
}

/** What <main> holds but the toolbar, moved into a fragment for Paged.js to lay out. */
function takeContent(main: HTMLElement, toolbar: Element | null): DocumentFragment {
  const content = document.createDocumentFragment();
  for (const node of [...main.childNodes]) if (node !== toolbar) content.append(node);
  return content;
}

/**
 * The pages go inside <main>, so the page keeps one main landmark (Paged.js
 * would repeat an element it lays out on every page it spans); the site's
 * chrome around it is not printed, and hidden.
 */
async function paginate(): Promise<void> {
  const main = document.querySelector('main');
  if (!main) return;
  const toolbar = main.querySelector('[data-paged-toolbar]');
  // Its Print button (shown by page.js) prints the view whether or not the pages come.
  toolbar?.removeAttribute('hidden');
  stylesWithoutInlineElements();
  const stylesheets = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]:not([data-pagedjs-ignore])')].map((link) => {
    link.remove();
    return link.href;
  });
  const pages = document.createElement('div');
  pages.className = 'paged';
  const content = takeContent(main, toolbar);
  main.append(pages);
  try {
    await new Previewer().preview(content, [...stylesheets, { [`${location.href}#paper`]: PAPER }], pages);
  } catch (error) {
    // The view as it came, printable as it was, rather than half a layout.
    pages.remove();
    main.append(content);
    document.adoptedStyleSheets = [];
    for (const href of stylesheets) document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href }));
    throw error;
  }
  document.documentElement.dataset.paged = 'done';
}

paginate().catch((error: unknown) => {
  document.documentElement.dataset.paged = 'failed';
  console.error(error);
});
