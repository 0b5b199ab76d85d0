import type { View } from '../../core/protocol/types';
import { createStore } from '../../core/store';
import type { Store } from '../../core/store';

/**
 * How the customer answered a shown view in this page: with one of its actions, or with text
 * typed in the composer while it was shown (protocol §7.7). Interactive responses are not
 * transcript rows, so the view remembers its answer here.
 *
 * @example
 * ```ts
 * const { answer } = useView(item);
 * const answered = answer?.kind === 'action' ? answer.action : answer?.text;
 * ```
 */
export type ViewAnswer = { kind: 'action'; action: string } | { kind: 'text'; text: string };

interface SessionViews {
  readonly answers: Store<ReadonlyMap<string, ViewAnswer>>;
  readonly views: Map<string, Promise<View>>;
}

const bySession = new WeakMap<object, SessionViews>();

function of(session: object): SessionViews {
  let entry = bySession.get(session);
  if (!entry) {
    entry = { answers: createStore<ReadonlyMap<string, ViewAnswer>>(new Map()), views: new Map() };
    bySession.set(session, entry);
  }
  return entry;
}

/** The answer given to the view of item `itemId` in this page, if any. */
export function viewAnswerOf(session: object, itemId: string): ViewAnswer | undefined {
  return of(session).answers.getSnapshot().get(itemId);
}

/** Remembers the answer to the view of `itemId` and tells the views. */
export function recordViewAnswer(session: object, itemId: string, answer: ViewAnswer): void {
  of(session).answers.set((answers) => new Map(answers).set(itemId, answer));
}

/** Forgets an answer that could not be sent, so the view opens again. */
export function forgetViewAnswer(session: object, itemId: string): void {
  of(session).answers.set((answers) => {
    if (!answers.has(itemId)) {
      return answers;
    }
    const next = new Map(answers);
    next.delete(itemId);
    return next;
  });
}

/** Calls `listener` when an answer of this session changes; returns the unsubscribe. */
export function subscribeViewAnswers(session: object, listener: () => void): () => void {
  return of(session).answers.subscribe(listener);
}

/**
 * DescribeView once per token and session: a row scrolled away and mounted again does not load
 * its view again. A failed load is forgotten so that a retry asks again.
 */
export function loadView(
  session: object,
  viewToken: string,
  describe: (viewToken: string) => Promise<View>,
): Promise<View> {
  const { views } = of(session);
  let pending = views.get(viewToken);
  if (!pending) {
    pending = describe(viewToken);
    views.set(viewToken, pending);
    pending.catch(() => {
      if (views.get(viewToken) === pending) {
        views.delete(viewToken);
      }
    });
  }
  return pending;
}
