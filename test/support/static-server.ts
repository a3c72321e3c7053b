export { serveDirectory, contentTypeFor, CONTENT_TYPES, type ServeOptions, type StaticServer } from '../../src/serve/static-server.ts';
