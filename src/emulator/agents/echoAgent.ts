import type { AgentFactory } from '../agentTypes';
import { createAgentSession, type AgentSessionOptions, type CustomerItem } from './agentSession';

const READ = 'application/vnd.amazonaws.connect.event.message.read';
/** text/plain and text/markdown messages are limited to 1024 characters. */
const TEXT_LIMIT = 1024;

/**
 * Options of {@link createEchoAgent}: the connection settings of {@link AgentSessionOptions}.
 *
 * @example
 * ```ts
 * createEchoAgent({ heartbeatIntervalMs: 10_000 });
 * ```
 */
export type EchoAgentOptions = Omit<AgentSessionOptions, 'onCustomerMessage' | 'onJoined'>;

/**
 * The echo agent's reply to a customer message: `Echo: <text>`, markdown staying markdown. Other
 * content types (JSON, interactive responses) come back as plain text, because `Echo: {…}` would no
 * longer be valid JSON.
 *
 * @example
 * ```ts
 * echoReplyFor({ ContentType: 'text/markdown', Content: '**hi**' });
 * // { contentType: 'text/markdown', content: 'Echo: **hi**' }
 * ```
 */
export function echoReplyFor(item: { ContentType?: string; Content?: string }): {
  contentType: 'text/plain' | 'text/markdown';
  content: string;
} {
  const contentType = item.ContentType === 'text/markdown' ? 'text/markdown' : 'text/plain';
  return { contentType, content: `Echo: ${item.Content ?? ''}`.slice(0, TEXT_LIMIT) };
}

/**
 * An agent that joins the chat and answers every customer message with `Echo: <text>`, after a
 * read receipt for it.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator({ port: 0, agent: createEchoAgent() });
 * ```
 */
export function createEchoAgent(options: EchoAgentOptions = {}): AgentFactory {
  return (context) => {
    const session = createAgentSession(context, {
      ...options,
      onCustomerMessage: async (item: CustomerItem) => {
        await session
          .sendEvent(READ, JSON.stringify({ messageId: item.Id }), `read-${item.Id}`)
          .catch((error: unknown) => context.logger.debug('read receipt failed', error));
        const reply = echoReplyFor(item);
        await session.sendMessage(reply.contentType, reply.content, `echo-${item.Id}`);
      },
    });
    return { stop: () => session.stop() };
  };
}
