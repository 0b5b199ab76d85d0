import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const configFile = fileURLToPath(new URL('../../../demo/vite.config.ts', import.meta.url));

/**
 * The demo (storefront and agent console), built once into a temporary directory and served on a
 * free loopback port, so the tests never depend on `npm run dev` nor on ports 4010/5173.
 *
 * @example
 * ```ts
 * const demo = await startDemoServer();
 * await page.goto(`${demo.url}/?emulator=${encodeURIComponent(emulator.url)}`);
 * await demo.close();
 * ```
 */
export interface DemoServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Builds the demo with its own Vite config and serves the build with `vite preview`.
 *
 * @example
 * ```ts
 * const { url, close } = await startDemoServer();
 * ```
 */
export async function startDemoServer(): Promise<DemoServer> {
  const outDir = await mkdtemp(join(tmpdir(), 'contact-kit-demo-'));
  try {
    await build({
      configFile,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
    const server = await preview({
      configFile,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: true },
    });
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') {
      throw new Error('the demo preview server has no port');
    }
    return {
      url: `http://127.0.0.1:${address.port}`,
      async close() {
        await server.close();
        await rm(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}
