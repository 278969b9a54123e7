// `tsx --conditions=source scripts/check-exports.ts` (`pnpm exports:check`): every name a package
// exports publicly is documented where it is declared and shown somewhere a user looks.
//
// Public names: for each packages/*/package.json `exports` entry with a `source` condition, every
// name the TypeScript 7 checker lists in that module's exports (`getExportsOfModule`, through the
// `typescript/unstable/sync` API that drives the workspace's tsgo), so `export *`,
// `export { a as b } from` and re-exports across packages are followed by the compiler, types and
// interfaces included. Entries without `source` (e.g. '@aitre/ui/styles.css') export no names.
//
// The rule, per exported name of each entry point:
// 1. JSDoc: the original declaration (an alias is followed to what it names, so a re-export under
//    another name is judged by the declaration it points at) carries a `/** ... */` comment with
//    some text in it, directly before it (modifiers such as `export`/`declare` and decorators
//    may sit between); for `const`/`let` the comment stands before the statement. With several
//    declarations (overloads, merged interface/namespace), one documented declaration is enough.
//    A comment on the `export { ... } from` statement in an index file does not count.
// 2. Example:
//    - a name with a runtime value (function, class, const, enum) appears as a whole word in a
//      ```ts / ```tsx / ```js / ```jsx code block of README.md or packages/*/README.md, or in a
//      `*.stories.tsx` file under packages/ or apps/;
//    - a pure type (interface or type alias, no value) may also appear anywhere in a README's
//      text, prose included, since types are shown by use rather than by a call;
//    - a compound part counts as shown where it is used through its parent: `Chat.Root` in an
//      example shows `ChatRoot` (the components expose their parts that way);
//    - a companion type, `<X>Props`, `<X>Options`, `<X>Result`, `<X>State` or `<X>Snapshot`,
//      counts as shown where `X` is (`UseChatOptions` with `useChat`): an example of a
//      component, hook or store is also the example of the props, options and state it takes
//      and gives.
// Failures are printed as a table (package, name, file:line, missing) and exit 1.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  computeLineStarts,
  getTokenPosOfNode,
  type Node,
  type SourceFile,
  SyntaxKind,
} from 'typescript/unstable/ast';
import {
  API,
  type Checker,
  type Project,
  SymbolFlags,
  type Symbol as TsSymbol,
} from 'typescript/unstable/sync';

const started = performance.now();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CODE_FENCE = /^```(ts|tsx|typescript|js|jsx|javascript)\b/;
const WORD = /[A-Za-z_$][\w$]*/g;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'storybook-static', '.docs-check']);

/** One public entry point: a package subpath and the source file behind it. */
interface Entry {
  pkg: string;
  specifier: string;
  dir: string;
  source: string;
}

/** One rule an exported name breaks. */
interface Failure {
  specifier: string;
  name: string;
  where: string;
  missing: string;
}

function entries(): Entry[] {
  const found: Entry[] = [];
  for (const dirent of readdirSync(join(root, 'packages'), { withFileTypes: true })) {
    if (!dirent.isDirectory()) continue;
    const dir = join(root, 'packages', dirent.name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      name: string;
      exports?: Record<string, unknown>;
    };
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      const source = (target as { source?: unknown } | null)?.source;
      if (typeof source !== 'string') continue;
      const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
      found.push({ pkg: manifest.name, specifier, dir, source: join(dir, source) });
    }
  }
  return found.sort((a, b) => a.specifier.localeCompare(b.specifier));
}

const PART = /\b([A-Z][\w$]*)\.([A-Z][\w$]*)/g;
const COMPANION = /^(.+?)(Props|Options|Result|State|Snapshot)$/;

function words(text: string, into: Set<string>): void {
  for (const match of text.matchAll(WORD)) into.add(match[0]);
}

/** Words of example code, with `Parent.Part` also read as the part's own name `ParentPart`. */
function codeWords(text: string, into: Set<string>): void {
  words(text, into);
  for (const [, parent, part] of text.matchAll(PART)) into.add(`${parent}${part}`);
}

/** What a companion type goes with: `ChatProps` -> Chat, `UseChatOptions` -> useChat. */
function companionOf(name: string): string[] {
  const base = COMPANION.exec(name)?.[1];
  if (!base) return [];
  return base.startsWith('Use') ? [base, `use${base.slice(3)}`] : [base];
}

function walk(dir: string, accept: (name: string) => boolean, into: string[]): void {
  for (const dirent of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(dirent.name)) continue;
    const path = join(dir, dirent.name);
    if (dirent.isDirectory()) walk(path, accept, into);
    else if (accept(dirent.name)) into.push(path);
  }
}

/** Words of README code blocks and stories (examples), and of whole READMEs (type mentions). */
function exampleWords(): { code: Set<string>; prose: Set<string> } {
  const code = new Set<string>();
  const prose = new Set<string>();
  const readmes = [join(root, 'README.md')];
  walk(join(root, 'packages'), (name) => name === 'README.md', readmes);
  for (const readme of readmes) {
    const text = readFileSync(readme, 'utf8');
    words(text, prose);
    let inCode = false;
    let fenced = false;
    for (const line of text.split('\n')) {
      if (line.startsWith('```')) {
        if (fenced) {
          fenced = false;
          inCode = false;
        } else {
          fenced = true;
          inCode = CODE_FENCE.test(line);
        }
      } else if (inCode) {
        codeWords(line, code);
      }
    }
  }
  const stories: string[] = [];
  for (const top of ['packages', 'apps']) {
    walk(join(root, top), (name) => name.endsWith('.stories.tsx'), stories);
  }
  for (const story of stories) codeWords(readFileSync(story, 'utf8'), code);
  return { code, prose };
}

// Nodes whose JSDoc sits on an enclosing node: `/** */ export const a = ...` documents the
// VariableStatement, not the VariableDeclaration the symbol points at.
const DOC_CLIMB = new Set<SyntaxKind>([
  SyntaxKind.VariableDeclaration,
  SyntaxKind.VariableDeclarationList,
  SyntaxKind.BindingElement,
  SyntaxKind.ObjectBindingPattern,
  SyntaxKind.ArrayBindingPattern,
]);

function hasJsDoc(node: Node, text: string): boolean {
  for (let at: Node | undefined = node; at; at = DOC_CLIMB.has(at.kind) ? at.parent : undefined) {
    for (const doc of at.jsDoc ?? []) {
      const body = text
        .slice(doc.pos, doc.end)
        .replace(/^\/\*\*|\*\/$/g, '')
        .replace(/^\s*\*/gm, '');
      if (/\w/.test(body)) return true;
    }
  }
  return false;
}

function sourceFileOf(node: Node): SourceFile {
  let at = node;
  while (at.kind !== SyntaxKind.SourceFile) at = at.parent;
  return at as SourceFile;
}

function target(checker: Checker, symbol: TsSymbol): TsSymbol {
  return symbol.flags & SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

const lineStarts = new Map<string, number[]>();

function location(node: Node): string {
  const file = sourceFileOf(node);
  let starts = lineStarts.get(file.fileName);
  if (!starts) {
    starts = computeLineStarts(file.text);
    lineStarts.set(file.fileName, starts);
  }
  const pos = getTokenPosOfNode(node, file);
  let line = 0;
  while (line + 1 < starts.length && (starts[line + 1] ?? 0) <= pos) line++;
  return `${relative(root, file.fileName)}:${line + 1}`;
}

function check(
  project: Project,
  entry: Entry,
  examples: { code: Set<string>; prose: Set<string> },
): { count: number; failures: Failure[] } {
  const { checker, program } = project;
  const file = program.getSourceFile(entry.source);
  const moduleSymbol = file && checker.getSymbolAtLocation(file);
  if (!moduleSymbol) throw new Error(`${entry.specifier}: ${entry.source} is not in ${project.id}`);
  const failures: Failure[] = [];
  const exported = [...checker.getExportsOfModule(moduleSymbol)].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const symbol of exported) {
    const original = target(checker, symbol);
    const nodes = original.declarations.flatMap((handle) => handle.resolve(project) ?? []);
    const first = nodes[0];
    const where = first ? location(first) : relative(root, entry.source);
    const fail = (missing: string) =>
      failures.push({ specifier: entry.specifier, name: symbol.name, where, missing });
    if (checker.isUnknownSymbol(original) || !first) {
      fail('a declaration (the export does not resolve)');
      continue;
    }
    if (!nodes.some((node) => hasJsDoc(node, sourceFileOf(node).text))) fail('JSDoc');
    const pureType = (original.flags & SymbolFlags.Value) === 0;
    const shown =
      examples.code.has(symbol.name) ||
      (pureType &&
        (examples.prose.has(symbol.name) ||
          companionOf(symbol.name).some((base) => examples.code.has(base))));
    if (!shown) {
      fail(pureType ? 'mention in a README or story' : 'example (README code block or story)');
    }
  }
  return { count: exported.length, failures };
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths?.[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const list = entries();
const examples = exampleWords();
const api = new API({ cwd: root });
let failures: Failure[] = [];
const counts: string[][] = [];
try {
  const configs = [...new Set(list.map((entry) => join(entry.dir, 'tsconfig.json')))];
  const snapshot = api.updateSnapshot({ openProjects: configs });
  for (const entry of list) {
    const project = snapshot.getProject(join(entry.dir, 'tsconfig.json'));
    if (!project) throw new Error(`${entry.specifier}: no project for ${entry.dir}`);
    const result = check(project, entry, examples);
    failures = failures.concat(result.failures);
    counts.push([entry.specifier, String(result.count), String(result.failures.length)]);
  }
} finally {
  api.close();
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const summary = table([['entry point', 'exports', 'failures'], ...counts]);
const total = counts.reduce((sum, row) => sum + Number(row[1]), 0);
if (failures.length > 0) {
  console.error(
    table([
      ['package', 'name', 'declared at', 'missing'],
      ...failures.map((f) => [f.specifier, f.name, f.where, f.missing]),
    ]),
  );
  console.error(`\n${summary}`);
  console.error(`exports:check: ${failures.length} failure(s) in ${total} exports (${seconds}s)`);
  process.exit(1);
}
console.log(summary);
console.log(`exports:check: ${total} exports documented and shown (${seconds}s)`);
