import type { UseInteractiveAnswerResult } from './useInteractiveAnswer';

/**
 * The `data-state` of an interactive message: `open`, `paging` (waiting for the next
 * page of a list), `answered`, or `failed` (the last answer could not be sent; open again).
 *
 * @example
 * ```css
 * [data-state='answered'] { opacity: 0.9; }
 * ```
 */
export type InteractiveState = 'open' | 'paging' | 'answered' | 'failed';

/**
 * Derives the `data-state` from the answer state.
 *
 * @example
 * ```ts
 * const state = interactiveState(useInteractiveAnswer(item));
 * ```
 */
export function interactiveState(answer: UseInteractiveAnswerResult): InteractiveState {
  if (answer.isAnswered) {
    return 'answered';
  }
  if (answer.isPaging) {
    return 'paging';
  }
  return answer.failed ? 'failed' : 'open';
}
