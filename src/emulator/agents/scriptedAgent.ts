import type { AgentContext, AgentFactory } from '../agentTypes';
import { isAbort } from './agentApi';
import { createAgentSession, type AgentSession, type AgentSessionOptions } from './agentSession';
import { createSampleAttachment } from './sampleAttachment';
import {
  initialScriptedState,
  scriptedGreeting,
  scriptedReply,
  type ScriptedAction,
  type ScriptedState,
} from './scriptedReplies';

const READ = 'application/vnd.amazonaws.connect.event.message.read';
const TYPING = 'application/vnd.amazonaws.connect.event.typing';

/**
 * Options of {@link createScriptedAgent}, besides the connection settings of
 * {@link AgentSessionOptions}.
 *
 * @example
 * ```ts
 * createScriptedAgent({ replyDelayMs: 0, now: () => new Date('2026-03-01T12:00:00Z') });
 * ```
 */
export interface ScriptedAgentOptions extends Omit<
  AgentSessionOptions,
  'onCustomerMessage' | 'onJoined'
> {
  /**
   * The pause between the typing event and the reply: a fixed number of ms or a `[min, max]` range
   * picked at random. Defaults to `[600, 900]`.
   */
  replyDelayMs?: number | readonly [min: number, max: number];
  /** The clock used for TimePicker slots. Defaults to `() => new Date()`. */
  now?: () => Date;
  /** Random source for the reply delay. Defaults to `Math.random`. */
  random?: () => number;
}

async function perform(
  session: AgentSession,
  actions: readonly ScriptedAction[],
  tokenPrefix: string,
): Promise<void> {
  for (const [index, action] of actions.entries()) {
    const clientToken = `${tokenPrefix}-${index}`;
    switch (action.type) {
      case 'sendMessage':
        await session.sendMessage(action.contentType, action.content, clientToken);
        break;
      case 'sendInteractive':
        await session.sendInteractive(action.template);
        break;
      case 'showView':
        await session.showView(action.viewId);
        break;
      case 'sendAttachment':
        await session.sendAttachment(createSampleAttachment(), clientToken);
        break;
      case 'endChat':
        await session.endChat();
        break;
      case 'startAuthentication':
        await session.startAuthentication(action.timeoutSeconds);
        break;
      case 'setProcessing':
        await session.setProcessing(action.status, action.match);
        break;
    }
  }
}

/**
 * Creates the scripted demo agent: it greets the customer by name, then for each customer message
 * sends a read receipt, a typing event, pauses briefly and replies. Keywords (`help`, `markdown`,
 * `list`, `more`, `panel`, `quick`, `time`, `carousel`, `file`, `signin`, `reject`, `bye`) trigger the matching content;
 * see {@link scriptedReply} for the rules.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator({ port: 0, agent: createScriptedAgent({ replyDelayMs: 10 }) });
 * ```
 */
export function createScriptedAgent(options: ScriptedAgentOptions = {}): AgentFactory {
  const {
    replyDelayMs = [600, 900],
    now = () => new Date(),
    random = Math.random,
    ...sessionOptions
  } = options;
  const pickDelay = (): number =>
    typeof replyDelayMs === 'number'
      ? replyDelayMs
      : replyDelayMs[0] + Math.round(random() * (replyDelayMs[1] - replyDelayMs[0]));

  return (context: AgentContext) => {
    let state: ScriptedState = initialScriptedState;

    const typeThenPause = async (clientToken: string): Promise<void> => {
      await session.sendEvent(TYPING, undefined, clientToken).catch((error: unknown) => {
        if (!isAbort(error)) {
          context.logger.debug('typing event failed', error);
        }
      });
      await session.sleep(pickDelay());
    };

    const session = createAgentSession(context, {
      ...sessionOptions,
      onJoined: async () => {
        await typeThenPause('typing-greeting');
        await perform(session, scriptedGreeting(context.customerDisplayName), 'greeting');
      },
      onCustomerMessage: async (item) => {
        await session
          .sendEvent(READ, JSON.stringify({ messageId: item.Id }), `read-${item.Id}`)
          .catch((error: unknown) => {
            if (!isAbort(error)) {
              context.logger.debug('read receipt failed', error);
            }
          });
        await typeThenPause(`typing-${item.Id}`);
        const next = scriptedReply(
          state,
          { contentType: item.ContentType ?? 'text/plain', content: item.Content ?? '' },
          { now: now(), messageId: item.Id },
        );
        state = next.state;
        await perform(session, next.actions, `reply-${item.Id}`);
      },
    });
    return { stop: () => session.stop() };
  };
}
