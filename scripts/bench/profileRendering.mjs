// `node scripts/bench/profileRendering.mjs [items] [appends]`: a CPU profile of appends to the
// virtualized transcript, on an unminified build of the bench pages (names stay readable). Prints
// the functions with the most self time and writes the profile to .tmp/bench/append.cpuprofile
// (open it in Chromium DevTools' Performance panel). `--mount` profiles the mount instead
// (.tmp/bench/mount.cpuprofile), `--mount --warm` a second mount in the same page. Not part of
// `npm run bench`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPages, launchBrowser, newPage, servePages } from './benchBrowser.mjs';
import { root } from './bundle.mjs';

const items = Number(process.argv[2] ?? 10_000);
const appends = Number(process.argv[3] ?? 50);
const skipBuild = process.argv.includes('--no-build');
// `--mount`: profile the mount instead of the appends.
const profileMount = process.argv.includes('--mount');
// `--warm` (with `--mount`): profile a second mount in the same page (`renderBench.remount`).
const warm = process.argv.includes('--warm');

if (!skipBuild) {
  await buildPages({ minify: false });
}
const server = await servePages();
const browser = await launchBrowser();
try {
  const { page, errors, close } = await newPage(browser, `${server.url}/render.html`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  if (profileMount && !warm) {
    await cdp.send('Profiler.start');
  }
  const mount = await page.evaluate((n) => window.renderBench.mount('virtual', n), items);
  console.log(`mount ${items}: render ${mount.renderMs.toFixed(1)} ms`);
  if (profileMount && warm) {
    await cdp.send('Profiler.start');
    const again = await page.evaluate(() => window.renderBench.remount());
    console.log(`warm mount ${items}: render ${again.renderMs.toFixed(1)} ms`);
  }
  const mountProfile = profileMount ? (await cdp.send('Profiler.stop')).profile : undefined;
  for (let index = 0; index < 5; index += 1) {
    await page.evaluate(() => window.renderBench.append());
  }
  await cdp.send('Profiler.start');
  const times = [];
  const frames = [];
  for (let index = 0; index < appends; index += 1) {
    const { renderMs, frameMs } = await page.evaluate(() => window.renderBench.append());
    times.push(renderMs);
    frames.push(frameMs);
  }
  const appendProfile = (await cdp.send('Profiler.stop')).profile;
  const profile = mountProfile ?? appendProfile;
  // The minimum is the least disturbed by other work on a shared machine.
  const spread = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
    return (
      `min ${sorted[0].toFixed(2)} ms, p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, ` +
      `max ${sorted.at(-1).toFixed(2)} ms`
    );
  };
  console.log(`append render + commit: ${spread(times)}`);
  console.log(`append until two frames: ${spread(frames)}`);
  mkdirSync(join(root, '.tmp', 'bench'), { recursive: true });
  writeFileSync(
    join(root, '.tmp', 'bench', profileMount ? 'mount.cpuprofile' : 'append.cpuprofile'),
    JSON.stringify(profile),
  );
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map();
  for (const sample of profile.samples) {
    counts.set(sample, (counts.get(sample) ?? 0) + 1);
  }
  let total = 0;
  for (const [id, count] of counts) {
    const node = byId.get(id);
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') {
      continue;
    }
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + count);
    total += count;
  }
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [name, count] of rows) {
    console.log(`${((100 * count) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
  if (errors.length > 0) {
    console.log('page errors:', errors);
  }
  await close();
} finally {
  await browser.close();
  await server.close();
}
