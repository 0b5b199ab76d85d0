import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import type { ViewResourceTemplate } from '../../core/chat/interactive/interactiveTemplate';
import { resolveView } from '../../core/chat/view/resolveView';
import type { ResolvedView } from '../../core/chat/view/resolveView';
import { viewStatus } from '../../core/chat/view/viewStatus';
import type { ViewStatus } from '../../core/chat/view/viewStatus';
import { ChatError } from '../../core/protocol/errors';
import { useChatContext } from '../context/ChatSessionContext';
import {
  forgetViewAnswer,
  loadView,
  recordViewAnswer,
  subscribeViewAnswers,
  viewAnswerOf,
} from '../internal/viewAnswers';
import type { ViewAnswer } from '../internal/viewAnswers';
import { useInteractiveMessage } from './useInteractiveMessage';
import { useTranscript } from './useTranscript';

/**
 * How far loading the view got: `loading` (DescribeView running), `ready`, or `failed` (see
 * `error`; `reload()` tries again).
 *
 * @example
 * ```ts
 * const spinner = (load: ViewLoadStatus) => load === 'loading';
 * ```
 */
export type ViewLoadStatus = 'loading' | 'ready' | 'failed';

/**
 * The state of the view's answer: `open`, `answered` (an action or typed text went out, or a later
 * own message), `expired` (the other side went on: the Show view block timed out), `failed` (the
 * answer could not be sent; open again).
 *
 * @example
 * ```ts
 * const locked = (state: ViewAnswerState) => state === 'answered' || state === 'expired';
 * ```
 */
export type ViewAnswerState = ViewStatus | 'failed';

/**
 * What {@link useView} returns.
 *
 * @example
 * ```tsx
 * const { load, view, act, isLocked } = useView(item);
 * if (load !== 'ready' || !view) return null;
 * return <ViewBody view={view} locked={isLocked} onAction={act} />;
 * ```
 */
export interface UseViewResult {
  /** The ViewResource template of the item; `undefined` for any other item. */
  template: ViewResourceTemplate | undefined;
  load: ViewLoadStatus;
  /** The view with its data bindings resolved, once `load` is `ready`. */
  view: ResolvedView | undefined;
  /** Why loading failed (a `ChatError`). */
  error: ChatError | undefined;
  state: ViewAnswerState;
  /** `answered` or `expired`: actions must not be sent any more. */
  isLocked: boolean;
  /** The answer given in this page, if any. */
  answer: ViewAnswer | undefined;
  /**
   * Sends an action with the view's output (protocol §7.7: `{action, data: output,
   * templateType: 'ViewResource', version: '1.0'}`); `false` when the view is locked. Throws a
   * `TypeError` for an empty action.
   */
  act: (action: string, output?: Readonly<Record<string, unknown>>) => boolean;
  /** Loads the view again after a failure. */
  reload: () => void;
}

const noSubscribe = () => () => undefined;

/**
 * A headless step-by-step guide (Show view block, protocol §7.6): for a ViewResource message it
 * calls DescribeView with the message's `viewToken`, resolves the view's template against its
 * `viewData`, and sends the customer's action with the form output. The answer locks the view, and
 * so does a later message from the other side (the block timed out). For apps with their own UI.
 *
 * @example
 * ```tsx
 * function Guide({ item }: { item: ChatItem }) {
 *   const { load, view, act, isLocked } = useView(item);
 *   if (load !== 'ready' || !view) return <p>Loading…</p>;
 *   return (
 *     <section aria-label={view.title}>
 *       {view.actions.map((action) => (
 *         <button key={action} disabled={isLocked} onClick={() => act(action)}>{action}</button>
 *       ))}
 *     </section>
 *   );
 * }
 * ```
 */
export function useView(item: ChatItem): UseViewResult {
  const { session } = useChatContext();
  const { template: anyTemplate, respond, status } = useInteractiveMessage(item);
  const template = anyTemplate?.templateType === 'ViewResource' ? anyTemplate : undefined;
  const viewToken = template?.data.content.viewToken;
  const viewData = template?.data.content.viewData;
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<{
    key: string;
    view?: ResolvedView;
    error?: ChatError;
  }>();

  const key = `${viewToken ?? ''}#${attempt}`;
  useEffect(() => {
    if (viewToken === undefined || !session) {
      return;
    }
    const describe = session.describeView?.bind(session);
    if (!describe) {
      setLoaded({
        key,
        error: new ChatError('INTERACTIVE_INVALID', 'This session cannot load views'),
      });
      return;
    }
    let live = true;
    loadView(session, viewToken, describe).then(
      (view) => {
        if (!live) {
          return;
        }
        const result = resolveView(view, viewData);
        setLoaded(result.ok ? { key, view: result.view } : { key, error: result.error });
      },
      (cause: unknown) => {
        if (live) {
          const error =
            cause instanceof ChatError
              ? cause
              : new ChatError('CONNECTION_LOST', 'Could not load the view');
          setLoaded({ key, error });
        }
      },
    );
    return () => {
      live = false;
    };
  }, [session, viewToken, viewData, key]);

  const select = useCallback((items: readonly ChatItem[]) => viewStatus(items, item), [item]);
  const { items: verdict } = useTranscript({ select });

  const subscribe = useCallback(
    (listener: () => void) => (session ? subscribeViewAnswers(session, listener) : () => undefined),
    [session],
  );
  const answer = useSyncExternalStore(
    session ? subscribe : noSubscribe,
    () => (session ? viewAnswerOf(session, item.id) : undefined),
    () => undefined,
  );

  const failed = status === 'failed' && answer === undefined;
  const state: ViewAnswerState =
    answer !== undefined || verdict === 'answered' ? 'answered' : failed ? 'failed' : verdict;
  const isLocked = state === 'answered' || state === 'expired';

  const act = useCallback(
    (action: string, output?: Readonly<Record<string, unknown>>): boolean => {
      if (action === '') {
        throw new TypeError('useView: action must not be empty');
      }
      if (isLocked || !session) {
        return false;
      }
      recordViewAnswer(session, item.id, { kind: 'action', action });
      try {
        return respond(output === undefined ? { action } : { action, output });
      } catch {
        // useInteractiveMessage keeps the error as `failed`: the view opens again for another try.
        forgetViewAnswer(session, item.id);
        return false;
      }
    },
    [isLocked, session, item.id, respond],
  );

  const current = loaded?.key === key ? loaded : undefined;
  return {
    template,
    load: current?.view ? 'ready' : current?.error ? 'failed' : 'loading',
    view: current?.view,
    error: current?.error,
    state,
    isLocked,
    answer,
    act,
    reload: () => setAttempt((value) => value + 1),
  };
}
