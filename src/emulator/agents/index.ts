import type { AgentFactory } from '../agentTypes';
import { createEchoAgent } from './echoAgent';
import { createScriptedAgent } from './scriptedAgent';

export { createEchoAgent, echoReplyFor, type EchoAgentOptions } from './echoAgent';
export { createScriptedAgent, type ScriptedAgentOptions } from './scriptedAgent';
export {
  createAgentSession,
  type AgentFile,
  type AgentSession,
  type AgentSessionOptions,
  type CustomerItem,
} from './agentSession';
export { AgentApiError } from './agentApi';
export {
  SCRIPTED_KEYWORDS,
  findKeyword,
  initialScriptedState,
  scriptedGreeting,
  scriptedReply,
  type ScriptedAction,
  type ScriptedState,
} from './scriptedReplies';
export {
  catalogItems,
  createCarousel,
  createPagedListPicker,
  createPanel,
  createSampleTimePicker,
  pageStartFor,
  sampleTemplates,
  serializeTemplate,
  templateProblems,
} from './templates';
export { createSampleAttachment, encodePng } from './sampleAttachment';

/**
 * The agents the emulator can run for a chat contact, by name (`--agent echo|scripted`), with their
 * default settings (the scripted agent pauses 600–900 ms before each reply).
 *
 * @example
 * ```ts
 * const handle = builtInAgents.scripted({ url, contactId, customerDisplayName: 'Sam', logger });
 * await handle.stop();
 * ```
 */
export const builtInAgents: Record<'echo' | 'scripted', AgentFactory> = {
  echo: createEchoAgent(),
  scripted: createScriptedAgent(),
};
