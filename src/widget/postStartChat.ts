import type { StartChatResult } from '../react/context/ContactKitContext';

/**
 * The body of the start-chat POST, as the storefront's backend receives it.
 *
 * @example
 * ```ts
 * const widget = document.querySelector('contact-widget')!;
 * widget.startChatRequest = async ({ DisplayName, Attributes, ResumeContactId }) =>
 *   (await fetch('/api/start-chat', { method: 'POST', body: JSON.stringify({ DisplayName, Attributes, ResumeContactId }) })).json();
 * ```
 */
export interface StartChatRequestBody {
  DisplayName: string;
  Attributes: Record<string, string>;
  /**
   * The ended contact the customer continues (persistent chat): the backend passes it to
   * StartChatContact as `PersistentChat: { SourceContactId, RehydrationType }` once it has
   * checked that this customer owns it.
   */
  ResumeContactId?: string;
}

function isStartChatResult(value: unknown): value is StartChatResult {
  const record = value as Record<string, unknown> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.ContactId === 'string' &&
    typeof record.ParticipantId === 'string' &&
    typeof record.ParticipantToken === 'string'
  );
}

/**
 * POSTs the customer's name and attributes to the storefront's start-chat URL and checks that the
 * answer has StartChatContact's shape.
 *
 * @example
 * ```ts
 * const contact = await postStartChat('/api/start-chat', { DisplayName: 'Ana', Attributes: {} });
 * ```
 */
export async function postStartChat(
  url: string,
  body: StartChatRequestBody,
): Promise<StartChatResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!response.ok) {
    throw new Error(`start-chat-url answered ${response.status}`);
  }
  const result: unknown = await response.json();
  if (!isStartChatResult(result)) {
    throw new Error('start-chat-url did not answer {ContactId, ParticipantId, ParticipantToken}');
  }
  return result;
}
