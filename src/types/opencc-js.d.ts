/** opencc-js ships its dictionaries as modules of one string each (`"萬 万|與 与|…"`), without types. */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
