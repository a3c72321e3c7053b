/**
 * What Eleventy's own CLI finds when it is run here (`npx @11ty/eleventy`,
 * with or without `--serve`): this project is not an Eleventy project to run
 * that way. Its pages are rendered by Eleventy inside `bulletin build`, with
 * its settings in src/render/render-pages.ts and the data the build
 * prepares; run on its own, Eleventy would render the whole repository into
 * `_site`, which is the published build. So it stops here, before it reads
 * or writes anything.
 */
export default function refuseEleventyCli() {
  const message = [
    'This project is built with `npm run build` (npx bulletin build) and served with `npm start` (npx bulletin serve),',
    "which run Eleventy with the project's own settings (src/render/render-pages.ts) and data.",
    "Eleventy's own CLI would render the whole repository into _site, the published site, so it stopped before writing anything.",
  ].join('\n');
  const error = new Error(message);
  // Eleventy prints an error's stack unless told it is a plain message.
  error.skipOriginalStack = true;
  throw error;
}
