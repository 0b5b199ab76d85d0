// The public API of every package entry, as API Extractor reports in api/<entry>.api.md: each
// exported name with its declaration. `node scripts/api-report.mjs` (run by check-package after the
// build) regenerates them from dist/types and fails with a diff when one differs from the committed
// report, so a change to the public surface shows up in review; `npm run api:update` accepts it.
//
// Declarations tagged @internal are stripped from dist/types (tsconfig.build.json stripInternal):
// a public export tagged @internal, or a public declaration that names one, leaves a dangling
// reference that fails this check as a compiler error.
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import ts from 'typescript';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const update = process.argv.includes('--update');
const reportFolder = resolve('api');
const tempFolder = resolve('.tmp/api');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** `.` → contact-kit, `./video/lazy` → contact-kit-video-lazy. */
const entries = Object.entries(pkg.exports)
  .filter(([, target]) => typeof target === 'object' && target.types)
  .map(([subpath, target]) => ({
    name: [pkg.name, ...subpath.split('/').slice(1)].join('-'),
    specifier: [pkg.name, ...subpath.split('/').slice(1)].join('/'),
    types: resolve(target.types),
  }));

const missing = entries.filter((entry) => !existsSync(entry.types));
if (missing.length > 0) {
  console.error(
    `api-report: no declarations for ${missing.map((entry) => entry.specifier).join(', ')}: build first`,
  );
  process.exit(1);
}
const compilerOptions = {
  target: 'es2022',
  lib: ['es2023', 'dom', 'dom.iterable'],
  module: 'esnext',
  moduleResolution: 'bundler',
  jsx: 'react-jsx',
  strict: true,
  skipLibCheck: true,
  types: ['node'],
};

// The declarations a consumer gets must compile: a public export tagged @internal, or a public
// declaration naming one, was stripped and leaves a dangling name here.
const { options } = ts.convertCompilerOptionsFromJson(compilerOptions, process.cwd());
const program = ts.createProgram(
  entries.map((entry) => entry.types),
  // skipLibCheck would skip every file here (all are .d.ts); only ours are reported.
  { ...options, noEmit: true, skipLibCheck: false },
);
const typesFolder = resolve('dist/types');
const diagnostics = program
  .getSourceFiles()
  .filter((file) => file.fileName.startsWith(typesFolder))
  .flatMap((file) => [
    ...program.getSyntacticDiagnostics(file),
    ...program.getSemanticDiagnostics(file),
  ]);
if (diagnostics.length > 0) {
  console.error(
    ts.formatDiagnostics(diagnostics, {
      getCanonicalFileName: (name) => name,
      getCurrentDirectory: () => process.cwd(),
      getNewLine: () => '\n',
    }),
  );
  console.error(
    'api-report: the declarations in dist/types do not compile. A name stripped as @internal (tsconfig.build.json stripInternal) is still exported or named by a public declaration: export something else, or drop the tag.',
  );
  process.exit(1);
}

mkdirSync(reportFolder, { recursive: true });
rmSync(tempFolder, { recursive: true, force: true });

const problems = [];
const changed = [];
for (const entry of entries) {
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: resolve('.'),
      mainEntryPointFilePath: entry.types,
      compiler: {
        overrideTsconfig: { compilerOptions, files: [entry.types] },
      },
      apiReport: {
        enabled: true,
        reportFileName: `${entry.name}.api.md`,
        reportFolder,
        reportTempFolder: tempFolder,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        // Declarations that do not compile (a dangling reference to a stripped @internal one).
        compilerMessageReporting: { default: { logLevel: 'error' } },
        extractorMessageReporting: {
          // Findings such as a public declaration naming a type its entry does not export
          // (ae-forgotten-export) go into the report, so a new one is a diff in review.
          default: { logLevel: 'warning', addToApiReportFile: true },
          // No release tags (@public, @beta): what an entry exports is public, the rest internal.
          'ae-missing-release-tag': { logLevel: 'none' },
          'ae-internal-missing-underscore': { logLevel: 'none' },
          // Member-level docs are the TSDoc's business, not the surface's.
          'ae-undocumented': { logLevel: 'none' },
        },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: resolve('package.json'),
  });
  Extractor.invoke(config, {
    localBuild: update,
    messageCallback: (message) => {
      // Console messages (report created, report changed) are told below, with the diff.
      if (message.category !== 'console' && ['error', 'warning'].includes(message.logLevel)) {
        problems.push(`${entry.specifier}: ${message.formatMessageWithLocation(process.cwd())}`);
      }
      // Printed here, once, as part of the list below.
      message.handled = true;
    },
  });
  // Byte for byte (API Extractor's own comparison forgives whitespace).
  const committed = resolve(reportFolder, `${entry.name}.api.md`);
  const generated = resolve(update ? reportFolder : tempFolder, `${entry.name}.api.md`);
  // Findings name the declaration file and symbol; their line and column would make every edit
  // above a flagged declaration a diff of the public surface, so they are dropped.
  writeFileSync(
    generated,
    readFileSync(generated, 'utf8').replace(/(\.d\.ts):\d+:\d+ - /g, '$1 - '),
  );
  if (
    !update &&
    (!existsSync(committed) || readFileSync(committed, 'utf8') !== readFileSync(generated, 'utf8'))
  ) {
    changed.push(entry);
  }
}

// A report must not carry @internal: stripInternal keeps those declarations out of dist/types.
for (const file of readdirSync(update ? reportFolder : tempFolder).filter((name) =>
  name.endsWith('.api.md'),
)) {
  const report = readFileSync(resolve(update ? reportFolder : tempFolder, file), 'utf8');
  if (/^\s*\/\/ @internal/m.test(report)) {
    problems.push(`${file}: a public declaration is tagged @internal`);
  }
}

for (const entry of changed) {
  const committed = resolve(reportFolder, `${entry.name}.api.md`);
  const generated = resolve(tempFolder, `${entry.name}.api.md`);
  if (!existsSync(committed)) {
    console.error(
      `\napi-report: ${entry.specifier} has no committed report (api/${entry.name}.api.md)`,
    );
    continue;
  }
  try {
    execFileSync('git', ['diff', '--no-index', '--no-color', committed, generated], {
      stdio: 'inherit',
    });
  } catch {
    // git diff exits 1 when the files differ: the diff is the message.
  }
}

if (problems.length > 0) {
  console.error(`\napi-report: ${problems.length} problem(s):\n${problems.join('\n')}`);
}
if (changed.length > 0) {
  console.error(
    `\napi-report: the public API of ${changed.map((entry) => entry.specifier).join(', ')} changed (diff above). If that is intended, run \`npm run api:update\` and commit api/.`,
  );
}
if (problems.length > 0 || changed.length > 0) {
  process.exit(1);
}
console.log(
  `api-report: ${update ? 'wrote' : 'checked'} ${entries.length} reports in api/ (${entries.map((entry) => entry.specifier).join(', ')})`,
);
