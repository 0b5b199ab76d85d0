import {
  ContentType,
  MESSAGE_CONTENT_LIMITS,
  SENDABLE_MESSAGE_CONTENT_TYPES,
} from '../../protocol/contentTypes';
import type { SendableMessageContentType } from '../../protocol/contentTypes';
import { ChatError } from '../../protocol/errors';

/**
 * Checks a message before it is sent (misuse throws `MESSAGE_INVALID`): a sendable content type
 * (`text/plain` by default), non-empty content within the type's limit. Returns the content type.
 *
 * @example
 * ```ts
 * const contentType = checkMessage('sendMessage', 'Hi', undefined); // 'text/plain'
 * ```
 */
export function checkMessage(
  action: string,
  content: unknown,
  requested: SendableMessageContentType | undefined,
): SendableMessageContentType {
  const contentType = requested ?? ContentType.plainText;
  if (!(SENDABLE_MESSAGE_CONTENT_TYPES as readonly string[]).includes(contentType)) {
    throw new ChatError('MESSAGE_INVALID', `${action}: ${String(contentType)} cannot be sent`);
  }
  if (typeof content !== 'string' || content.trim() === '') {
    throw new ChatError('MESSAGE_INVALID', `${action}: the message is empty`);
  }
  const limit = MESSAGE_CONTENT_LIMITS[contentType];
  if (content.length > limit) {
    throw new ChatError(
      'MESSAGE_INVALID',
      `${action}: the message is longer than ${limit} characters`,
    );
  }
  return contentType;
}

/**
 * A caller-chosen send id, checked (misuse throws `MESSAGE_INVALID`): `undefined` when none was
 * given, else a string of 1–500 characters.
 *
 * @example
 * ```ts
 * const localId = checkLocalId('sendMessage', options?.localId) ?? newClientToken();
 * ```
 */
export function checkLocalId(action: string, localId: unknown): string | undefined {
  if (localId === undefined) {
    return undefined;
  }
  if (typeof localId !== 'string' || localId.length === 0 || localId.length > 500) {
    throw new ChatError('MESSAGE_INVALID', `${action}: localId must be 1–500 characters`);
  }
  return localId;
}
