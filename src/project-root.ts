import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of this project (templates/, public/, src/), wherever the command runs from. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
