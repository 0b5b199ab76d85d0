import type { Logger } from './logger';

/**
 * The kit's one store primitive: a value, its listeners, and `set`, in the shape React's
 * `useSyncExternalStore` (and any other binding) subscribes to. Every store of the kit (the chat
 * session's snapshot, the contact, the video call, the widget's loader) is one of these.
 *
 * @example
 * ```ts
 * const store = createStore(0);
 * const stop = store.subscribe(() => console.log(store.getSnapshot()));
 * store.set((n) => n + 1);
 * stop();
 * ```
 */
export interface Store<TState> {
  getSnapshot(): TState;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Replaces the value and notifies, unless the new value is the same object. */
  set(next: TState | ((previous: TState) => TState)): void;
}

/**
 * Options of {@link createStore}.
 *
 * @example
 * ```ts
 * const snapshot = createStore(initialSnapshot, { logger: defaultLogger, name: 'chat session' });
 * ```
 */
export interface StoreOptions {
  /**
   * Where a listener that throws is reported; the other listeners still run. Without one, the
   * first error is thrown after every listener ran.
   */
  readonly logger?: Logger | undefined;
  /** Names the store in those reports. */
  readonly name?: string | undefined;
}

/**
 * Creates a {@link Store} holding `initial`.
 *
 * @example
 * ```ts
 * const counter = createStore(0);
 * counter.set((n) => n + 1);
 * counter.getSnapshot(); // 1
 * ```
 */
export function createStore<TState>(initial: TState, options: StoreOptions = {}): Store<TState> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    set(next) {
      const value =
        typeof next === 'function' ? (next as (previous: TState) => TState)(state) : next;
      if (Object.is(value, state)) {
        return;
      }
      state = value;
      let failure: { error: unknown } | undefined;
      for (const listener of [...listeners]) {
        try {
          listener();
        } catch (error) {
          if (options.logger) {
            options.logger.error(`A ${options.name ?? 'store'} listener threw`, error);
          } else {
            failure ??= { error };
          }
        }
      }
      if (failure) {
        throw failure.error;
      }
    },
  };
}
