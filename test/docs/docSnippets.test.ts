import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The README and the guides show the public surface: every TypeScript block in them is
// type-checked, on its own, against the package's entries (the same `contact-kit/*` specifiers a
// user imports, mapped to the sources by tsconfig.json's `paths`), so a rename or a removed export
// breaks this test, not a reader's copy-paste. Each block is a module of its own: it imports what
// it uses, as a reader copying it would have to.
//
// A block is placed in its document's folder, so relative imports resolve as they read there. A
// block showing a file of an example says where that file lives: ```tsx dir=examples/nextjs/app
// (renderers show only the language). A block that is not standalone code says so with
// ```ts nocheck and is listed in NOT_CHECKED below, so the opt-out cannot spread silently.

const root = fileURLToPath(new URL('../../', import.meta.url));

const documents = [
  'README.md',
  'docs/build-your-own-ui.md',
  'docs/customization.md',
  'examples/backend/README.md',
  'examples/nextjs/README.md',
];

/** The `nocheck` blocks, as `document:line`: adding one is a visible change to this file. */
const NOT_CHECKED: readonly string[] = [];

interface Snippet {
  readonly document: string;
  /** The 1-based line of the block's first line of code in its document. */
  readonly line: number;
  readonly language: 'ts' | 'tsx';
  readonly directory: string;
  readonly checked: boolean;
  readonly code: string;
}

function snippetsOf(document: string): Snippet[] {
  const lines = readFileSync(`${root}${document}`, 'utf8').split('\n');
  const out: Snippet[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const open = /^\s*```(ts|tsx)\b(.*)$/.exec(lines[index]!);
    if (!open) {
      continue;
    }
    const indent = /^\s*/.exec(lines[index]!)![0];
    const meta = open[2]!.trim().split(/\s+/).filter(Boolean);
    const dir = meta.find((word) => word.startsWith('dir='))?.slice('dir='.length);
    const start = index + 1;
    let end = start;
    while (end < lines.length && lines[end]!.trim() !== '```') {
      end += 1;
    }
    out.push({
      document,
      line: start + 1,
      language: open[1] as 'ts' | 'tsx',
      directory: dir ?? dirname(document),
      checked: !meta.includes('nocheck'),
      code: lines
        .slice(start, end)
        .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
        .join('\n'),
    });
    index = end;
  }
  return out;
}

const snippets = documents.flatMap(snippetsOf);
const checked = snippets.filter((snippet) => snippet.checked);

/** Type-checks every block as a module of its own; the findings read `document:line: message`. */
function typeCheck(all: readonly Snippet[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    `${root}tsconfig.json`,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  )!;
  const files = new Map(
    all.map((snippet, index) => [
      join(root, snippet.directory, `__doc-snippet-${index}.${snippet.language}`),
      snippet,
    ]),
  );
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => files.get(name)?.code ?? readFile(name);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  host.getSourceFile = (name, languageVersion, ...rest) => {
    const snippet = files.get(name);
    return snippet
      ? ts.createSourceFile(name, snippet.code, languageVersion, true)
      : getSourceFile(name, languageVersion, ...rest);
  };
  const program = ts.createProgram({
    rootNames: [...files.keys()],
    // A block may show a value without using it; `moduleDetection: force` (tsconfig.json) makes
    // each block a module, so top-level `await` works and names do not clash between blocks.
    options: { ...config.options, noUnusedLocals: false, noUnusedParameters: false, noEmit: true },
    host,
  });
  const problems: string[] = [];
  for (const [name, snippet] of files) {
    const file = program.getSourceFile(name)!;
    for (const diagnostic of [
      ...program.getSyntacticDiagnostics(file),
      ...program.getSemanticDiagnostics(file),
    ]) {
      const { line } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      problems.push(
        `${snippet.document}:${snippet.line + line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
      );
    }
  }
  return problems;
}

describe('the documentation compiles against the public surface', () => {
  it('finds the blocks, and skips only the listed ones', () => {
    expect(checked.length).toBeGreaterThan(20);
    expect(
      snippets
        .filter((snippet) => !snippet.checked)
        .map((snippet) => `${snippet.document}:${snippet.line}`),
    ).toEqual(NOT_CHECKED);
  });

  // One program over the blocks and the sources they import: seconds, more on a loaded machine.
  it(
    'every TypeScript block in the README and the guides type-checks on its own',
    {
      timeout: 120_000,
    },
    () => {
      expect(typeCheck(checked)).toEqual([]);
    },
  );
});
