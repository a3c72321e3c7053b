import { formatMessage, type Messages } from '../../i18n/messages.ts';

/** The `search.*` strings of the page's language, which the page carries as JSON (from the dictionaries). */
export function readSearchStrings(doc: Document): (key: string, values?: Record<string, string | number>) => string {
  const element = doc.getElementById('search-strings');
  const messages = JSON.parse(element?.textContent || '{}') as Messages;
  return (key, values = {}) => formatMessage(messages, key, values);
}
