/**
 * A minimal external store for `useSyncExternalStore`: `set` replaces the state and notifies only
 * when the new state is a different object.
 *
 * @example
 * ```ts
 * const store: Store<number> = createStore(0);
 * ```
 */
export interface Store<TState> {
  getSnapshot(): TState;
  subscribe(listener: () => void): () => void;
  set(next: TState | ((previous: TState) => TState)): void;
}

/**
 * Creates a {@link Store} holding `initial`.
 *
 * @example
 * ```ts
 * const counter = createStore(0);
 * counter.set((n) => n + 1);
 * ```
 */
export function createStore<TState>(initial: TState): Store<TState> {
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
      for (const listener of [...listeners]) {
        listener();
      }
    },
  };
}
