// Issue #8 part 1: bundle sizes of our entries and of the two libraries a team would otherwise use,
// bundled the same way in the same run, and where our bytes go.
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGETS, KNOWN_OVER } from '../check-budgets.mjs';
import { bundleEntry, compressedSizes, initialCode, root, subjects } from './bundle.mjs';

const KB = 1024;
const kb = (bytes) => (bytes / KB).toFixed(1);

/**
 * Bundles every subject twice (unminified for the raw size, minified for the rest).
 *
 * @returns {Promise<Array<{ name: string, label: string, reference?: boolean, skipped?: string,
 *   raw?: number, min?: number, gzip?: number, brotli?: number, lazyGzip?: number }>>}
 */
export const measureBundleSizes = async () => {
  const rows = [];
  for (const subject of subjects()) {
    const { name, label, reference } = subject;
    if (subject.when === false) {
      rows.push({ name, label, skipped: subject.skipNote });
      continue;
    }
    const { bundler } = subject;
    const raw = initialCode(await bundleEntry(name, subject.source, { minify: false, bundler }));
    const minified = await bundleEntry(name, subject.source, { bundler });
    const sizes = compressedSizes(initialCode(minified));
    const lazy = minified.chunks.filter((chunk) => !minified.initial.includes(chunk.fileName));
    rows.push({
      name,
      label,
      reference,
      raw: Buffer.byteLength(raw),
      min: sizes.bytes,
      gzip: sizes.gzip,
      brotli: sizes.brotli,
      lazyChunks: lazy.length,
      lazyGzip: lazy.reduce((sum, chunk) => sum + compressedSizes(chunk.code).gzip, 0),
    });
  }
  return rows;
};

/**
 * The biggest modules of a subject's initial JS, bundled from src/ so the names are ours.
 * Sizes are each module's rendered length before minification and that text gzipped on its own:
 * good for ranking, not additive to the totals above.
 */
export const topModules = async (subjectName, count) => {
  const subject = subjects().find((candidate) => candidate.name === subjectName);
  const bundle = await bundleEntry(`${subjectName}-src`, subject.source, { fromSource: true });
  return bundle.chunks
    .filter((chunk) => bundle.initial.includes(chunk.fileName))
    .flatMap((chunk) => Object.entries(chunk.modules))
    .map(([id, module]) => ({
      id: id.startsWith(root) ? relative(root, id) : id.replace('\0', ''),
      rendered: module.renderedLength,
      gzip: module.code ? gzipSync(module.code, { level: 9 }).length : 0,
    }))
    .sort((a, b) => b.rendered - a.rendered)
    .slice(0, count);
};

/** Part 1 as Markdown. */
export const bundleSizesMarkdown = (rows, breakdowns) => {
  const chatjs = rows.find((row) => row.name === 'chatjs');
  const ratio = (row, key) =>
    chatjs?.[key] && row[key] !== undefined ? (row[key] / chatjs[key]).toFixed(2) : 'n/a';
  const table = rows.map((row) =>
    row.skipped
      ? `| ${row.label} | skipped: ${row.skipped} | | | | | | |`
      : `| ${row.label}${row.reference ? ' (reference)' : ''} | ${kb(row.raw)} | ${kb(row.min)} | ` +
        `**${kb(row.gzip)}** | ${kb(row.brotli)} | ${ratio(row, 'gzip')} | ${ratio(row, 'brotli')} | ` +
        `${row.lazyChunks ? `${row.lazyChunks} (${kb(row.lazyGzip)} gzip)` : ''} |`,
  );
  const budgets = Object.entries(BUDGETS).map(([name, budget]) => {
    const row = rows.find((candidate) => candidate.name === name);
    const known = KNOWN_OVER[name];
    const status = row?.skipped
      ? 'not measured (not built yet)'
      : row.gzip <= budget
        ? 'within budget'
        : known
          ? `**over by ${kb(row.gzip - budget)} KB**: listed in \`KNOWN_OVER\` (fails only above ${kb(known.ceiling)} KB)`
          : `**over by ${kb(row.gzip - budget)} KB: fails**`;
    return `| ${name} | ${kb(budget)} | ${row?.skipped ? '' : kb(row.gzip)} | ${status} |`;
  });
  const breakdownText = Object.entries(breakdowns).map(
    ([name, modules]) =>
      `#### ${name}\n\n| Module | Rendered bytes (before minify) | gzip of that module alone |\n|---|---:|---:|\n` +
      modules
        .map((module) => `| \`${module.id}\` | ${module.rendered} | ${module.gzip} |`)
        .join('\n'),
  );
  return [
    '## 1. Bundle sizes',
    '',
    'Initial JS of each subject in KB (1 KB = 1024 bytes). *raw*: bundled, not minified; *min*: bundled ' +
      'and minified; *gzip* (level 9) and *brotli* (quality 11) of *min*. Ratios divide gzip and brotli ' +
      'by `amazon-connect-chatjs` measured in the same run. *Lazy chunks* are loaded only on demand ' +
      '(the six non-English locales; for the ChatWidget, also its panel body and the chat session; for ' +
      'the loader, also the chat panel with its own React) and are not part of the initial JS. Peers (react, react-dom, ' +
      'styled-components, styled-system, @tanstack/react-query, the Chime packages) are external; ' +
      'anything else is bundled because the consumer pays for it.',
    '',
    '| Subject | raw | min | gzip | brotli | gzip vs chatjs | brotli vs chatjs | lazy chunks |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...table,
    '',
    'Notes on the comparison:',
    '',
    '- `amazon-connect-chatjs` ships one prebuilt webpack bundle that installs `window.connect`; it cannot be ' +
      'tree-shaken, so "the same operations" is the whole library. It covers chat only (no UI, no React).',
    '- The AWS SDK row is the client plus CreateParticipantConnection, SendMessage, SendEvent, ' +
      'GetTranscript and DisconnectParticipant: HTTP calls only, with no WebSocket handling, reconnects, ' +
      'transcript merging or UI. Our `core` row does all of those.',
    "- The ChatWidget row is what a page loads before anyone chats: the launcher, the panel's frame, " +
      'the providers and the participant client. Its body (conversation, composer, pre-chat form, ' +
      "markdown, interactive messages) and the core's chat session are lazy chunks the widget fetches " +
      'when the browser is idle, on launcher hover or focus, or on open (`preloadChatWidget()`).',
    "- Subjects with dynamic imports (the ChatWidget, the loader) carry Vite's dynamic-import helper " +
      '(under 1 KB gzip), as any Vite app does once; the loader is re-bundled like the others, so its ' +
      'row is a little larger than the file `npm run build:widget` writes.',
    '',
    '### Budgets (issue #8; checked in `npm test` by `scripts/check-budgets.mjs`)',
    '',
    '| Subject | Budget (KB gzip) | Measured (KB gzip) | Status |',
    '|---|---:|---:|---|',
    ...budgets,
    '',
    'The chat-only page check bundles the ChatWidget entry with the Chime packages inlined (a stub with a ' +
      'side effect stands in when the optional peer is not installed) and fails if any module of its ' +
      'initial JS comes from `amazon-chime-sdk-*`; a control bundle that imports `amazon-chime-sdk-js` ' +
      'must be caught, or the check fails.',
    '',
    '### Why core is over budget',
    '',
    '- The ChatWidget met its budget by loading what no closed widget shows: its body and the chat ' +
      'session are lazy chunks (52.3 KB gzip of initial JS before, 2026-11-23). Before that, ' +
      '`@tanstack/react-virtual` (about 9.8 KB gzip) had been replaced by windowing in the list itself.',
    '- `contact-kit/core` is the headless session itself, so it cannot be deferred the same way: ' +
      '`createChatSession` returns a working session synchronously. Tree-shaking cannot help either: ' +
      'createChatSession alone is within a few percent of "every export", because the session uses the ' +
      'connection machine, transcript sync and drafts, the outbox, receipts, typing, attachments, ' +
      'interactive parsing and request validation, all required by the chat-session issue.',
    '- No leaks: the core bundle holds only `src/core/**` modules (no emulator, `ws`, `node:*`, React ' +
      'or Chime). Developer-facing strings are not the problem: blanking every string literal longer ' +
      'than 40 characters in the minified core saves about 1.2 KB gzip.',
    '- What 10 KB would take: the connection machine, its socket driver, the participant client and ' +
      'the session facade alone are about 9 KB gzip once minified (11 KB in the table below, which ' +
      'compresses each module on its own before minifying). ' +
      'Staying under 10 KB means dropping request validation, interactive parsing, attachments, ' +
      'receipts and typing from the session, or making them plug-ins the widget loads; even then the ' +
      'transcript merge (drafts, pending items, classification) does not fit. Trimming the listed ' +
      'candidates (interactive parsing next to the interactive components, validation only in ' +
      'development, attachments on first use) would bring core to roughly 18 KB, not 10.',
    '',
    '### Where the bytes go',
    '',
    'Largest modules of the initial JS, bundled from `src/` the same way.',
    '',
    ...breakdownText.flatMap((text) => [text, '']),
  ].join('\n');
};
