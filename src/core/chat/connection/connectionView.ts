import type { ChatConnectionView } from '../session/chatSession';
import type { ConnectionState } from './connectionMachine';

/**
 * What the UI shows of the connection machine's state: status, attempt and error only. Returns
 * `previous` itself when none of those changed, so the snapshot stays the same object.
 *
 * @example
 * ```ts
 * view = connectionView(driver.state, view);
 * if (view.status === 'reconnecting') showBanner(view.attempt);
 * ```
 */
export function connectionView(
  state: ConnectionState,
  previous: ChatConnectionView | undefined,
): ChatConnectionView {
  let next: ChatConnectionView;
  switch (state.status) {
    case 'connecting':
    case 'reconnecting':
      next = { status: state.status, attempt: state.attempt, error: state.error };
      break;
    case 'failed':
      next = { status: 'failed', attempt: 0, error: state.error };
      break;
    default:
      next = { status: state.status, attempt: 0, error: undefined };
  }
  return previous !== undefined &&
    previous.status === next.status &&
    previous.attempt === next.attempt &&
    previous.error === next.error
    ? previous
    : Object.freeze(next);
}
