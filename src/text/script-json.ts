/**
 * JSON that can stand inside an HTML `<script>` element or attribute: `<`,
 * `>`, `&`, U+2028 and U+2029 written as `\uXXXX`, so nothing in it can close
 * the element or start markup, while JSON.parse returns the same value.
 */
export function scriptJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(/[<>&\u2028\u2029]/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
