import { useCallback, useMemo, useState } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import {
  replyToCarousel,
  replyToChoice,
  replyToTimePicker,
  replyToViewResource,
  replyToViewResourceWithText,
} from '../../core/chat/interactive/interactiveReply';
import type { InteractiveReply } from '../../core/chat/interactive/interactiveReply';
import type {
  CarouselCard,
  InteractiveTemplate,
  ListPickerElement,
  PanelElement,
  QuickReplyElement,
  TimeSlot,
} from '../../core/chat/interactive/interactiveTemplate';
import { readInteractive } from '../../core/chat/interactive/interactiveOf';
import type { ChatError } from '../../core/protocol/errors';
import { useChatContext } from '../context/ChatSessionContext';

/**
 * The customer's answer to an interactive message; which shape fits depends on the template:
 * `choice` for ListPicker, Panel and QuickReply; `timeslot` for TimePicker; `card` + `choice` for
 * Carousel; `action` (+ `output`) or `text` for ViewResource.
 *
 * @example
 * ```ts
 * const { template, respond } = useInteractiveMessage(item);
 * if (template?.templateType === 'ListPicker') {
 *   respond({ choice: template.data.content.elements[0]! });
 * }
 * ```
 */
export type InteractiveResponse =
  | { choice: ListPickerElement | PanelElement | QuickReplyElement }
  | { timeslot: TimeSlot }
  | { card: CarouselCard; choice: ListPickerElement | PanelElement }
  | { action: string; output?: unknown }
  | { text: string };

/**
 * State of this component's answer.
 *
 * @example
 * ```ts
 * const answered = (status: InteractiveResponseStatus) => status === 'sent';
 * ```
 */
export type InteractiveResponseStatus = 'idle' | 'sent' | 'failed';

/**
 * What {@link useInteractiveMessage} returns.
 *
 * @example
 * ```tsx
 * const { template, respond, status } = useInteractiveMessage(item);
 * if (template?.templateType !== 'QuickReply') return null;
 * return template.data.content.elements.map((choice) => (
 *   <button key={choice.title} disabled={status === 'sent'} onClick={() => respond({ choice })}>
 *     {choice.title}
 *   </button>
 * ));
 * ```
 */
export interface UseInteractiveMessageResult {
  /** The typed template; `undefined` when the item is not an interactive message we can read. */
  template: InteractiveTemplate | undefined;
  /** Why the template cannot be read (`INTERACTIVE_INVALID`), when it cannot. */
  invalid: ChatError | undefined;
  /**
   * Sends the answer (protocol §7.7); `true` once handed to the session. A hyperlink choice sends
   * nothing and returns `false`: open its `url` instead. Throws a `TypeError` for an answer that
   * does not fit the template, and the session's `ChatError` when it refuses the send.
   */
  respond: (response: InteractiveResponse) => boolean;
  status: InteractiveResponseStatus;
  /** Why the last answer failed. */
  error: Error | undefined;
}

function buildReply(
  template: InteractiveTemplate,
  response: InteractiveResponse,
): InteractiveReply | null {
  switch (template.templateType) {
    case 'ListPicker':
    case 'Panel':
    case 'QuickReply':
      if ('choice' in response && !('card' in response)) {
        return replyToChoice(template as never, response.choice as never);
      }
      break;
    case 'TimePicker':
      if ('timeslot' in response) {
        return replyToTimePicker(template, response.timeslot);
      }
      break;
    case 'Carousel':
      if ('card' in response) {
        return replyToCarousel(template, response.card, response.choice);
      }
      break;
    case 'ViewResource':
      if ('action' in response) {
        return replyToViewResource(template, response.action, response.output);
      }
      if ('text' in response) {
        return replyToViewResourceWithText(template, response.text);
      }
      break;
    default:
      return template satisfies never;
  }
  throw new TypeError(
    `useInteractiveMessage: this answer does not fit a ${template.templateType} template`,
  );
}

/**
 * Reads an interactive message (ListPicker, Panel, QuickReply, TimePicker, Carousel,
 * ViewResource) into its typed template and sends the customer's answer.
 *
 * @example
 * ```tsx
 * function Interactive({ item }: { item: ChatItem }) {
 *   const { template, respond, status } = useInteractiveMessage(item);
 *   if (template?.templateType !== 'QuickReply') return null;
 *   return (
 *     <div role="group" aria-label={template.data.content.title}>
 *       {template.data.content.elements.map((choice) => (
 *         <button key={choice.title} disabled={status === 'sent'} onClick={() => respond({ choice })}>
 *           {choice.title}
 *         </button>
 *       ))}
 *     </div>
 *   );
 * }
 * ```
 */
export function useInteractiveMessage(item: ChatItem): UseInteractiveMessageResult {
  const { session } = useChatContext();
  const [state, setState] = useState<{ status: InteractiveResponseStatus; error?: Error }>({
    status: 'idle',
  });

  const { template, invalid } = useMemo((): {
    template: InteractiveTemplate | undefined;
    invalid: ChatError | undefined;
  } => {
    const parsed = readInteractive(item);
    if (parsed === undefined) {
      return { template: undefined, invalid: undefined };
    }
    return parsed.ok
      ? { template: parsed.template, invalid: undefined }
      : { template: undefined, invalid: parsed.error };
  }, [item]);

  const respond = useCallback(
    (response: InteractiveResponse) => {
      if (!template) {
        throw new TypeError('useInteractiveMessage: this item has no interactive template');
      }
      if (!session) {
        throw new Error('useInteractiveMessage: the chat has not started.');
      }
      const reply = buildReply(template, response);
      if (!reply) {
        return false;
      }
      try {
        session.sendMessage(reply.content, { contentType: reply.contentType });
        setState({ status: 'sent' });
        return true;
      } catch (cause) {
        const error = cause instanceof Error ? cause : new Error(String(cause));
        setState({ status: 'failed', error });
        throw error;
      }
    },
    [session, template],
  );

  return { template, invalid, respond, status: state.status, error: state.error };
}
