/**
 * Slugs every file system can hold as folder names: short, never a Windows
 * device name, stable from build to build, unique, and unchanged wherever
 * they were already fine (existing URLs stay).
 */
import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, createSlugger, isPortableName, portableSlug, slugify } from '../../src/text/slug.ts';

const LONG_WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(7).slice(0, 300);
const DEVICES = ['CON', 'PRN', 'AUX', 'NUL', ...Array.from({ length: 10 }, (_, n) => `COM${n}`), ...Array.from({ length: 10 }, (_, n) => `LPT${n}`)];

describe('slugs as folder names', () => {
  it('keeps the slugs that were already fine', () => {
    expect(slugify('佛山高新区：打造“智造”高地')).toBe('fo-shan-gao-xin-qu-da-zao-zhi');
    expect(slugify('Torch in Action 2022')).toBe('torch-in-action-2022');
    expect(slugify('console')).toBe('console');
    expect(slugify('com10')).toBe('com10');
  });

  it.each(DEVICES.flatMap((name) => [name, name.toLowerCase(), `${name[0]}${name.slice(1).toLowerCase()}`]))('turns the device name %s into another name', (title) => {
    const slug = slugify(title);
    expect(slug).toBe(`${title.toLowerCase()}-1`);
    expect(isPortableName(slug)).toBe(true);
  });

  it('cuts a 300-letter word to at most MAX_SLUG_LENGTH characters, the same at every build, and two such words that differ at the end get two slugs', () => {
    const one = slugify(LONG_WORD);
    const other = slugify(`${LONG_WORD.slice(0, -1)}X`);
    expect(one.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(one).toMatch(/^pneumonoultramicroscopicsilicovolcanoconiosis[a-z]+-[0-9a-f]{8}$/u);
    expect(slugify(LONG_WORD)).toBe(one);
    expect(other).not.toBe(one);
    expect(other.slice(0, -9)).toBe(one.slice(0, -9));
  });

  it('cuts a long slug of many words at a word', () => {
    const slug = portableSlug(Array.from({ length: 30 }, (_, n) => `word${n}`).join('-'));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^word0-word1-.*-word\d+-[0-9a-f]{8}$/u);
  });

  it('keeps a scope unique: a device name, its fixed form and a repeat each get their own slug', () => {
    const slugger = createSlugger(['print']);
    expect(['CON', 'con 1', 'CON', 'print', LONG_WORD, LONG_WORD].map(slugger)).toEqual(['con-1', 'con-1-2', 'con-1-3', 'print-2', slugify(LONG_WORD), `${slugify(LONG_WORD)}-2`]);
  });

  it('makes gazetteer-style slugs portable too (any slug function)', () => {
    const slugger = createSlugger([], (text) => text.toLowerCase());
    expect(slugger('Aux')).toBe('aux-1');
    expect(slugger('x'.repeat(400)).length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
  });
});

describe('isPortableName', () => {
  it.each(['con', 'CON', 'con.txt', 'Nul.tar.gz', 'com1', 'LPT9.md', 'name.', 'name ', '', '.', '..', 'a'.repeat(256), 'é'.repeat(128)])('refuses %j', (name) => {
    expect(isPortableName(name)).toBe(false);
  });
  it.each(['index.html', 'con-1', 'console', 'com10', 'a'.repeat(255), '.bulletin-builds', 'citation.bib'])('accepts %j', (name) => {
    expect(isPortableName(name)).toBe(true);
  });
});
