import type { TestProject } from 'vitest/node';
import { startDemoServer } from './demoServer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the built demo (storefront at `/`, agent console at `/agent.html`). */
    demoUrl: string;
  }
}

/**
 * Builds and serves the demo once for every end-to-end file.
 *
 * @example
 * ```ts
 * // vite.config.ts: test.projects[…].test.globalSetup = ['test/e2e/support/globalSetup.ts']
 * ```
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const demo = await startDemoServer();
  project.provide('demoUrl', demo.url);
  return () => demo.close();
}
