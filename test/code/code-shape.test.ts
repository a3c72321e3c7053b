/**
 * The code stays easy to change: small files, short functions, no import
 * cycles in src/ (and the browser code bundled from it). Numbers from the
 * README's promise to a newcomer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAX_FILE_LINES = 250;
const MAX_FUNCTION_LINES = 80;

function filesUnder(folder: string, pattern: RegExp): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const code = filesUnder('src', /\.(ts|mjs)$/u);
const styles = filesUnder('public', /\.(css|js)$/u);
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').length;
const name = (file: string) => relative(ROOT, file);

describe('the shape of the code', () => {
  it('reads its data files from the project folder, never beside a module: the CLI runs as one bundle in dist/', () => {
    const besideModule = /new URL\(\s*['"]\.{1,2}\//u;
    expect(code.filter((file) => !file.includes('/src/browser/') && besideModule.test(readFileSync(file, 'utf8'))).map(name)).toEqual([]);
  });

  it(`has no file over ${MAX_FILE_LINES} lines in src/ and public/`, () => {
    expect([...code, ...styles].filter((file) => lines(file) > MAX_FILE_LINES).map((file) => `${name(file)} (${lines(file)} lines)`)).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const long: string[] = [];
    for (const file of code) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
          const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
          if (last - first + 1 > MAX_FUNCTION_LINES) long.push(`${name(file)}:${first + 1} (${last - first + 1} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(long).toEqual([]);
  });

  it('has no import cycle', () => {
    const imports = new Map(code.map((file) => [file, [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gmu)].map((match) => resolve(dirname(file), match[1] ?? ''))]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      path.push(file);
      for (const next of imports.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].map(name).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of code) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
