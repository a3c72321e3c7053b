/** What the search page's template and script receive: its form, filters, data files, and strings. */
export interface SearchView {
  strings: string;
  parks: { value: string; label: string }[];
  columns: { value: string; label: string }[];
  years: { value: string; label: string }[];
  bundlePath: string;
  /** The index's parts, space-separated, the first one's scripts loaded and the others merged into it: newest last. */
  parts: string;
  /** `/data/zones.json`: the zones a query may name. */
  zonesPath: string;
  /** `/parks/` in the page's language: where zone pages are. */
  parksPath: string;
  /** `/data/search-hints.json`: near misses for a query that finds nothing. */
  hintsPath: string;
  /** The box's placeholder, and the searches the guide offers: zones the archive names most. */
  placeholder: string;
  examples: { href: string; label: string }[];
}
