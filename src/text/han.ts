/** Character classes shared by the parser, the park matcher and the search index. */

export const HAN = /\p{Script=Han}/u;
export const HAN_CHARS = /\p{Script=Han}/gu;

export function isHan(char: string | undefined): boolean {
  return char !== undefined && HAN.test(char);
}

/** Every Han character of a string, in order. */
export function hanOnly(text: string): string {
  return (text.match(HAN_CHARS) ?? []).join('');
}
