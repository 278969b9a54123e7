import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { zhCN } from './zhCN.js';

type Shape = 'string' | `function/${string}` | 'object';

/** The names a message function takes, read from its source (`(count, name) => ...`). */
function parameterNames(fn: (...args: never[]) => unknown): string {
  const source = fn.toString();
  const list = /^(?:function\s*\w*)?\s*\(([^)]*)\)/.exec(source)?.[1] ?? source.split('=>')[0];
  return (list ?? '')
    .replace(/[{}()\s]/g, '')
    .split(',')
    .filter((name) => name !== '')
    .map((name) => name.replace(/[:=].*$/, ''))
    .join(',');
}

/** Every leaf of a message table with what it is: nested groups, arrays and functions included. */
function leaves(value: unknown, prefix = '', out = new Map<string, Shape>()): Map<string, Shape> {
  if (typeof value === 'function') {
    out.set(prefix, `function/${parameterNames(value as () => unknown)}`);
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) out.set(prefix, 'object');
    for (const [key, child] of entries)
      leaves(child, prefix === '' ? key : `${prefix}.${key}`, out);
  } else {
    out.set(prefix, typeof value === 'string' ? 'string' : (typeof value as Shape));
  }
  return out;
}

describe('locale parity', () => {
  const enLeaves = leaves(en);
  const zhLeaves = leaves(zhCN);

  it('finds keys the other locale lacks, however deep', () => {
    const table = { a: { b: { c: 'x', list: ['1', '2'] } } };
    const shorter = { a: { b: { c: 'x', list: ['1'] } } };
    const keys = [...leaves(table).keys()].filter((key) => !leaves(shorter).has(key));
    expect(keys).toEqual(['a.b.list.1']);
  });

  it('tells message functions apart by their parameters', () => {
    expect(leaves({ f: (count: number, name: string) => `${count}${name}` }).get('f')).toBe(
      'function/count,name',
    );
    expect(
      leaves({
        f: function named(count: number) {
          return `${count}`;
        },
      }).get('f'),
    ).toBe('function/count');
    expect(leaves({ f: (n: number) => `${n}` }).get('f')).not.toBe(
      leaves({ f: (count: number) => `${count}` }).get('f'),
    );
  });

  it('has no key in English that zh-CN lacks', () => {
    expect([...enLeaves.keys()].filter((key) => !zhLeaves.has(key))).toEqual([]);
  });

  it('has no key in zh-CN that English lacks', () => {
    expect([...zhLeaves.keys()].filter((key) => !enLeaves.has(key))).toEqual([]);
  });

  it('gives every key the same kind of message, functions the same parameters', () => {
    const differing = [...enLeaves]
      .filter(([key, shape]) => zhLeaves.has(key) && zhLeaves.get(key) !== shape)
      .map(([key, shape]) => `${key}: en ${shape}, zh-CN ${zhLeaves.get(key)}`);
    expect(differing).toEqual([]);
  });

  it('has zh-CN text that is not left in English', () => {
    // A copied English sentence (several Latin words, no Chinese) is a missing translation.
    const untranslated = [...zhLeaves.keys()].filter((key) => {
      const value = key.split('.').reduce<unknown>((node, part) => {
        return (node as Record<string, unknown>)[part];
      }, zhCN);
      return (
        typeof value === 'string' &&
        !/[\u4e00-\u9fff]/.test(value) &&
        /[A-Za-z]{3,}\s+[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(value.replace(/\{\w+\}/g, ''))
      );
    });
    expect(untranslated).toEqual([]);
  });
});
