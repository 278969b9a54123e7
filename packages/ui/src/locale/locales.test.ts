import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { messages, resolveLocale } from './locales.js';
import { zhCN } from './zhCN.js';

/** Every key path of a message table, e.g. 'chat.suggestions.0'. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keyPaths(child, prefix === '' ? key : `${prefix}.${key}`),
  );
}

function valueAt(table: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], table);
}

describe('locales', () => {
  it('has every English key in zh-CN', () => {
    const zhKeys = new Set(keyPaths(zhCN));
    expect(keyPaths(en).filter((path) => !zhKeys.has(path))).toEqual([]);
  });

  it('has every zh-CN key in English', () => {
    const enKeys = new Set(keyPaths(en));
    expect(keyPaths(zhCN).filter((path) => !enKeys.has(path))).toEqual([]);
  });

  it('has no empty message in any locale', () => {
    for (const table of Object.values(messages)) {
      const empty = keyPaths(table).filter((path) => {
        const value = valueAt(table, path);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });

  it('uses the same placeholders in both locales', () => {
    const placeholders = (text: unknown) =>
      [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const path of keyPaths(en)) {
      expect([path, placeholders(valueAt(zhCN, path))]).toEqual([
        path,
        placeholders(valueAt(en, path)),
      ]);
    }
  });

  it('maps Chinese tags to zh-CN and anything else to English', () => {
    expect(resolveLocale('zh')).toBe('zh-CN');
    expect(resolveLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(resolveLocale('zh_CN')).toBe('zh-CN');
    expect(resolveLocale('en-GB')).toBe('en');
    expect(resolveLocale('zu')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
  });
});
