// `npm run bench`: measures what issue #8 asks for and rewrites BENCHMARKS.md.
//   1 bundle sizes, 2 rendering in Chromium, 3 latency on loopback, 4 recovery, 5 loss under faults.
// Flags: `--parts 2,3` runs only those parts (the other sections are kept from the current
// BENCHMARKS.md), `--quick` fewer runs and messages (for trying the bench, not for publishing),
// `--no-build` skips `npm run build` (only part 1 reads dist/; parts 2 to 5 build their own pages
// from src/).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { buildPages, launchBrowser, servePages } from './benchBrowser.mjs';
import { root } from './bundle.mjs';
import { bundleSizesMarkdown, measureBundleSizes, topModules } from './bundleSizes.mjs';
import { faultLossMarkdown, measureFaultLoss } from './faultLoss.mjs';
import { latencyMarkdown, measureLatency } from './latency.mjs';
import { measureRecovery, recoveryMarkdown } from './recovery.mjs';
import { measureRendering, renderingMarkdown } from './rendering.mjs';

const argument = (name) => {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
};
const quick = process.argv.includes('--quick');
const parts = new Set(
  (argument('--parts') ?? '1,2,3,4,5')
    .split(',')
    .map((part) => Number(part.trim()))
    .filter((part) => part >= 1 && part <= 5),
);
const skipBuild = process.argv.includes('--no-build');
/** Runs and sizes per part; `--quick` trades confidence for time. */
const PLAN = quick
  ? {
      rendering: { runs: 1, sizes: [100, 10_000, 100_000], plainUpTo: 10_000, appends: 10 },
      latency: { runs: 1, messages: 100, pauseMs: 20 },
      recovery: { runs: 1 },
      faultLoss: { runs: 1, messages: 200 },
    }
  : {
      rendering: { runs: 3, sizes: [100, 10_000, 100_000], plainUpTo: 10_000, appends: 40 },
      latency: { runs: 3, messages: 500, pauseMs: 20 },
      recovery: { runs: 5 },
      faultLoss: { runs: 3, messages: 1_000 },
    };

if (parts.has(1) && !skipBuild) {
  console.log('$ npm run build');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}

const chromiumVersion = () => {
  for (const binary of [
    process.env.CHROMIUM_PATH,
    'chromium',
    'chromium-browser',
    'google-chrome',
  ]) {
    if (!binary) {
      continue;
    }
    try {
      return execFileSync(binary, ['--version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      // Not installed under this name: try the next one.
    }
  }
  return 'not found';
};
/** The commit measured, and the files under src/ that differ from it (others may be mid-change). */
const sourceState = () => {
  try {
    const git = (...args) =>
      execFileSync('git', args, {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    const commit = git('rev-parse', '--short', 'HEAD').trim();
    const changed = git('status', '--porcelain', '--', 'src')
      .split('\n')
      .filter(Boolean)
      .map((line) => `\`${line.slice(3)}\``);
    return changed.length === 0
      ? `commit ${commit}, src/ clean`
      : `commit ${commit} plus uncommitted changes in ${changed.join(', ')}`;
  } catch {
    return 'not a git checkout';
  }
};
const versionOf = (name) =>
  JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

/** The sections of the current BENCHMARKS.md by part number, to keep the parts not run now. */
const previousSections = () => {
  const file = join(root, 'BENCHMARKS.md');
  if (!existsSync(file)) {
    return {};
  }
  const sections = {};
  const text = readFileSync(file, 'utf8');
  const pattern = /^## ([1-5])\. /gm;
  const starts = [...text.matchAll(pattern)];
  starts.forEach((match, index) => {
    const end = starts[index + 1]?.index ?? text.length;
    sections[match[1]] = text.slice(match.index, end).trimEnd();
  });
  return sections;
};

const started = new Date();
const sources = sourceState();
const kept = previousSections();
const sections = {};
const stamp = (markdown) =>
  markdown.replace(
    /\n\n/,
    `\n\n_Measured ${started.toISOString()}${quick ? ' with `--quick`' : ''}; sources: ${sources}._\n\n`,
  );

if (parts.has(1)) {
  const rows = await measureBundleSizes();
  const breakdowns = {
    '`contact-kit/core` (createChatSession)': await topModules('core', 15),
    'ChatWidget entry': await topModules('chat-widget', 20),
  };
  for (const row of rows) {
    console.log(
      row.skipped
        ? `${row.name}: skipped (${row.skipped})`
        : `${row.name}: ${row.min} B min, ${row.gzip} B gzip, ${row.brotli} B brotli`,
    );
  }
  sections[1] = stamp(bundleSizesMarkdown(rows, breakdowns));
}

const timedParts = [2, 3, 4, 5].filter((part) => parts.has(part));
if (timedParts.length > 0) {
  console.log('building the bench pages (scripts/bench/pages) …');
  await buildPages();
  const server = await servePages();
  const browser = await launchBrowser();
  const pagesUrl = server.url;
  try {
    if (parts.has(2)) {
      sections[2] = stamp(
        renderingMarkdown(await measureRendering({ browser, pagesUrl, ...PLAN.rendering })),
      );
    }
    if (parts.has(3)) {
      sections[3] = stamp(
        latencyMarkdown(await measureLatency({ browser, pagesUrl, ...PLAN.latency })),
      );
    }
    if (parts.has(4)) {
      sections[4] = stamp(
        recoveryMarkdown(await measureRecovery({ browser, pagesUrl, ...PLAN.recovery })),
      );
    }
    if (parts.has(5)) {
      sections[5] = stamp(
        faultLossMarkdown(await measureFaultLoss({ browser, pagesUrl, ...PLAN.faultLoss })),
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

const NOT_MEASURED = {
  1: '## 1. Bundle sizes',
  2: '## 2. Rendering in Chromium',
  3: '## 3. Latency on loopback',
  4: '## 4. Recovery',
  5: '## 5. Loss under faults',
};
const body = [1, 2, 3, 4, 5].map(
  (part) =>
    sections[part] ??
    kept[part] ??
    `${NOT_MEASURED[part]}\n\nNot measured yet: run \`npm run bench -- --parts ${part}\`.`,
);
const cpuList = cpus();
const ranNow = [...parts].sort().join(', ');
const markdown = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (`node scripts/bench/index.mjs`); do not edit by hand. Rerun it to ' +
    'reproduce. Each section says when it was measured; the sections of one run share the machine ' +
    'described here.',
  '',
  `- Date: ${started.toISOString()} (parts measured in this run: ${ranNow}${quick ? ', with `--quick`' : ''})`,
  `- Sources measured in this run: ${sources}`,
  `- Machine: ${type()} ${release()}, ${cpuList.length} × ${cpuList[0]?.model ?? 'unknown CPU'}, ` +
    `${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, shared with other work: timings are noisy, ` +
    'hence medians over runs and ratios taken within one run',
  `- Node ${process.version}; Chromium: ${chromiumVersion()} (headless, flags as in ` +
    '`test/e2e/support/browser.ts`), driven by playwright-core ' +
    `${versionOf('playwright-core')}`,
  `- Bundler: Vite ${versionOf('vite')} (rolldown ${versionOf('rolldown')}), minifier oxc, target es2022, ` +
    'browser conditions, `process.env.NODE_ENV` = "production"; part 1 also bundles with ' +
    `esbuild ${versionOf('esbuild')} and webpack ${versionOf('webpack')} (production mode, terser)`,
  `- Compared: amazon-connect-chatjs ${versionOf('amazon-connect-chatjs')} (its dist file, in ` +
    `Chromium), @aws-sdk/client-connectparticipant ${versionOf('@aws-sdk/client-connectparticipant')}`,
  '- Emulator: `startEmulator` from `src/emulator` (`contact-kit/emulator`), one per client, ' +
    'on 127.0.0.1, with a seeded random source for its duplicate/reorder faults',
  '- Commands: `npm run bench` (everything: `npm run build`, then parts 1 to 5; about 14 minutes ' +
    'here), `npm run bench -- --parts 2,3` (only those parts; the others are kept from this file), ' +
    '`npm run bench -- --quick` (one short run per part, to try it), `--no-build`. The budgets ' +
    'alone: `node scripts/check-budgets.mjs` (after a build; `npm test` runs it from ' +
    '`scripts/check-package.mjs`)',
  '- Files: `scripts/bench/` (one module per part: `bundleSizes.mjs`, `rendering.mjs`, ' +
    '`latency.mjs`, `recovery.mjs`, `faultLoss.mjs`), bench-only pages in `scripts/bench/pages/` ' +
    '(built to `.tmp/bench/pages` and served on 127.0.0.1)',
  '',
  ...body.flatMap((section) => [section, '']),
].join('\n');

writeFileSync(join(root, 'BENCHMARKS.md'), `${markdown.trimEnd()}\n`);
console.log('\nwrote BENCHMARKS.md');
