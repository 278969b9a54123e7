// `pnpm docs:check`: type-checks every ```ts and ```tsx block of README.md and
// packages/*/README.md against the real packages, so the examples users copy cannot drift from
// the API. Each block becomes its own module in apps/demo/.docs-check/ (gitignored; the demo
// depends on all four @aitre packages, so they resolve from there), compiled by the workspace's
// `tsc --noEmit` in one run; errors are reported as `README.md:<line>`.
//
// An HTML comment on the line(s) right before a fence steers the check (invisible on render):
//   <!-- docs-check: declare const client: AitreClient; -->   code put before the block
//   <!-- docs-check: skip <reason> -->                         not a TypeScript program
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'apps', 'demo', '.docs-check');
const tsc = join(root, 'node_modules', '.bin', 'tsc');

const FENCE = /^```(ts|tsx|typescript)\b/;
const DIRECTIVE = /<!--\s*docs-check:([\s\S]*?)-->\s*$/;

/** One fenced block to compile, with where it came from. */
interface Block {
  /** README path relative to the repo root. */
  readme: string;
  /** 1-based line of the block's first code line in the README. */
  firstLine: number;
  /** 1-based README line of the docs-check comment, when there is one. */
  directiveLine: number;
  prelude: string[];
  code: string[];
  jsx: boolean;
  skip: string | undefined;
}

// Third-party modules the server examples import but the workspace does not install: only the
// members the examples touch, typed so that our handlers must fit what those frameworks pass.
const AMBIENT = `declare module 'hono' {
  export interface Context { req: { raw: Request } }
  export class Hono {
    all(path: string, handler: (c: Context) => Response | Promise<Response>): this;
  }
}
declare module 'express' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  type Handler = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => unknown;
  interface Express {
    use(path: string, handler: Handler): this;
    listen(port: number): import('node:http').Server;
  }
  export default function express(): Express;
}
`;

const TSCONFIG = {
  extends: '../../../tsconfig.base.json',
  compilerOptions: {
    noEmit: true,
    declaration: false,
    declarationMap: false,
    // Examples destructure more than they use, to show what a call returns.
    noUnusedLocals: false,
    noUnusedParameters: false,
    // Every block is a module (top-level await, no clashes between blocks), imports or not.
    moduleDetection: 'force',
    types: ['node', 'vite/client'],
  },
  include: ['*.ts', '*.tsx'],
};

function readmes(): string[] {
  const packages = readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join('packages', entry.name, 'README.md'))
    .filter((path) => existsSync(join(root, path)))
    .sort();
  return ['README.md', ...packages];
}

function extract(readme: string): Block[] {
  const lines = readFileSync(join(root, readme), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = FENCE.exec(lines[i] ?? '');
    if (!match) {
      // Skip over other fences so their content is never taken for a ts block.
      if (lines[i]?.startsWith('```')) {
        while (++i < lines.length && !lines[i]?.startsWith('```'));
      }
      continue;
    }
    const fenceIndex = i;
    const code: string[] = [];
    while (++i < lines.length && !lines[i]?.startsWith('```')) code.push(lines[i] ?? '');
    const directive = findDirective(lines, fenceIndex);
    const text = directive?.text.trim() ?? '';
    const skip = /^skip\b/.test(text) ? text.slice(4).trim() || 'no reason given' : undefined;
    blocks.push({
      readme,
      firstLine: fenceIndex + 2,
      directiveLine: directive?.line ?? fenceIndex + 1,
      prelude: skip || !text ? [] : text.split('\n'),
      code,
      jsx: match[1] === 'tsx',
      skip,
    });
  }
  return blocks;
}

/** The docs-check comment ending on the line right before the fence, if any. */
function findDirective(lines: string[], fenceIndex: number) {
  const end = fenceIndex - 1;
  if (!lines[end]?.trimEnd().endsWith('-->')) return undefined;
  let start = end;
  while (start > 0 && !lines[start]?.includes('<!--')) start--;
  const match = DIRECTIVE.exec(lines.slice(start, end + 1).join('\n'));
  return match ? { text: match[1] ?? '', line: start + 1 } : undefined;
}

function fileName(block: Block): string {
  const slug = block.readme.replace(/\/README\.md$/, '').replace(/^README\.md$/, 'root');
  return `${slug.replace(/[^a-z0-9]+/gi, '-')}-L${block.firstLine}.${block.jsx ? 'tsx' : 'ts'}`;
}

const started = performance.now();
const files = readmes();
const blocks = files.flatMap(extract);
const checked = blocks.filter((block) => !block.skip);

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
writeFileSync(join(outDir, 'ambient.d.ts'), AMBIENT);
const byFile = new Map<string, Block>();
for (const block of checked) {
  const name = fileName(block);
  byFile.set(name, block);
  writeFileSync(join(outDir, name), `${[...block.prelude, ...block.code].join('\n')}\n`);
}

const result = spawnSync(
  tsc,
  ['-p', join(outDir, 'tsconfig.json'), '--noEmit', '--pretty', 'false'],
  {
    cwd: root,
    encoding: 'utf8',
  },
);
if (result.error) throw result.error;

/** A diagnostic's location in README terms, and a key that sorts it in README order. */
function locate(file: string, line: number, column: number): { where: string; order: string } {
  const block = byFile.get(relative(outDir, resolve(root, file)));
  if (!block) return { where: `${file}:${line}:${column}`, order: file };
  const readmeLine =
    line <= block.prelude.length
      ? block.directiveLine
      : block.firstLine + line - block.prelude.length - 1;
  const where =
    line <= block.prelude.length
      ? `${block.readme}:${readmeLine} (docs-check comment)`
      : `${block.readme}:${readmeLine}:${column}`;
  const order = `${files.indexOf(block.readme)}`.padStart(3, '0');
  return { where, order: `${order}:${String(readmeLine).padStart(6, '0')}` };
}

// tsc prints `file(line,col): error TS…: message`, continuation lines indented below it.
const diagnostics: { order: string; text: string }[] = [];
for (const line of `${result.stdout}${result.stderr}`.split('\n')) {
  const match = /^(.+?)\((\d+),(\d+)\): (.*)$/.exec(line);
  if (match) {
    const { where, order } = locate(match[1] ?? '', Number(match[2]), Number(match[3]));
    diagnostics.push({ order, text: `${where}: ${match[4]}` });
  } else if (line.trim()) {
    const last = diagnostics.at(-1);
    if (last && /^\s/.test(line)) last.text += `\n${line}`;
    else diagnostics.push({ order: '', text: line });
  }
}
diagnostics.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
const errors = diagnostics.filter((d) => / error TS\d+:/.test(d.text)).length;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const skipped = blocks.filter((block) => block.skip);

for (const diagnostic of diagnostics) console.error(diagnostic.text);
for (const block of skipped)
  console.log(`skipped ${block.readme}:${block.firstLine - 1}: ${block.skip}`);
console.log(
  `docs:check: ${checked.length} blocks from ${files.length} READMEs type-checked, ${skipped.length} skipped, ${errors} errors (${seconds} s)`,
);
if (result.status !== 0) process.exit(1);
