// Builds the package and checks what consumers get: the public API of each entry (api/*.api.md),
// the export map (publint, attw), the purity of the headless entry, and that the built emulator
// CLI starts and stops cleanly.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { staticGraph } from './staticGraph.mjs';
import { gzipSync } from 'node:zlib';

const run = (command, args) => {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: 'inherit' });
};
const fail = (message) => {
  console.error(`check-package: ${message}`);
  process.exit(1);
};

run('npm', ['run', 'build']);
// The public API of every entry against the committed reports in api/ (npm run api:update).
run(process.execPath, ['scripts/api-report.mjs']);
run('npx', ['publint', '--strict']);
run(process.execPath, ['scripts/ssr-smoke.mjs']);
run('npx', ['attw', '--pack', '.', '--profile', 'esm-only']);

// The headless entry must not pull the UI stack or Node built-ins at runtime: dist/core.js and
// every file it imports statically (one file per source module).
const forbidden =
  /from\s*["'](react|react-dom|styled-components|@tanstack\/[^"']+|amazon-chime-[^"']+|ws|node:[^"']+)["']/g;
const forbiddenImports = (files) =>
  files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(forbidden)].map((match) => `${match[1]} (${file})`),
  );
const coreFiles = staticGraph(resolve('dist/core.js'));
const offenders = forbiddenImports(coreFiles);
if (offenders.length > 0) {
  fail(`dist/core.js pulls in ${[...new Set(offenders)].join(', ')}`);
}
// The same walk must see React in the React entry, or its silence above proves nothing.
if (
  !forbiddenImports(staticGraph(resolve('dist/index.js'))).some((hit) => hit.startsWith('react '))
) {
  fail('the forbidden-import check found no react import in dist/index.js: it is blind');
}
console.log(
  `check-package: dist/core.js and its ${coreFiles.length - 1} static imports are UI- and Node-free`,
);

// contact-kit/testing is for users' tests under any runner and for stories: no UI stack, no test
// framework, no Node built-ins, no "use client"; and no other entry may load it.
const testingFiles = staticGraph(resolve('dist/testing.js'));
// Code only: the TSDoc kept in the build shows imports (of the Chime SDK, say) in its examples.
const codeOf = (file) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
const testingForbidden =
  /from\s*["'](react|react-dom|styled-components|@tanstack\/[^"']+|amazon-chime-[^"']+|ws|node:[^"']+|vitest|jest|@jest\/[^"']+|@testing-library\/[^"']+)["']/g;
const testingOffenders = testingFiles.flatMap((file) =>
  [...codeOf(file).matchAll(testingForbidden)].map((match) => `${match[1]} (${file})`),
);
if (testingOffenders.length > 0) {
  fail(`dist/testing.js pulls in ${[...new Set(testingOffenders)].join(', ')}`);
}
if (testingFiles.some((file) => readFileSync(file, 'utf8').startsWith('"use client";'))) {
  fail('dist/testing.js has "use client" modules');
}
const testingModules = new Set(
  testingFiles.filter((file) => file.includes(`${resolve('dist/testing')}`)),
);
for (const entry of ['index.js', 'core.js', 'video.js', 'video-lazy.js', 'emulator.js']) {
  const leaks = staticGraph(resolve('dist', entry)).filter(
    (file) => file === resolve('dist/testing.js') || testingModules.has(file),
  );
  if (leaks.length > 0) {
    fail(`dist/${entry} loads the testing entry: ${leaks.join(', ')}`);
  }
}
console.log(
  `check-package: dist/testing.js and its ${testingFiles.length - 1} static imports are free of React, test frameworks and Node`,
);

// React Server Components (Next.js App Router): every built module that imports React (or a
// library built on it) starts with "use client", so a Server Component can import ChatWidget
// without a wrapper; the headless core stays neutral; a client module never uses `export *`
// (Next.js rejects it at a client boundary).
const reactImport =
  /from\s*["'](react|react-dom|styled-components|@tanstack\/react-query|amazon-chime-sdk-component-library-react)(\/[^"']*)?["']/;
const clientEntries = ['dist/index.js', 'dist/video.js', 'dist/video-lazy.js'].map((file) =>
  resolve(file),
);
const clientGraph = [...new Set(clientEntries.flatMap((entry) => staticGraph(entry)))];
const isClient = (file) => readFileSync(file, 'utf8').startsWith('"use client";');
const unmarked = clientGraph.filter(
  (file) => reactImport.test(readFileSync(file, 'utf8')) && !isClient(file),
);
if (unmarked.length > 0) {
  fail(`React modules without "use client": ${unmarked.join(', ')}`);
}
const markedCore = coreFiles.filter(isClient);
if (markedCore.length > 0) {
  fail(`the headless core has "use client" modules: ${markedCore.join(', ')}`);
}
const starExports = clientGraph.filter(
  (file) => isClient(file) && /^export \*/m.test(readFileSync(file, 'utf8')),
);
if (starExports.length > 0) {
  fail(`client modules with export *: ${starExports.join(', ')}`);
}
const marked = clientGraph.filter(isClient).length;
if (marked < 50) {
  fail(`only ${marked} modules carry "use client": the check is blind`);
}
console.log(`check-package: ${marked} React modules carry "use client"; the core has none`);

// Issue #8's size budgets and the no-Chime rule, measured on the build above.
run(process.execPath, ['scripts/check-budgets.mjs']);

// The script-tag widget: the loader a page fetches first stays at most 15 KB gzipped; the chat
// panel (React and all) is a sibling chunk it imports, never part of the loader.
const widgetLoader = readFileSync('dist/widget/contact-widget.js');
const widgetGzip = gzipSync(widgetLoader).length;
if (widgetGzip > 15 * 1024) {
  fail(`dist/widget/contact-widget.js is ${widgetGzip} bytes gzipped (limit 15360)`);
}
if (!/import\(["'`]\.\/contact-widget-mountPanel-[\w-]+\.js["'`]\)/.test(widgetLoader.toString())) {
  fail('dist/widget/contact-widget.js does not import its panel chunk lazily');
}
console.log(`\nwidget loader: ${widgetGzip} bytes gzipped (limit 15360)`);

// The bin must start, print the contract line and exit 0 on SIGTERM.
const cliSource = readFileSync('dist/emulator-cli.js', 'utf8');
if (!cliSource.startsWith('#!/usr/bin/env node')) {
  fail('dist/emulator-cli.js lost its #!/usr/bin/env node line');
}
await new Promise((resolve, reject) => {
  const child = spawn(process.execPath, ['dist/emulator-cli.js', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const timer = setTimeout(() => {
    child.kill('SIGKILL');
    reject(new Error(`the built emulator printed no listening line: ${JSON.stringify(output)}`));
  }, 20_000);
  child.stdout.on('data', (chunk) => {
    output += chunk;
    if (/^contact-kit emulator listening on http:\/\/127\.0\.0\.1:\d+$/m.test(output)) {
      child.kill('SIGTERM');
    }
  });
  child.on('exit', (code, signal) => {
    clearTimeout(timer);
    if (code === 0) {
      console.log('\nbuilt emulator CLI: started, printed its URL, exited 0 on SIGTERM');
      resolve();
    } else {
      reject(new Error(`the built emulator exited with ${code ?? signal}`));
    }
  });
}).catch((error) => fail(error.message));

console.log('\ncheck-package: ok');
