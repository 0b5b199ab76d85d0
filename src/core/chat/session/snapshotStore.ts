import type { Logger } from '../../logger';
import { createStore } from '../../store';
import type { Store } from '../../store';

/**
 * An immutable value that listeners watch as a whole, shaped for `useSyncExternalStore`: it keeps
 * the very same object until one of its members changes, and only then tells the listeners.
 *
 * @example
 * ```ts
 * const store = createSnapshotStore(() => ({ count }), logger);
 * const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
 * ```
 */
export interface SnapshotStore<TSnapshot extends object> {
  /** Calls `listener` after every snapshot change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The current snapshot (built on first use). */
  getSnapshot(): TSnapshot;
  /** Rebuilds the snapshot and notifies the listeners when a member is no longer the same. */
  publish(): void;
}

/**
 * Creates a {@link SnapshotStore} over `build`, which reads the current state into a fresh object.
 * Members are compared by identity, so `build` must return the same member objects for unchanged
 * parts. A listener that throws is logged and does not stop the others.
 *
 * @example
 * ```ts
 * let count = 0;
 * const store = createSnapshotStore(() => ({ count }), defaultLogger);
 * store.subscribe(() => console.log(store.getSnapshot().count));
 * count += 1;
 * store.publish(); // logs 1
 * ```
 */
export function createSnapshotStore<TSnapshot extends object>(
  build: () => TSnapshot,
  logger: Logger,
): SnapshotStore<TSnapshot> {
  // Built on first use: `build` may read state its owner sets up after creating the store.
  let store: Store<TSnapshot> | undefined;
  const current = (): Store<TSnapshot> =>
    (store ??= createStore(Object.freeze(build()), { logger, name: 'chat session' }));

  return {
    subscribe: (listener) => current().subscribe(listener),
    getSnapshot: () => current().getSnapshot(),
    publish() {
      const previous = current().getSnapshot();
      const next = build();
      if (
        (Object.keys(next) as Array<keyof TSnapshot>).every((key) => previous[key] === next[key])
      ) {
        return;
      }
      current().set(Object.freeze(next));
    },
  };
}
