import type { ListPickerElement } from '../../core/chat/interactive/interactiveTemplate';
import type { ChoiceOption } from './ChoiceGroup';
import type { UseInteractiveAnswerResult } from './useInteractiveAnswer';

/**
 * Plain reply options (Panel, QuickReply): each element answers with its title.
 *
 * @example
 * ```ts
 * replyOptions(template.data.content.elements).map((option) => option.key); // ['0', '1', …]
 * ```
 */
export function replyOptions(elements: readonly ListPickerElement[]): ChoiceOption[] {
  return elements.map((element, index) => ({ key: String(index), element, kind: 'reply' }));
}

/**
 * Finds the option a transcript answer (the customer's text reply) names.
 *
 * @example
 * ```ts
 * matchAnswer(options, 'Trail shoes')?.key; // '0'
 * ```
 */
export function matchAnswer(
  options: readonly ChoiceOption[],
  answer: string | undefined,
): ChoiceOption | undefined {
  return answer === undefined
    ? undefined
    : options.find((option) => option.kind === 'reply' && option.element.title === answer);
}

/**
 * The option to show as chosen: the one chosen in this view, else the one the transcript's
 * answer names (after a remount, or an answer sent from another tab).
 *
 * @example
 * ```ts
 * const chosen = chosenOption(options, useInteractiveAnswer(item));
 * ```
 */
export function chosenOption(
  options: readonly ChoiceOption[],
  answer: Pick<UseInteractiveAnswerResult, 'chosenKey' | 'transcriptAnswer'>,
): ChoiceOption | undefined {
  return (
    options.find((option) => option.key === answer.chosenKey) ??
    matchAnswer(options, answer.transcriptAnswer)
  );
}
