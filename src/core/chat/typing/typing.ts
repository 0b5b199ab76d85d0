import { ContentType } from '../../protocol/contentTypes';
import type { Item, ParticipantRole } from '../../protocol/types';
import type { TypingParticipant } from '../transcript/chatItem';

/**
 * How long a typing indicator stays after the last typing event: 12 s (senders throttle typing
 * events to one per 10 s; Connect's own UIs hide the indicator after 12 s).
 *
 * @example
 * ```ts
 * const expiresAt = at + TYPING_TIMEOUT_MS;
 * ```
 */
export const TYPING_TIMEOUT_MS = 12_000;

/**
 * Who is typing, and when the shell's single timer should next call {@link expireTyping}.
 *
 * @example
 * ```ts
 * if (state.nextExpiryAt !== undefined) clock.setTimeout(onExpire, state.nextExpiryAt - clock.now());
 * ```
 */
export interface TypingState {
  /** The participants typing now, in the order they started. Same array while unchanged. */
  readonly participants: readonly TypingParticipant[];
  /** The earliest `expiresAt`, or `undefined` when nobody is typing. */
  readonly nextExpiryAt: number | undefined;
}

/**
 * A typing event as the shell hands it over.
 *
 * @example
 * ```ts
 * state = applyTypingEvent(state, { participantId: 'agent-1', displayName: 'Ana', role: 'AGENT', at: clock.now() }, { ownParticipantId });
 * ```
 */
export interface TypingEvent {
  /** Who typed. */
  participantId: string;
  /** Their display name. */
  displayName?: string;
  /** Their role. */
  role?: ParticipantRole;
  /** When the event arrived, local clock (ms since the epoch). */
  at: number;
}

const EMPTY: TypingState = { participants: [], nextExpiryAt: undefined };

/**
 * The state where nobody is typing.
 *
 * @example
 * ```ts
 * let typing = createTypingState();
 * ```
 */
export function createTypingState(): TypingState {
  return EMPTY;
}

function withParticipants(participants: readonly TypingParticipant[]): TypingState {
  if (participants.length === 0) {
    return EMPTY;
  }
  let next = Infinity;
  for (const participant of participants) {
    next = Math.min(next, participant.expiresAt);
  }
  return { participants, nextExpiryAt: next };
}

/**
 * Records a typing event: the participant is shown as typing until `at + 12 s`. Events from our
 * own participant are ignored (the service fans them back to us).
 *
 * @example
 * ```ts
 * typing = applyTypingEvent(typing, { participantId: 'agent-1', at: clock.now() }, { ownParticipantId });
 * ```
 */
export function applyTypingEvent(
  state: TypingState,
  event: TypingEvent,
  options: { ownParticipantId?: string | undefined; timeoutMs?: number } = {},
): TypingState {
  if (event.participantId === options.ownParticipantId) {
    return state;
  }
  const expiresAt = event.at + (options.timeoutMs ?? TYPING_TIMEOUT_MS);
  const index = state.participants.findIndex((p) => p.participantId === event.participantId);
  const previous = index === -1 ? undefined : state.participants[index];
  const entry: TypingParticipant = {
    participantId: event.participantId,
    displayName: event.displayName ?? previous?.displayName,
    role: event.role ?? previous?.role,
    since: previous && previous.expiresAt > event.at ? previous.since : event.at,
    expiresAt: Math.max(expiresAt, previous?.expiresAt ?? -Infinity),
  };
  if (entry.displayName === undefined) {
    delete entry.displayName;
  }
  if (entry.role === undefined) {
    delete entry.role;
  }
  if (
    previous &&
    previous.since === entry.since &&
    previous.expiresAt === entry.expiresAt &&
    previous.displayName === entry.displayName &&
    previous.role === entry.role
  ) {
    return state;
  }
  const participants =
    index === -1
      ? [...state.participants, entry]
      : state.participants.map((p, i) => (i === index ? entry : p));
  return withParticipants(participants);
}

/**
 * Stops showing a participant as typing (they sent a message, or left).
 *
 * @example
 * ```ts
 * typing = clearTyping(typing, item.participantId);
 * ```
 */
export function clearTyping(state: TypingState, participantId: string): TypingState {
  const participants = state.participants.filter((p) => p.participantId !== participantId);
  return participants.length === state.participants.length ? state : withParticipants(participants);
}

/**
 * Drops the indicators whose time is up (`expiresAt <= now`). Returns the same state when none is.
 *
 * @example
 * ```ts
 * typing = expireTyping(typing, clock.now());
 * ```
 */
export function expireTyping(state: TypingState, now: number): TypingState {
  if (state.nextExpiryAt === undefined || state.nextExpiryAt > now) {
    return state;
  }
  return withParticipants(state.participants.filter((p) => p.expiresAt > now));
}

/**
 * Applies a batch of wire items to the typing state: typing events start or extend an indicator;
 * a message, an attachment or a `participant.left` from someone ends theirs.
 *
 * @example
 * ```ts
 * typing = applyTypingItems(typing, [item], { ownParticipantId, now: clock.now() });
 * ```
 */
export function applyTypingItems(
  state: TypingState,
  items: readonly Item[],
  options: { ownParticipantId?: string | undefined; now: number; timeoutMs?: number },
): TypingState {
  let next = state;
  for (const item of items) {
    const participantId = item.ParticipantId;
    if (!participantId) {
      continue;
    }
    if (item.ContentType === ContentType.typing) {
      next = applyTypingEvent(
        next,
        {
          participantId,
          ...(item.DisplayName ? { displayName: item.DisplayName } : {}),
          ...(item.ParticipantRole ? { role: item.ParticipantRole as ParticipantRole } : {}),
          at: options.now,
        },
        options,
      );
    } else if (
      item.Type === 'MESSAGE' ||
      item.Type === 'ATTACHMENT' ||
      item.ContentType === ContentType.participantLeft ||
      item.ContentType === ContentType.participantAutoDisconnection
    ) {
      next = clearTyping(next, participantId);
    }
  }
  return next;
}
