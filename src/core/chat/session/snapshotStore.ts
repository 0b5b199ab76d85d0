import type { Logger } from '../../logger';

/**
 * An immutable value that listeners watch as a whole, shaped for `useSyncExternalStore`: it keeps
 * the very same object until one of its members changes, and only then tells the listeners.
 *
 * @example
 * ```ts
 * const store: SnapshotStore<{ count: number }> = createSnapshotStore(() => ({ count }), logger);
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
  let snapshot: TSnapshot | undefined;
  const listeners = new Set<() => void>();

  function rebuild(): TSnapshot {
    const next = build();
    const previous = snapshot;
    if (
      previous !== undefined &&
      (Object.keys(next) as Array<keyof TSnapshot>).every((key) => previous[key] === next[key])
    ) {
      return previous;
    }
    return Object.freeze(next);
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot() {
      if (snapshot === undefined) {
        snapshot = rebuild();
      }
      return snapshot;
    },
    publish() {
      const next = rebuild();
      if (next === snapshot) {
        return;
      }
      snapshot = next;
      for (const listener of [...listeners]) {
        try {
          listener();
        } catch (error) {
          logger.error('A chat session listener threw', error);
        }
      }
    },
  };
}
