// tsc emits declarations with the extensionless relative specifiers of our sources
// (`from './protocol/types'`). Bundlers resolve those, but Node's ESM resolution (TypeScript's
// node16/nodenext) does not, so consumers on those settings would lose our types. This rewrites
// each relative specifier in dist/types to the file it means: './x.js' or './x/index.js'.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist/types');
const specifier = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

const rewrite = (file, spec) => {
  if (/\.(js|mjs|cjs|json)$/.test(spec)) {
    return spec;
  }
  const base = resolve(dirname(file), spec);
  if (existsSync(`${base}.d.ts`)) {
    return `${spec}.js`;
  }
  if (existsSync(join(base, 'index.d.ts'))) {
    return `${spec.replace(/\/$/, '')}/index.js`;
  }
  throw new Error(`${file}: cannot resolve declaration import '${spec}'`);
};

const walk = (dir) => {
  let changed = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      changed += walk(path);
    } else if (name.endsWith('.d.ts')) {
      const source = readFileSync(path, 'utf8');
      // Only code lines: TSDoc examples (` * import …`) keep the specifiers they were written with.
      const next = source
        .split('\n')
        .map((line) =>
          /^\s*(\*|\/\/|\/\*)/.test(line)
            ? line
            : line.replace(
                specifier,
                (_match, lead, quote, spec) => `${lead}${quote}${rewrite(path, spec)}${quote}`,
              ),
        )
        .join('\n');
      if (next !== source) {
        writeFileSync(path, next);
        changed += 1;
      }
    }
  }
  return changed;
};

console.log(`fix-declaration-specifiers: rewrote ${walk(root)} declaration files`);
