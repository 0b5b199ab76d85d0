// One way to bundle a subject for size measurements, shared by `npm run bench` and the size budgets
// in `npm test`, so both report the same number for the same thing. Each subject is a tiny entry file
// that imports what a consumer would use and hands it to `globalThis` (a side effect the bundler must
// keep), bundled by Vite/rolldown for the browser with React, styled-components, React Query and the
// Chime packages left external, then measured with gzip and brotli at their highest levels.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { build } from 'vite';

export const root = resolve(import.meta.dirname, '..', '..');
const entriesDir = join(root, '.tmp', 'bench', 'entries');

/** Peers a consumer already has on the page: never counted against our bundles. */
export const PEERS = [
  'react',
  'react-dom',
  'styled-components',
  'styled-system',
  '@tanstack/react-query',
  'amazon-chime-sdk-js',
  'amazon-chime-sdk-component-library-react',
];
const CHIME = /^amazon-chime-sdk-(js|component-library-react)(\/|$)/;
const isPeer = (id) => PEERS.some((name) => id === name || id.startsWith(`${name}/`));

/** The package's specifiers point at the built files, as they would for a consumer of the tarball. */
const distAlias = [
  { find: /^contact-kit$/, replacement: join(root, 'dist', 'index.js') },
  { find: /^contact-kit\/core$/, replacement: join(root, 'dist', 'core.js') },
  { find: /^contact-kit\/video$/, replacement: join(root, 'dist', 'video.js') },
];

/** The same specifiers pointed at the sources, to attribute bytes to the modules they come from. */
const srcAlias = [
  { find: /^contact-kit$/, replacement: join(root, 'src', 'index.ts') },
  { find: /^contact-kit\/core$/, replacement: join(root, 'src', 'core', 'index.ts') },
  { find: /^contact-kit\/video$/, replacement: join(root, 'src', 'video', 'index.ts') },
];

const require = createRequire(join(root, 'package.json'));
const isInstalled = (name) => {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
};

/**
 * Bundles Chime instead of leaving it external, so a Chime import shows up as a module of the output.
 * When the optional peer is not installed, a stub with a side effect stands in for it: the bundler
 * must keep any stub that is imported, so the check sees every import, used or not.
 */
const chimeInlined = () => ({
  name: 'bench:chime-inlined',
  enforce: 'pre',
  resolveId(source) {
    const match = CHIME.exec(source);
    if (!match || isInstalled(`amazon-chime-sdk-${match[1]}`)) {
      return null;
    }
    return `\0stub:/node_modules/${source}`;
  },
  load(id) {
    if (!id.startsWith('\0stub:')) {
      return null;
    }
    // CommonJS, so any named import resolves (to undefined) and the bundle still builds.
    return `globalThis.__chimeStub = ${JSON.stringify(id)};\nmodule.exports = {};`;
  },
});

/**
 * The package says `"sideEffects": false`, which would let the bundler drop a bare
 * `import '…/dist/widget/contact-widget.js'`: the script-tag loader is all side effect (it registers
 * `<contact-widget>`), so files matching `pattern` keep theirs.
 */
const keepSideEffects = (pattern) => ({
  name: 'bench:keep-side-effects',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    if (!resolved || resolved.external || !pattern.test(resolved.id)) {
      return null;
    }
    return { ...resolved, moduleSideEffects: true };
  },
});
const WIDGET_FILES = /[\\/]dist[\\/]widget[\\/]/;

/**
 * Writes `source` to `.tmp/bench/entries/<name>.js` and bundles it.
 *
 * @param {string} name - the subject's file-safe name
 * @param {string} source - the entry module: imports what a consumer would use
 * @param {{ minify?: boolean, inlineChime?: boolean, fromSource?: boolean,
 *   sideEffectful?: RegExp, bundler?: 'rolldown' | 'esbuild' | 'webpack' }} [options] -
 *   `bundler` picks Vite/rolldown (the default), esbuild or webpack 5, each with code splitting,
 *   ES module output, peers external and `process.env.NODE_ENV` = "production" (the other three
 *   options are rolldown-only; `modules` is empty for the other bundlers);
 *   `inlineChime` bundles the Chime packages (or a stub standing in for them) instead of leaving
 *   them external; `fromSource` resolves `contact-kit*` to src/ instead of dist/, so each chunk's
 *   `modules` names our source files; files matching `sideEffectful` (default: dist/widget/) keep
 *   their side effects whatever package.json says
 * @returns {Promise<{ chunks: Array<{ fileName: string, code: string, isEntry: boolean,
 *   imports: string[], dynamicImports: string[], moduleIds: string[],
 *   modules: Record<string, { renderedLength: number, code: string | null }> }>,
 *   initial: string[] }>}
 *   every output chunk, and the file names of the initial JS: the entry chunk and what it imports
 *   statically (lazy chunks such as locales are not initial)
 */
export const bundleEntry = async (name, source, options = {}) => {
  mkdirSync(entriesDir, { recursive: true });
  const entry = join(entriesDir, `${name}.js`);
  writeFileSync(entry, source);
  const { bundler = 'rolldown', ...rest } = options;
  if (bundler === 'rolldown') {
    return bundleWithRolldown(name, entry, rest);
  }
  if (rest.inlineChime || rest.fromSource || rest.sideEffectful) {
    throw new TypeError(`bundleEntry: inlineChime, fromSource and sideEffectful are rolldown-only`);
  }
  if (bundler === 'esbuild') {
    return bundleWithEsbuild(name, entry, rest);
  }
  if (bundler === 'webpack') {
    return bundleWithWebpack(name, entry, rest);
  }
  throw new TypeError(`bundleEntry: unknown bundler ${bundler}`);
};

const bundleWithRolldown = async (
  name,
  entry,
  { minify = true, inlineChime = false, fromSource = false, sideEffectful = WIDGET_FILES } = {},
) => {
  const output = await build({
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'silent',
    publicDir: false,
    plugins: [keepSideEffects(sideEffectful), ...(inlineChime ? [chimeInlined()] : [])],
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    resolve: {
      alias: fromSource ? srcAlias : distAlias,
      conditions: ['browser', 'module', 'import', 'default'],
    },
    build: {
      write: false,
      minify: minify ? 'oxc' : false,
      target: 'es2022',
      modulePreload: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: Infinity,
      rolldownOptions: {
        input: { [name]: entry },
        external: (id) => isPeer(id) && !(inlineChime && CHIME.test(id)),
        output: { format: 'es' },
      },
    },
  });
  const outputs = Array.isArray(output) ? output.flatMap((o) => o.output) : output.output;
  const chunks = outputs
    .filter((item) => item.type === 'chunk')
    .map(({ fileName, code, isEntry, imports, dynamicImports, moduleIds, modules }) => ({
      fileName,
      code,
      isEntry,
      imports,
      dynamicImports,
      moduleIds,
      modules,
    }));
  return withInitial(chunks);
};

/** The chunks and the file names of the initial JS: the entry chunk and what it imports statically. */
const withInitial = (chunks) => {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const initial = new Set();
  const visit = (fileName) => {
    const chunk = byName.get(fileName);
    if (!chunk || initial.has(fileName)) {
      return;
    }
    initial.add(fileName);
    chunk.imports.forEach(visit);
  };
  chunks.filter((chunk) => chunk.isEntry).forEach((chunk) => visit(chunk.fileName));
  return { chunks, initial: [...initial] };
};

/** The package specifiers for esbuild and webpack: the built files, as in `distAlias`. */
const distFiles = {
  'contact-kit': join(root, 'dist', 'index.js'),
  'contact-kit/core': join(root, 'dist', 'core.js'),
  'contact-kit/video': join(root, 'dist', 'video.js'),
};

/**
 * esbuild with code splitting (ES modules, browser platform, minified by esbuild). Its metafile
 * lists every dynamic import's target as an `entryPoint` too, so the initial JS is the output of
 * our entry and what it imports statically.
 */
const bundleWithEsbuild = async (name, entry, { minify = true } = {}) => {
  const esbuild = await import('esbuild');
  const outdir = join(root, '.tmp', 'bench', 'esbuild', name);
  const result = await esbuild.build({
    entryPoints: { [name]: entry },
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    write: false,
    metafile: true,
    logLevel: 'silent',
    outdir,
    conditions: ['browser', 'module', 'import', 'default'],
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    alias: distFiles,
    external: PEERS.flatMap((peer) => [peer, `${peer}/*`]),
  });
  const outputs = result.metafile.outputs;
  const code = new Map(result.outputFiles.map((file) => [relative(root, file.path), file.text]));
  const entryInput = relative(root, entry);
  const chunks = Object.entries(outputs)
    .filter(([fileName]) => fileName.endsWith('.js'))
    .map(([fileName, output]) => {
      const internal = output.imports.filter((record) => !record.external);
      return {
        fileName,
        code: code.get(fileName) ?? '',
        isEntry: output.entryPoint === entryInput,
        imports: internal.filter((r) => r.kind === 'import-statement').map((r) => r.path),
        dynamicImports: internal.filter((r) => r.kind === 'dynamic-import').map((r) => r.path),
        moduleIds: Object.keys(output.inputs).map((input) => join(root, input)),
        modules: {},
      };
    });
  return withInitial(chunks);
};

/**
 * webpack 5 in production mode (its defaults: terser, `sideEffects`, module concatenation, split
 * chunks for async chunks), ES module output. The initial JS is the entrypoint's files, which
 * include webpack's runtime.
 */
const bundleWithWebpack = async (name, entry, { minify = true } = {}) => {
  const { default: webpack } = await import('webpack');
  const outdir = join(root, '.tmp', 'bench', 'webpack', name);
  rmSync(outdir, { recursive: true, force: true });
  const compiler = webpack({
    mode: 'production',
    context: root,
    entry: { [name]: entry },
    target: ['web', 'es2022'],
    devtool: false,
    performance: { hints: false },
    experiments: { outputModule: true },
    output: {
      path: outdir,
      module: true,
      chunkFormat: 'module',
      chunkLoading: 'import',
      filename: '[name].js',
      chunkFilename: '[name].[contenthash].js',
    },
    optimization: { minimize: minify },
    externalsType: 'module',
    externals: ({ request }, callback) =>
      isPeer(request ?? '') ? callback(undefined, `module ${request}`) : callback(),
    resolve: {
      alias: Object.fromEntries(Object.entries(distFiles).map(([key, file]) => [`${key}$`, file])),
      conditionNames: ['browser', 'module', 'import', 'default'],
    },
    plugins: [new webpack.DefinePlugin({ global: 'globalThis' })],
  });
  const stats = await new Promise((resolvePromise, reject) =>
    compiler.run((error, result) => {
      compiler.close(() => undefined);
      return error ? reject(error) : resolvePromise(result);
    }),
  );
  if (stats.hasErrors()) {
    throw new Error(`webpack could not bundle ${name}:\n${stats.toString('errors-only')}`);
  }
  const json = stats.toJson({ all: false, assets: true, chunks: true, entrypoints: true });
  const initial = new Set(json.entrypoints[name].assets.map((asset) => asset.name));
  const chunks = json.chunks
    .flatMap((chunk) => chunk.files.filter((file) => file.endsWith('.js')))
    .map((fileName) => ({
      fileName,
      code: readFileSync(join(outdir, fileName), 'utf8'),
      isEntry: fileName === `${name}.js`,
      imports: [],
      dynamicImports: [],
      moduleIds: [],
      modules: {},
    }));
  return { chunks, initial: chunks.filter((c) => initial.has(c.fileName)).map((c) => c.fileName) };
};

/**
 * Raw, gzip (level 9) and brotli (quality 11) sizes of some JavaScript, in bytes.
 *
 * @param {string} code
 * @returns {{ bytes: number, gzip: number, brotli: number }}
 */
export const compressedSizes = (code) => {
  const buffer = Buffer.from(code);
  return {
    bytes: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  };
};

/** The initial JS of a bundle as one string: what the browser fetches before anything is lazy. */
export const initialCode = ({ chunks, initial }) =>
  chunks
    .filter((chunk) => initial.includes(chunk.fileName))
    .map((chunk) => chunk.code)
    .join('\n');

/**
 * The subjects both the bench and the budgets measure. `when` false skips with `skipNote`;
 * `bundler` (default rolldown, as Vite bundles) is passed to {@link bundleEntry}.
 */
export const subjects = () => {
  const widgetLoader = join(root, 'dist', 'widget', 'contact-widget.js');
  return [
    {
      name: 'core',
      label: '`contact-kit/core` (createChatSession)',
      source: `import { createChatSession } from 'contact-kit/core';\nglobalThis.__bench = { createChatSession };\n`,
    },
    {
      name: 'core-esbuild',
      label: '`contact-kit/core` (createChatSession), esbuild',
      bundler: 'esbuild',
      source: `import { createChatSession } from 'contact-kit/core';\nglobalThis.__bench = { createChatSession };\n`,
    },
    {
      name: 'core-webpack',
      label: '`contact-kit/core` (createChatSession), webpack 5',
      bundler: 'webpack',
      source: `import { createChatSession } from 'contact-kit/core';\nglobalThis.__bench = { createChatSession };\n`,
    },
    {
      name: 'core-all',
      label: '`contact-kit/core` (every export)',
      source: `import * as core from 'contact-kit/core';\nglobalThis.__bench = core;\n`,
    },
    {
      name: 'chat-widget',
      label: 'ChatWidget entry (`contact-kit`, peers external)',
      source: `import { ChatWidget } from 'contact-kit';\nglobalThis.__bench = { ChatWidget };\n`,
    },
    {
      name: 'chat-widget-esbuild',
      label: 'ChatWidget entry, esbuild',
      bundler: 'esbuild',
      source: `import { ChatWidget } from 'contact-kit';\nglobalThis.__bench = { ChatWidget };\n`,
    },
    {
      name: 'chat-widget-webpack',
      label: 'ChatWidget entry, webpack 5',
      bundler: 'webpack',
      source: `import { ChatWidget } from 'contact-kit';\nglobalThis.__bench = { ChatWidget };\n`,
    },
    {
      name: 'widget-loader',
      label: 'Script-tag loader (`dist/widget/contact-widget.js`)',
      source: `import ${JSON.stringify(widgetLoader)};\n`,
      when: existsSync(widgetLoader),
      skipNote: 'dist/widget/contact-widget.js is not built (`npm run build:widget` did not run)',
    },
    {
      name: 'video',
      label: 'Video chunk (`contact-kit/video`, Chime external)',
      source: `import * as video from 'contact-kit/video';\nglobalThis.__bench = video;\n`,
    },
    {
      name: 'chatjs',
      label: '`amazon-connect-chatjs` (whole library; it is one side-effect bundle)',
      source: `import 'amazon-connect-chatjs';\n`,
      reference: true,
    },
    {
      name: 'aws-sdk',
      label: '`@aws-sdk/client-connectparticipant` (client + 5 commands)',
      source:
        `import {\n  ConnectParticipantClient,\n  CreateParticipantConnectionCommand,\n  SendMessageCommand,\n` +
        `  SendEventCommand,\n  GetTranscriptCommand,\n  DisconnectParticipantCommand,\n} from '@aws-sdk/client-connectparticipant';\n` +
        `globalThis.__bench = {\n  ConnectParticipantClient,\n  CreateParticipantConnectionCommand,\n  SendMessageCommand,\n` +
        `  SendEventCommand,\n  GetTranscriptCommand,\n  DisconnectParticipantCommand,\n};\n`,
    },
  ];
};

/** Module ids from the Chime packages (or their stand-in stubs) among the given chunks. */
export const chimeModules = (chunks) =>
  chunks.flatMap((chunk) =>
    chunk.moduleIds.filter((id) => /[\\/]node_modules[\\/]amazon-chime-sdk-/.test(id)),
  );
