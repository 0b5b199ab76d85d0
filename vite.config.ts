import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { BaseSequencer } from 'vitest/node';
import type { TestSpecification } from 'vitest/node';

/**
 * Test files run in path order, the same on a fresh clone as on a warm cache (Vitest's default
 * orders by cached durations), so a CI failure replays in the same order locally.
 */
class PathOrderSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
const externalPackages = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  ...Object.keys({ 'amazon-chime-sdk-js': 1, 'amazon-chime-sdk-component-library-react': 1 }),
];
const isExternal = (id: string): boolean =>
  id.startsWith('node:') ||
  externalPackages.some((name) => id === name || id.startsWith(`${name}/`));

/** A module that imports these renders or holds React state. */
const isReactImport = (id: string): boolean =>
  !id.endsWith('.js') &&
  /^(react|react-dom|styled-components|@tanstack\/react-query|amazon-chime-sdk-component-library-react)(\/|$)/.test(
    id,
  );

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/**
 * The package entries that are barrels: `dist/index.js` and `dist/core.js`.
 *
 * Rolldown writes a barrel as one module that imports every public name from the module defining
 * it and exports them all. esbuild then puts every module that barrel imports (used or not) into
 * the chunks the consumer's entry loads, as soon as any lazy chunk uses it: the ChatWidget's lazy
 * body and the chat session loaded up front (76 KB gzip instead of 25). So each barrel is
 * rewritten as `export *` from one small facade file per defining module
 * (`dist/exports/<entry>/<module path>`, `export { … } from` that module): esbuild, webpack and
 * rolldown reach through `export *` only the facades whose names the consumer imports, and a
 * module the consumer does not import stays in whatever lazy chunk uses it.
 */
const BARREL_ENTRIES = ['index.js', 'core.js'];

const facadeBarrels = (): Plugin => ({
  name: 'contact-kit:facade-barrels',
  apply: 'build',
  generateBundle(_options, bundle) {
    for (const fileName of BARREL_ENTRIES) {
      const chunk = bundle[fileName];
      if (chunk?.type !== 'chunk') {
        continue;
      }
      const imported = new Map<string, { from: string; name: string }>();
      let rest = chunk.code.replace(
        /^import \{([^}]*)\} from "(\.\/[^"]+)";\n/gm,
        (_statement, names: string, from: string) => {
          for (const binding of names
            .split(',')
            .map((text) => text.trim())
            .filter(Boolean)) {
            const [name, local = name] = binding.split(/\s+as\s+/);
            imported.set(local!, { from, name: name! });
          }
          return '';
        },
      );
      const groups = new Map<string, string[]>();
      rest = rest.replace(/^export \{([^}]*)\};\n?/m, (_statement, names: string) => {
        for (const binding of names
          .split(',')
          .map((text) => text.trim())
          .filter(Boolean)) {
          const [local, exported = local] = binding.split(/\s+as\s+/);
          const source = imported.get(local!);
          if (!source) {
            this.error(`${fileName}: cannot tell where ${local} comes from`);
          }
          const names = groups.get(source.from) ?? [];
          names.push(source.name === exported ? exported! : `${source.name} as ${exported}`);
          groups.set(source.from, names);
        }
        return '';
      });
      if (rest.replace(/\/\/.*$/gm, '').trim() !== '') {
        this.error(`${fileName} is not a pure barrel any more: ${rest.slice(0, 200)}`);
      }
      const entry = fileName.replace(/\.js$/, '');
      const lines = [...groups].map(([from, names]) => {
        const facade = `exports/${entry}/${from.slice(2)}`;
        const up = '../'.repeat(facade.split('/').length - 1);
        this.emitFile({
          type: 'asset',
          fileName: facade,
          source: `export { ${names.join(', ')} } from '${up}${from.slice(2)}';\n`,
        });
        return `export * from './${facade}';\n`;
      });
      chunk.code = lines.join('');
      chunk.map = null;
    }
  },
});

/** Package specifiers resolve to the sources, so tests import `contact-kit/core` like a consumer. */
const alias = [
  { find: /^contact-kit$/, replacement: src('index.ts') },
  { find: /^contact-kit\/core$/, replacement: src('core/index.ts') },
  { find: /^contact-kit\/video$/, replacement: src('video/index.ts') },
  { find: /^contact-kit\/video\/lazy$/, replacement: src('video/lazy/LazyVideoCall.tsx') },
  { find: /^contact-kit\/emulator$/, replacement: src('emulator/index.ts') },
  { find: /^contact-kit\/widget$/, replacement: src('widget/contact-widget.ts') },
  { find: /^contact-kit\/testing$/, replacement: src('testing/index.ts') },
];

/**
 * The React 18 run of the DOM tier: `react` and `react-dom` resolve to the second install in
 * test/react18 (`npm run test:react18` installs it), and the packages that import React are
 * inlined so their imports take the same alias, leaving one React in the run.
 */
/** A package's ES build (its `module` field), as a file path. */
const esmBuildOf = (name: string): string => {
  const manifest = new URL(`./node_modules/${name}/package.json`, import.meta.url);
  const { module } = JSON.parse(readFileSync(manifest, 'utf8')) as { module: string };
  return fileURLToPath(new URL(module, manifest));
};
const react18 = fileURLToPath(new URL('./test/react18/node_modules/', import.meta.url));
const react18Alias = [
  { find: /^react(\/.*)?$/, replacement: `${react18}react$1` },
  { find: /^react-dom(\/.*)?$/, replacement: `${react18}react-dom$1` },
  // Their "main" is CommonJS, which would require() the React 19 at the root: take their ES builds.
  ...[
    '@testing-library/react',
    'styled-components',
    'amazon-chime-sdk-component-library-react',
  ].map((name) => ({ find: new RegExp(`^${name}$`), replacement: esmBuildOf(name) })),
];
const reactConsumers = [
  '@testing-library/react',
  'styled-components',
  '@tanstack/react-query',
  'amazon-chime-sdk-component-library-react',
  '@floating-ui/react',
  '@floating-ui/react-dom',
  'use-sync-external-store',
  '@storybook/react',
  '@storybook/react-dom-shim',
];

/** The DOM tier's files: the same under React 19 (`dom`) and React 18 (`dom-react18`). */
const domTier = {
  environment: 'jsdom',
  include: [
    'test/react/**/*.test.{ts,tsx}',
    'test/components/**/*.test.{ts,tsx}',
    'test/prefabs/**/*.test.{ts,tsx}',
    'test/stories/**/*.test.{ts,tsx}',
  ],
  setupFiles: ['test/components/setup.ts'],
  // A guard against hangs, not a performance claim: a file's first render of the widget pays for
  // transforming its lazy body and session, several seconds on a loaded 2-core machine.
  testTimeout: 15_000,
};

export default defineConfig({
  plugins: [react(), facadeBarrels()],
  resolve: { alias },
  define: { global: 'globalThis' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    target: 'es2022',
    lib: {
      entry: {
        index: src('index.ts'),
        core: src('core/index.ts'),
        video: src('video/index.ts'),
        'video-lazy': src('video/lazy/LazyVideoCall.tsx'),
        emulator: src('emulator/index.ts'),
        'emulator-cli': src('emulator/cli.ts'),
        testing: src('testing/index.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: isExternal,
      // One file per source module, as in src/: a consumer's bundler then keeps exactly the
      // modules it uses, and what the kit loads lazily (the ChatWidget's body, locales) stays in
      // lazy chunks even though the main entry also exports those components.
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        // Modules that use React (components, hooks, providers, contexts) are client modules for
        // React Server Components: Next.js App Router imports ChatWidget from a Server Component
        // without a wrapper of the app's own. Barrels and the headless core stay neutral.
        banner: (chunk) => (chunk.imports.some(isReactImport) ? "'use client';" : ''),
      },
    },
  },
  test: {
    sequence: { sequencer: PathOrderSequencer },
    restoreMocks: true,
    passWithNoTests: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'test/core/**/*.test.ts',
            'test/emulator/**/*.test.ts',
            'test/package/**/*.test.ts',
            'test/video/**/*.test.ts',
            'test/examples/**/*.test.ts',
            'test/docs/**/*.test.ts',
          ],
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
        },
      },
      {
        extends: true,
        test: { name: 'dom', ...domTier, provide: { reactMajor: 19 } },
      },
      {
        extends: true,
        resolve: { alias: [...react18Alias, ...alias] },
        test: {
          name: 'dom-react18',
          ...domTier,
          provide: { reactMajor: 18 },
          server: { deps: { inline: reactConsumers } },
        },
      },
      {
        extends: true,
        test: {
          // Real Chromium against the built demo and an emulator per file: after the other
          // projects (groupOrder) and one file at a time, so the browser has the machine.
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/support/globalSetup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // examples/nextjs built with `next build` over the built package (dist), served with
          // `next start` and loaded in Chromium: `npm run test:nextjs`, after the package build.
          name: 'nextjs',
          environment: 'node',
          include: ['test/nextjs/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
