import { useCallback, useState } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import type { InteractiveTemplate } from '../../core/chat/interactive/interactiveTemplate';
import { ContentType } from '../../core/protocol/contentTypes';
import { interactiveOf } from '../../core/chat/interactive/interactiveOf';
import { useInteractiveMessage } from '../../react/hooks/useInteractiveMessage';
import type {
  InteractiveResponse,
  InteractiveResponseStatus,
} from '../../react/hooks/useInteractiveMessage';
import { useTranscript } from '../../react/hooks/useTranscript';

/**
 * What the transcript says about an interactive message: whether the customer answered it (the
 * text of their next own message) and whether a newer page of the same list replaced it.
 */
interface TranscriptVerdict {
  /** Text of the customer's first own message after this one; `''` for a non-text message. */
  readonly answer: string | undefined;
  /** A newer ListPicker with the same `referenceId` arrived (protocol §7.1 pagination). */
  readonly superseded: boolean;
}

const NO_VERDICT: TranscriptVerdict = { answer: undefined, superseded: false };

const sameVerdict = (a: TranscriptVerdict, b: TranscriptVerdict) =>
  a.answer === b.answer && a.superseded === b.superseded;

function referenceIdOf(template: InteractiveTemplate | undefined): string | undefined {
  return template?.templateType === 'ListPicker'
    ? template.data.content.referenceId || undefined
    : undefined;
}

/**
 * Reads the items after `item`. Scans from the end because interactive messages that are still
 * open are usually near the end of a long transcript.
 */
function verdictFor(
  items: readonly ChatItem[],
  item: ChatItem,
  referenceId: string | undefined,
): TranscriptVerdict {
  let index = items.length - 1;
  while (index >= 0 && items[index]?.id !== item.id) {
    index -= 1;
  }
  if (index < 0) {
    return NO_VERDICT;
  }
  let answer: string | undefined;
  let superseded = false;
  for (let next = index + 1; next < items.length; next += 1) {
    const later = items[next];
    if (!later) {
      continue;
    }
    if (answer === undefined && later.isOwn && later.type !== 'event') {
      answer = later.contentType === ContentType.plainText ? (later.content ?? '') : '';
    }
    if (referenceId !== undefined && later.contentType === ContentType.interactive) {
      const template = interactiveOf(later);
      if (
        template?.templateType === 'ListPicker' &&
        template.data.content.referenceId === referenceId
      ) {
        superseded = true;
      }
    }
  }
  return answer === undefined && !superseded ? NO_VERDICT : { answer, superseded };
}

/**
 * State of one interactive message as the components show it.
 *
 * @example
 * ```ts
 * const { isAnswered, choose } = useInteractiveAnswer(item);
 * ```
 */
export interface UseInteractiveAnswerResult {
  template: InteractiveTemplate | undefined;
  /** The status of the last answer given through this component. */
  status: InteractiveResponseStatus;
  /** The customer answered: here (sent or sending) or by a later own message. */
  isAnswered: boolean;
  /** A newer page of the same list replaced this one: it must not be acted on any more. */
  isSuperseded: boolean;
  /** A pagination request was sent and the next page has not arrived yet. */
  isPaging: boolean;
  /** The controls are inert (answered, superseded, or paging). */
  isLocked: boolean;
  /** The key of the chosen option, from this component or matched in the transcript. */
  chosenKey: string | undefined;
  /** Text of the customer's answer found in the transcript. */
  transcriptAnswer: string | undefined;
  /** The last answer could not be sent. */
  failed: boolean;
  /**
   * Sends an answer and remembers `key` as the chosen option. `paging` marks a Show more /
   * Previous options request, which does not answer the message.
   */
  choose: (key: string, response: InteractiveResponse, paging?: boolean) => void;
}

/**
 * Joins {@link useInteractiveMessage} (the reply) with what the transcript shows later, so an
 * interactive message stays answered after the row was scrolled away and mounted again, and only
 * the newest page of a paginated list can be used.
 *
 * @remarks Internal to the interactive message components.
 *
 * @example
 * ```tsx
 * const answer = useInteractiveAnswer(item);
 * <button aria-disabled={answer.isLocked} onClick={() => answer.choose('Yes', { choice })}>Yes</button>;
 * ```
 */
export function useInteractiveAnswer(item: ChatItem): UseInteractiveAnswerResult {
  const { template, respond, status } = useInteractiveMessage(item);
  const referenceId = referenceIdOf(template);
  const select = useCallback(
    (items: readonly ChatItem[]) => verdictFor(items, item, referenceId),
    [item, referenceId],
  );
  const { items: verdict } = useTranscript({ select, isEqual: sameVerdict });
  const [local, setLocal] = useState<{ key: string; paging: boolean } | undefined>(undefined);

  const choose = useCallback(
    (key: string, response: InteractiveResponse, paging = false) => {
      try {
        if (respond(response)) {
          setLocal({ key, paging });
        }
      } catch {
        // The hook keeps the error in its status; the choice stays open for another try.
        setLocal(undefined);
      }
    },
    [respond],
  );

  const failed = status === 'failed';
  const localAnswer = local !== undefined && !local.paging && !failed;
  const isPaging = local !== undefined && local.paging && !failed && !verdict.superseded;
  const isAnswered = localAnswer || verdict.answer !== undefined;
  const isSuperseded = verdict.superseded;
  return {
    template,
    status,
    isAnswered,
    isSuperseded,
    isPaging,
    isLocked: isAnswered || isSuperseded || isPaging,
    chosenKey: localAnswer ? local.key : undefined,
    transcriptAnswer: verdict.answer,
    failed,
    choose,
  };
}
