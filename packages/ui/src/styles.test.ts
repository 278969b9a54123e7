/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, 'styles.css'), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);

/** Selectors of every style rule, leaving out at-rule preludes and keyframe steps. */
function selectors(): string[] {
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

describe('styles.css', () => {
  it('scopes every rule to an aitre class', () => {
    const unscoped = selectors().filter((selector) => !/^(?::where\()?\.aitre-/.test(selector));
    expect(unscoped).toEqual([]);
  });

  it('keeps every selector at one class of specificity at most', () => {
    const heavy = selectors().filter((selector) => {
      const rest = outsideWhere(selector).replace(/::[a-z-]+/g, '');
      return (rest.match(/[.:[#]/g) ?? []).length > 1;
    });
    expect(heavy).toEqual([]);
  });

  it('is one self-contained file: the build ships only styles.css, so @import cannot work', () => {
    expect(css.match(/@import[^;]*;/g) ?? []).toEqual([]);
  });

  it('only uses prefixed class names', () => {
    const rules = css.replace(/@import[^;]*;/g, '');
    const classes = [...rules.matchAll(/\.(-?[a-z][\w-]*)/gi)].map((m) => m[1]!);
    expect(classes.filter((name) => !name.startsWith('aitre-'))).toEqual([]);
  });

  it('declares the theme tokens for light, dark and the system setting', () => {
    expect(css).toContain(':where(.aitre-root) {');
    expect(css).toContain(':where(.aitre-root[data-theme="dark"]) {');
    expect(css).toMatch(
      /@media \(prefers-color-scheme: dark\) \{\s*:where\(\.aitre-root:not\(\[data-theme="light"\]\)\)/,
    );
    expect(css).toContain('@media (prefers-reduced-motion: reduce)');
  });
});
