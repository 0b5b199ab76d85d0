import type { Logger } from '../core/logger';

/**
 * What a built-in agent gets when the emulator starts it for a new chat contact. The agent talks
 * to the emulator only over HTTP/WebSocket at `url`, like any client: it joins through
 * `POST /admin/contacts/{contactId}/participants` and then uses the Participant Service API.
 *
 * @example
 * ```ts
 * await startEmulator({
 *   agent: ({ url, contactId, customerDisplayName, logger }) => {
 *     logger.info(`agent for ${customerDisplayName} (${contactId}) at ${url}`);
 *     return { stop() {} };
 *   },
 * });
 * ```
 */
export interface AgentContext {
  /** Base URL of the emulator, e.g. `http://127.0.0.1:4010`. */
  url: string;
  contactId: string;
  customerDisplayName: string;
  logger: Logger;
}

/**
 * A running agent; the emulator stops every handle when it closes.
 *
 * @example
 * ```ts
 * const handle = builtInAgents.echo({ url, contactId, customerDisplayName: 'Sam', logger });
 * await handle.stop();
 * ```
 */
export interface AgentHandle {
  stop(): void | Promise<void>;
}

/**
 * Starts an agent for one contact. Must not throw for ordinary failures (log them instead).
 *
 * @example
 * ```ts
 * await startEmulator({ agent: (context) => myAgent(context) });
 * ```
 */
export type AgentFactory = (context: AgentContext) => AgentHandle;
