import { useCallback, useRef, useSyncExternalStore } from 'react';

/**
 * Anything with the `subscribe`/`getSnapshot` pair of an external store.
 *
 * @example
 * ```ts
 * const { store } = useChatContext();
 * const count = useSyncExternalStore(store.subscribe, () => store.getSnapshot().items.length);
 * ```
 */
export interface ExternalStore<TSnapshot> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): TSnapshot;
}

interface Memo<TSnapshot, TSelected> {
  snapshot: TSnapshot;
  selected: TSelected;
}

/**
 * Subscribes to a slice of an external store. The component re-renders only when the slice
 * changes by `isEqual`, so a selector may build a new array as long as `isEqual` sees through it.
 * The selector may be an inline function: the latest one is used and its last result is reused
 * while the snapshot is the same object.
 *
 * @example
 * ```ts
 * const typing = useStoreSelector(session, (snapshot) => snapshot.typing);
 * ```
 */
export function useStoreSelector<TSnapshot, TSelected>(
  store: ExternalStore<TSnapshot>,
  selector: (snapshot: TSnapshot) => TSelected,
  isEqual: (a: TSelected, b: TSelected) => boolean = Object.is,
): TSelected {
  const memoRef = useRef<Memo<TSnapshot, TSelected> | undefined>(undefined);
  const selectorRef = useRef(selector);
  const isEqualRef = useRef(isEqual);
  // A new selector may select something else: drop the memo so it runs again on this render.
  if (selectorRef.current !== selector) {
    selectorRef.current = selector;
    if (memoRef.current) {
      memoRef.current = { ...memoRef.current, snapshot: undefined as TSnapshot };
    }
  }
  isEqualRef.current = isEqual;

  const getSelection = useCallback((): TSelected => {
    const snapshot = store.getSnapshot();
    const memo = memoRef.current;
    if (memo && Object.is(memo.snapshot, snapshot)) {
      return memo.selected;
    }
    const next = selectorRef.current(snapshot);
    if (memo && isEqualRef.current(memo.selected, next)) {
      memoRef.current = { snapshot, selected: memo.selected };
      return memo.selected;
    }
    memoRef.current = { snapshot, selected: next };
    return next;
  }, [store]);

  // Called through the store so a session object whose methods use `this` keeps working.
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  return useSyncExternalStore(subscribe, getSelection, getSelection);
}
