declare module 'pagedjs' {
  /** The part of Paged.js (`pagedjs`) the whole-issue print view uses. */
  export class Previewer {
    constructor(options?: Record<string, unknown>);
    /** Lays `content` out in pages inside `renderTo`, with the stylesheets given as URLs or as `{ url: css }`. */
    preview(content?: DocumentFragment, stylesheets?: (string | Record<string, string>)[], renderTo?: Element): Promise<{ total: number }>;
  }
  export class Polisher {
    constructor(setup?: boolean);
  }
}
