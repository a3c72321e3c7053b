/** The bulletin as published: what an issue says of itself unless its seed says otherwise. */
export const PUBLICATION = {
  title: '火炬动态',
  publisher: '科技部火炬高技术产业开发中心',
  /** Where the publisher is (its masthead address is in Beijing): the place a citation names. */
  place: '北京',
} as const;
