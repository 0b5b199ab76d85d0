import { checkItem } from '../../protocol/checkItem';
import type { Item } from '../../protocol/types';

/**
 * The topic chat items arrive on.
 *
 * @example
 * ```ts
 * if (frame.topic === CHAT_TOPIC) handleItem(JSON.parse(frame.content));
 * ```
 */
export const CHAT_TOPIC = 'aws/chat';

/**
 * The exact client frames of the websocket protocol (participant-protocol.md §3.2–3.4).
 *
 * @example
 * ```ts
 * socket.send(CLIENT_FRAMES.subscribe);
 * ```
 */
export const CLIENT_FRAMES = Object.freeze({
  subscribe: JSON.stringify({ topic: 'aws/subscribe', content: { topics: [CHAT_TOPIC] } }),
  heartbeat: JSON.stringify({ topic: 'aws/heartbeat' }),
  ping: JSON.stringify({ topic: 'aws/ping' }),
});

/**
 * A server frame, read: what the shell needs to know about it.
 *
 * @example
 * ```ts
 * const frame = parseServerFrame(event.data);
 * if (frame.kind === 'chat') handleItem(frame.item);
 * ```
 */
export type ServerFrameInfo =
  | { readonly kind: 'subscribe'; readonly ok: boolean }
  | { readonly kind: 'heartbeat' }
  | { readonly kind: 'ping'; readonly ok: boolean; readonly statusCode: number | undefined }
  | { readonly kind: 'chat'; readonly item: Item }
  /** An API Gateway-style error frame (`{"message": …}` without a topic). */
  | { readonly kind: 'error'; readonly message: string }
  /** Valid JSON on a topic we do not use. */
  | { readonly kind: 'other'; readonly topic: string }
  /** Not JSON, or an `aws/chat` frame whose content is not a well-formed item ({@link checkItem}). */
  | { readonly kind: 'malformed'; readonly reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads one text frame from the service. Never throws: anything unreadable comes back as
 * `malformed` so the caller can log it and go on.
 *
 * @example
 * ```ts
 * parseServerFrame('{"topic":"aws/heartbeat"}'); // { kind: 'heartbeat' }
 * ```
 */
export function parseServerFrame(data: string): ServerFrameInfo {
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return { kind: 'malformed', reason: 'frame is not JSON' };
  }
  if (!isRecord(frame)) {
    return { kind: 'malformed', reason: 'frame is not a JSON object' };
  }
  const topic = frame['topic'];
  if (typeof topic !== 'string') {
    const message = frame['message'];
    return typeof message === 'string'
      ? { kind: 'error', message }
      : { kind: 'malformed', reason: 'frame has no topic' };
  }
  switch (topic) {
    case 'aws/subscribe': {
      const content = frame['content'];
      return { kind: 'subscribe', ok: isRecord(content) && content['status'] === 'success' };
    }
    case 'aws/heartbeat':
      return { kind: 'heartbeat' };
    case 'aws/ping': {
      const statusCode = typeof frame['statusCode'] === 'number' ? frame['statusCode'] : undefined;
      return { kind: 'ping', ok: statusCode === 200, statusCode };
    }
    case CHAT_TOPIC: {
      const content = frame['content'];
      let item: unknown = content;
      if (typeof content === 'string') {
        try {
          item = JSON.parse(content);
        } catch {
          return { kind: 'malformed', reason: 'aws/chat content is not JSON' };
        }
      }
      if (!isRecord(item)) {
        return { kind: 'malformed', reason: 'aws/chat content is not an item' };
      }
      const checked = checkItem(item);
      return checked.ok
        ? { kind: 'chat', item: checked.item }
        : { kind: 'malformed', reason: `aws/chat item: ${checked.reason}` };
    }
    default:
      return { kind: 'other', topic };
  }
}
