/**
 * The pure state machine of a web call: `idle → joining → joined ⇄ reconnecting → left | ended |
 * failed`. It knows nothing of Chime: the session shell feeds it the adapter's status events
 * and runs the effects it returns.
 */
import { classifyMeetingStatus } from './meetingStatusCodes';
import type { VideoCallError } from './VideoCallError';

/**
 * Where the call is. `ended` means the other side ended it (or removed this attendee); `left`
 * means this customer left.
 *
 * @example
 * ```ts
 * const inCall = (s: MeetingStatus) => s === 'joined' || s === 'reconnecting';
 * ```
 */
export type MeetingStatus =
  'idle' | 'joining' | 'joined' | 'reconnecting' | 'left' | 'ended' | 'failed';

/**
 * The call's state; `failed` carries a {@link VideoCallError}.
 *
 * @example
 * ```ts
 * if (state.status === 'failed') console.warn(state.error.code);
 * ```
 */
export type MeetingState =
  | { status: 'idle' }
  | { status: 'joining'; videoOff: boolean }
  | { status: 'joined' }
  | { status: 'reconnecting' }
  | { status: 'left' }
  | { status: 'ended'; reason: 'meeting-ended' | 'removed' }
  | { status: 'failed'; error: VideoCallError };

/**
 * What can happen to the call (UPPER_SNAKE machine events). `JOIN`, `LEAVE` and `RESET` come
 * from the customer; the others from the meeting adapter.
 *
 * @example
 * ```ts
 * transition(state, { type: 'STOPPED', statusCode: 5 }); // ended
 * ```
 */
export type MeetingEvent =
  | { type: 'JOIN'; videoOff?: boolean }
  | { type: 'STARTED' }
  | { type: 'CONNECTING'; reconnecting: boolean }
  | { type: 'STOPPED'; statusCode: number }
  | { type: 'JOIN_FAILED'; error: VideoCallError }
  | { type: 'LEAVE' }
  | { type: 'RESET' };

/**
 * Work the shell must do: join (and start) the meeting, or leave it and release the media.
 *
 * @example
 * ```ts
 * for (const effect of step.effects) if (effect.type === 'join') void adapter.join(data, effect);
 * ```
 */
export type MeetingEffect = { type: 'join'; videoOff: boolean } | { type: 'leave' };

/**
 * One step of the machine: the next state and the effects to run.
 *
 * @example
 * ```ts
 * const { state, effects } = transition(idleMeetingState, { type: 'JOIN' });
 * state.status; // 'joining'
 * for (const effect of effects) if (effect.type === 'join') void adapter.join(data, effect);
 * ```
 */
export interface MeetingStep {
  state: MeetingState;
  effects: MeetingEffect[];
}

/**
 * The state before anything happened.
 *
 * @example
 * ```ts
 * let state = idleMeetingState;
 * ```
 */
export const idleMeetingState: MeetingState = { status: 'idle' };

const stay = (state: MeetingState): MeetingStep => ({ state, effects: [] });

function stopped(statusCode: number): MeetingState {
  const outcome = classifyMeetingStatus(statusCode);
  switch (outcome.kind) {
    case 'left':
      return { status: 'left' };
    case 'ended':
      return { status: 'ended', reason: outcome.reason };
    default:
      return { status: 'failed', error: outcome.error };
  }
}

/**
 * The meeting state machine. Events that do not apply to the current state leave it unchanged
 * (for example a late `STOPPED` after the customer left), so the shell can forward every adapter
 * event without filtering.
 *
 * @example
 * ```ts
 * let step = transition(idleMeetingState, { type: 'JOIN' }); // joining, effects [join]
 * step = transition(step.state, { type: 'STARTED' }); // joined
 * step = transition(step.state, { type: 'CONNECTING', reconnecting: true }); // reconnecting
 * ```
 */
export function transition(state: MeetingState, event: MeetingEvent): MeetingStep {
  switch (state.status) {
    case 'idle':
    case 'left':
    case 'failed':
      if (event.type === 'JOIN') {
        const videoOff = event.videoOff === true;
        return { state: { status: 'joining', videoOff }, effects: [{ type: 'join', videoOff }] };
      }
      if (event.type === 'RESET' && state.status !== 'idle') {
        return stay(idleMeetingState);
      }
      return stay(state);
    case 'ended':
      return event.type === 'RESET' ? stay(idleMeetingState) : stay(state);
    case 'joining':
      switch (event.type) {
        case 'STARTED':
          return stay({ status: 'joined' });
        case 'JOIN_FAILED':
          return { state: { status: 'failed', error: event.error }, effects: [{ type: 'leave' }] };
        case 'STOPPED':
          return stay(stopped(event.statusCode));
        case 'LEAVE':
          return { state: { status: 'left' }, effects: [{ type: 'leave' }] };
        default:
          return stay(state);
      }
    case 'joined':
    case 'reconnecting':
      switch (event.type) {
        case 'CONNECTING':
          return event.reconnecting ? stay({ status: 'reconnecting' }) : stay(state);
        case 'STARTED':
          return state.status === 'reconnecting' ? stay({ status: 'joined' }) : stay(state);
        case 'STOPPED':
          return stay(stopped(event.statusCode));
        case 'LEAVE':
          return { state: { status: 'left' }, effects: [{ type: 'leave' }] };
        default:
          return stay(state);
      }
    default:
      return stay(state);
  }
}
