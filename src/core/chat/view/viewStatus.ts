import type { ChatItem } from '../transcript/chatItem';
import type { ViewResourceTemplate } from '../interactive/interactiveTemplate';
import type { ParticipantRole } from '../../protocol/types';
import { interactiveOf } from '../interactive/interactiveOf';

/**
 * What the transcript says about a shown view: still `open`, `answered` by a later message of the
 * customer, or `expired` because the other side went on (the Show view block timed out or the
 * flow moved past it; a later message from the bot or an agent says so).
 *
 * @example
 * ```ts
 * const locked = viewStatus(items, item) !== 'open';
 * ```
 */
export type ViewStatus = 'open' | 'answered' | 'expired';

const counts = (item: ChatItem): boolean => item.type !== 'event';

/**
 * Reads the transcript after `item` (a ViewResource message): the first later own message
 * answers it, a later message from anyone else expires it. Events (typing, joins, receipts) do not
 * count. An item not in `items` is `open`.
 *
 * @example
 * ```ts
 * viewStatus(snapshot.items, item); // 'open'
 * ```
 */
export function viewStatus(items: readonly ChatItem[], item: ChatItem): ViewStatus {
  let index = items.length - 1;
  while (index >= 0 && items[index]?.id !== item.id) {
    index -= 1;
  }
  if (index < 0) {
    return 'open';
  }
  for (let next = index + 1; next < items.length; next += 1) {
    const later = items[next];
    if (later && counts(later)) {
      return later.isOwn ? 'answered' : 'expired';
    }
  }
  return 'open';
}

/**
 * The view the customer is looking at, if any: the newest non-event item, when it is a
 * ViewResource message from the other side. Free text typed while it is shown is sent as the
 * view's response (protocol §7.7). Views are shown to customers: for any other `ownRole` (an
 * agent using the kit) there is none.
 *
 * @example
 * ```ts
 * const open = openViewOf(snapshot.items, 'CUSTOMER');
 * if (open) send(replyToViewResourceWithText(open.template, text));
 * ```
 */
export function openViewOf(
  items: readonly ChatItem[],
  ownRole?: ParticipantRole,
): { item: ChatItem; template: ViewResourceTemplate } | undefined {
  if (ownRole !== undefined && ownRole !== 'CUSTOMER') {
    return undefined;
  }
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index];
    if (!item || !counts(item)) {
      continue;
    }
    const template = item.isOwn ? undefined : interactiveOf(item);
    if (template?.templateType === 'ViewResource') {
      return { item, template };
    }
    return undefined;
  }
  return undefined;
}

/**
 * What is wrong with a form field's value; the renderer turns it into a localized message.
 *
 * @example
 * ```ts
 * const problem = checkViewField({ required: true }, ''); // 'required'
 * ```
 */
export type ViewFieldProblem = 'required' | 'email' | 'number' | 'tooShort' | 'tooLong';

/**
 * The rules of one form field, read from its props (`Required`, `InputType`, `MinLength`,
 * `MaxLength`).
 *
 * @example
 * ```ts
 * checkViewField({ required: true, inputType: 'email' }, 'ana@example.com'); // undefined: valid
 * ```
 */
export interface ViewFieldRules {
  required?: boolean;
  inputType?: string;
  minLength?: number;
  maxLength?: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks one field value against its rules; `undefined` when it is fine. An empty optional field
 * is fine whatever its type.
 *
 * @example
 * ```ts
 * checkViewField({ required: true, inputType: 'email' }, 'ana@'); // 'email'
 * checkViewField({ required: true }, false); // 'required' (an unticked checkbox)
 * ```
 */
export function checkViewField(
  rules: ViewFieldRules,
  value: string | boolean,
): ViewFieldProblem | undefined {
  if (typeof value === 'boolean') {
    return rules.required && !value ? 'required' : undefined;
  }
  const text = value.trim();
  if (text === '') {
    return rules.required ? 'required' : undefined;
  }
  if (rules.inputType === 'email' && !EMAIL.test(text)) {
    return 'email';
  }
  if (rules.inputType === 'number' && !Number.isFinite(Number(text))) {
    return 'number';
  }
  if (rules.minLength !== undefined && text.length < rules.minLength) {
    return 'tooShort';
  }
  if (rules.maxLength !== undefined && text.length > rules.maxLength) {
    return 'tooLong';
  }
  return undefined;
}
