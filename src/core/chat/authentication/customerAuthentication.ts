/**
 * Customer authentication in chat (the "Authenticate customer" flow block), as pure state: the
 * transcript's `authentication.*` events folded into sign-in prompts.
 *
 * @packageDocumentation
 */
import type { ChatItem } from '../transcript/chatItem';

/**
 * Where one sign-in request of the flow is: `pending` until the flow moves on, then the outcome
 * event's name: `succeeded`, `failed`, `timeout`, `expired` or `cancelled` (the customer chose to
 * continue without signing in). A request left pending when the chat ended, or when the flow asked
 * again, is `expired`.
 *
 * @example
 * ```ts
 * const canAct = prompt.status === 'pending';
 * ```
 */
export type AuthenticationStatus =
  'pending' | 'succeeded' | 'failed' | 'timeout' | 'expired' | 'cancelled';

/**
 * One sign-in request: the `authentication.initiated` item and what became of it.
 *
 * @example
 * ```ts
 * const { prompts } = foldAuthentication(snapshot.items);
 * const refused = prompts.filter((prompt) => prompt.status === 'failed' || prompt.status === 'timeout');
 * ```
 */
export interface AuthenticationPrompt {
  /** The Id of the `authentication.initiated` item (the transcript row of the prompt). */
  itemId: string;
  /**
   * The SessionId from the event's Content, for GetAuthenticationUrl and
   * CancelParticipantAuthentication; `undefined` when the Content does not carry one (the prompt
   * cannot be acted on).
   */
  sessionId: string | undefined;
  /** Where the request is. */
  status: AuthenticationStatus;
  /** When the flow asked (the event's AbsoluteTime). */
  time: string;
}

/**
 * Every sign-in request of the transcript, and the one the customer can act on now.
 *
 * @example
 * ```ts
 * const { active } = foldAuthentication(snapshot.items);
 * if (active) showSignIn(active.sessionId);
 * ```
 */
export interface AuthenticationState {
  /** The requests in transcript order. */
  prompts: readonly AuthenticationPrompt[];
  /** The requests by the Id of their `authentication.initiated` item. */
  byItemId: ReadonlyMap<string, AuthenticationPrompt>;
  /** The latest request when it is still `pending` and has a SessionId; else `undefined`. */
  active: AuthenticationPrompt | undefined;
}

const OUTCOMES: Readonly<Partial<Record<NonNullable<ChatItem['event']>, AuthenticationStatus>>> = {
  'authentication.succeeded': 'succeeded',
  'authentication.failed': 'failed',
  'authentication.timeout': 'timeout',
  'authentication.expired': 'expired',
  'authentication.cancelled': 'cancelled',
};

/**
 * The `SessionId` an `authentication.*` event carries in its Content (a JSON object string), or
 * `undefined` when there is none.
 *
 * @example
 * ```ts
 * parseAuthenticationSessionId('{"SessionId":"6f3c2a9e-…"}'); // '6f3c2a9e-…'
 * parseAuthenticationSessionId('not json'); // undefined
 * ```
 */
export function parseAuthenticationSessionId(content: string | undefined): string | undefined {
  if (content === undefined || content === '') {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(content);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      const sessionId = (parsed as Record<string, unknown>).SessionId;
      return typeof sessionId === 'string' && sessionId !== '' ? sessionId : undefined;
    }
  } catch {
    // Not JSON: no SessionId.
  }
  return undefined;
}

/**
 * Folds the transcript's authentication events into sign-in prompts. An outcome event applies to
 * the request with its SessionId when it names one, else to the latest pending request before
 * it. A request still pending when the flow asks again, or when the chat ends, becomes `expired`
 * (its buttons must not act any more). Pure: the same items give an equal state.
 *
 * @example
 * ```ts
 * const state = foldAuthentication(session.getSnapshot().items);
 * state.byItemId.get(item.id)?.status; // 'pending' | 'succeeded' | …
 * ```
 */
export function foldAuthentication(items: readonly ChatItem[]): AuthenticationState {
  const prompts: AuthenticationPrompt[] = [];
  const settle = (index: number, status: AuthenticationStatus): void => {
    prompts[index] = { ...prompts[index]!, status };
  };
  const latestPending = (): number => {
    for (let index = prompts.length - 1; index >= 0; index -= 1) {
      if (prompts[index]!.status === 'pending') {
        return index;
      }
    }
    return -1;
  };
  for (const item of items) {
    if (item.type !== 'event' || item.event === undefined) {
      continue;
    }
    if (item.event === 'authentication.initiated') {
      const previous = latestPending();
      if (previous >= 0) {
        settle(previous, 'expired');
      }
      prompts.push({
        itemId: item.id,
        sessionId: parseAuthenticationSessionId(item.content),
        status: 'pending',
        time: item.time,
      });
      continue;
    }
    if (item.event === 'chat.ended') {
      const pending = latestPending();
      if (pending >= 0) {
        settle(pending, 'expired');
      }
      continue;
    }
    const outcome = OUTCOMES[item.event];
    if (outcome === undefined) {
      continue;
    }
    const sessionId = parseAuthenticationSessionId(item.content);
    const named =
      sessionId === undefined
        ? -1
        : prompts.findIndex(
            (prompt) => prompt.sessionId === sessionId && prompt.status === 'pending',
          );
    const target = named >= 0 ? named : sessionId === undefined ? latestPending() : -1;
    if (target >= 0) {
      settle(target, outcome);
    }
  }
  const last = prompts[prompts.length - 1];
  return {
    prompts,
    byItemId: new Map(prompts.map((prompt) => [prompt.itemId, prompt])),
    active: last && last.status === 'pending' && last.sessionId !== undefined ? last : undefined,
  };
}
