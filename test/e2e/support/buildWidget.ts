import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * Builds the script-tag widget (`vite.widget.config.ts`) into a new temporary folder and returns
 * it. The build runs in its own process: a Vite build inside the test worker left state behind
 * that broke the next test file's half-open-socket detection (found by running the files in a
 * fresh clone's order).
 *
 * @example
 * ```ts
 * const widgetDir = await buildWidget('contact-kit-widget-');
 * ```
 */
export async function buildWidget(prefix: string): Promise<string> {
  const widgetDir = await mkdtemp(join(tmpdir(), prefix));
  await promisify(execFile)(process.execPath, [
    fileURLToPath(new URL('../../../node_modules/vite/bin/vite.js', import.meta.url)),
    'build',
    '--config',
    fileURLToPath(new URL('../../../vite.widget.config.ts', import.meta.url)),
    '--outDir',
    widgetDir,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ]);
  return widgetDir;
}
