/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = import.meta.dirname;

function read(file: string): string {
  return readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
}

const index = read(join(src, 'styles.css'));
const imported = [...index.matchAll(/@import "([^"]+)";/g)].map((m) => join(src, m[1]!));
const parts = imported.map((file) => ({ name: relative(src, file), css: read(file) }));

/** Selectors of every style rule, leaving out at-rule preludes and keyframe steps. */
function selectors(css: string): string[] {
  const keyframes = /@keyframes[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g;
  const preludes = [...css.replace(keyframes, '').matchAll(/([^{};]+)\{/g)].map((m) =>
    m[1]!.trim(),
  );
  return preludes
    .filter((prelude) => !prelude.startsWith('@'))
    .flatMap((prelude) => prelude.split(/,(?![^(]*\))/).map((selector) => selector.trim()));
}

/** Removes the arguments of every :where(), which add no specificity. */
function outsideWhere(selector: string): string {
  let out = '';
  let depth = 0;
  for (let at = 0; at < selector.length; at++) {
    if (depth === 0 && selector.startsWith(':where(', at)) {
      depth = 1;
      at += ':where('.length - 1;
      continue;
    }
    if (depth > 0) {
      if (selector[at] === '(') depth++;
      else if (selector[at] === ')') depth--;
      continue;
    }
    out += selector[at];
  }
  return out;
}

/** Every offending item of every part, as 'file: item', so a failure names the culprit. */
function offenders(check: (css: string) => string[]): string[] {
  return parts.flatMap(({ name, css }) => check(css).map((item) => `${name}: ${item}`));
}

describe('styles.css', () => {
  it('only lists its parts with @import, so the build can inline them in order', () => {
    expect(index.replace(/@import "\.\/[^"]+\.css";/g, '').trim()).toBe('');
    expect(parts.map((part) => part.name).slice(0, 3)).toEqual([
      'theme.css',
      join('shared', 'primitives.css'),
      join('markdown', 'markdown.css'),
    ]);
  });

  it('imports every stylesheet under src', () => {
    const all = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.css') && file !== 'styles.css')
      .map((file) => join(src, file));
    expect(
      all.filter((file) => !imported.includes(file)).map((file) => relative(src, file)),
    ).toEqual([]);
  });

  it('has no @import inside a part (the build inlines one level in order)', () => {
    expect(offenders((css) => css.match(/@import[^;]*;/g) ?? [])).toEqual([]);
  });

  it('scopes every rule to an aitre class', () => {
    expect(
      offenders((css) =>
        selectors(css).filter((selector) => !/^(?::where\()?\.aitre-/.test(selector)),
      ),
    ).toEqual([]);
  });

  it('keeps every selector at one class of specificity at most', () => {
    expect(
      offenders((css) =>
        selectors(css).filter((selector) => {
          const rest = outsideWhere(selector).replace(/::[a-z-]+/g, '');
          return (rest.match(/[.:[#]/g) ?? []).length > 1;
        }),
      ),
    ).toEqual([]);
  });

  it('only uses prefixed class names', () => {
    expect(
      offenders((css) =>
        [...css.matchAll(/\.(-?[a-z][\w-]*)/gi)]
          .map((m) => m[1]!)
          .filter((name) => !name.startsWith('aitre-')),
      ),
    ).toEqual([]);
  });

  it('declares the theme tokens for light, dark and the system setting', () => {
    const theme = parts[0]!.css;
    expect(theme).toContain(':where(.aitre-root) {');
    expect(theme).toContain(':where(.aitre-root[data-theme="dark"]) {');
    expect(theme).toMatch(
      /@media \(prefers-color-scheme: dark\) \{\s*:where\(\.aitre-root:not\(\[data-theme="light"\]\)\)/,
    );
    expect(theme).toContain('@media (prefers-reduced-motion: reduce)');
  });
});
