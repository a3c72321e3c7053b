/**
 * Filling a UI string: `{name}` placeholders, and a key's `.one` form for a
 * count of one where the language has one. Shared by the build and the
 * browser scripts, so that both say "1 article".
 */
export type Messages = Readonly<Record<string, string>>;

export function formatMessage(messages: Messages, key: string, values: Readonly<Record<string, string | number>> = {}): string {
  const singular = `${key}.one`;
  const chosen = values.count === 1 && Object.hasOwn(messages, singular) ? singular : key;
  const template = Object.hasOwn(messages, chosen) ? (messages[chosen] ?? '') : '';
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}
