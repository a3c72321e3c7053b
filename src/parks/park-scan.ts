/** What the park matcher finds in a text. */
export interface ParkMention {
  /** Canonical short name from the gazetteer. */
  park: string;
  /** UTF-16 offsets into the scanned text. */
  start: number;
  end: number;
  /** The text as written, e.g. 大冶湖高新区 for 黄石大冶湖高新区. */
  form: string;
}

export interface UnknownParkMention {
  name: string;
  start: number;
  end: number;
}

export interface ParkScan {
  mentions: ParkMention[];
  unknown: UnknownParkMention[];
}

export interface ParkMatcher {
  find(text: string): ParkScan;
}
