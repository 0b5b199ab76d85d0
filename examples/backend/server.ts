import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { ConnectClient } from '@aws-sdk/client-connect';
import { configFromEnv } from './configFromEnv';
import type { BackendConfig } from './configFromEnv';
import { createStartChatHandler } from './createStartChatHandler';
import type { ConnectSender, StartChatHandlerOptions } from './createStartChatHandler';

/**
 * Options of {@link startServer}: the environment's settings plus optional overrides.
 *
 * @example
 * ```ts
 * const options: StartServerOptions = { ...configFromEnv(process.env), host: '127.0.0.1' };
 * ```
 */
export interface StartServerOptions extends BackendConfig {
  /** Interface to listen on. Defaults to `127.0.0.1`; put a TLS-terminating proxy in front. */
  host?: string;
  /** The Connect client. Defaults to a `ConnectClient` for `region` with the default credential chain. */
  connect?: ConnectSender;
  /** Anything else {@link createStartChatHandler} accepts (attribute rules, canResume, rate limit…). */
  handler?: Partial<Omit<StartChatHandlerOptions, 'connect'>>;
}

/**
 * Starts the example backend and resolves once it listens.
 *
 * @example
 * ```ts
 * const { url, server } = await startServer({ ...configFromEnv(process.env), port: 0 });
 * console.log(url); // http://127.0.0.1:53121
 * server.close();
 * ```
 */
export async function startServer(
  options: StartServerOptions,
): Promise<{ server: Server; url: string }> {
  const { host = '127.0.0.1', port, region, connect, handler, ...config } = options;
  const listener = createStartChatHandler({
    connect: connect ?? new ConnectClient({ region }),
    ...config,
    ...handler,
  });
  const server = createServer((request, response) => {
    listener(request, response).catch(() => {
      // Only a bug gets here (the handler answers every expected failure itself).
      if (!response.headersSent) {
        response.writeHead(500, { 'Cache-Control': 'no-store' });
      }
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: actualPort } = server.address() as AddressInfo;
  return { server, url: `http://${host}:${actualPort}` };
}

// Run directly (`node --import tsx examples/backend/server.ts`): read the environment and serve.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url } = await startServer(configFromEnv(process.env));
  console.log(`contact-kit example backend listening on ${url}`);
}
