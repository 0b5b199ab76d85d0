import type { ChatSnapshot } from '../../core/chat/session/chatSession';
import { useCallback } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';

import { useChatContext } from '../context/ChatSessionContext';
import { shallowEqual } from '../internal/shallowEqual';
import { useStoreSelector } from './internal/useStoreSelector';

/**
 * Options of {@link useTranscript}.
 *
 * @example
 * ```tsx
 * const { items: ids } = useTranscript({
 *   select: (items) => items.map((i) => i.id),
 *   isEqual: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]),
 * });
 * ```
 */
export interface UseTranscriptOptions<TSelected> {
  /**
   * Picks what the component needs from the items; it re-renders only when that changes (by
   * `isEqual`). Defaults to all items.
   */
  select?: (items: readonly ChatItem[]) => TSelected;
  /** Compares two selections. Defaults to a shallow comparison (array entries by identity). */
  isEqual?: (a: TSelected, b: TSelected) => boolean;
}

/**
 * What {@link useTranscript} returns.
 *
 * @example
 * ```tsx
 * const { items, hasOlder, isLoadingOlder, loadOlder } = useTranscript();
 * return hasOlder ? (
 *   <button disabled={isLoadingOlder} onClick={() => loadOlder()}>
 *     Earlier messages ({items.length} shown)
 *   </button>
 * ) : null;
 * ```
 */
export interface UseTranscriptResult<TSelected = readonly ChatItem[]> {
  /** The items (or what `select` made of them), oldest first. */
  items: TSelected;
  /** Whether older items can be loaded. */
  hasOlder: boolean;
  /** True while {@link UseTranscriptResult.loadOlder} runs. */
  isLoadingOlder: boolean;
  /** Loads one older page; resolves `false` when there was nothing more. */
  loadOlder: () => Promise<boolean>;
  /** Sends a failed message or attachment again, by its `localId`; `false` if it cannot be. */
  retry: (localId: string) => boolean;
}

const selectItems = (snapshot: ChatSnapshot) => snapshot.items;
const selectHasOlder = (snapshot: ChatSnapshot) => snapshot.hasOlder;
const selectLoadingOlder = (snapshot: ChatSnapshot) => snapshot.loadingOlder;

/**
 * The transcript: messages, attachments and events, oldest first. Unchanged items keep their
 * identity, so rows wrapped in `React.memo` do not re-render when a new message arrives; typing
 * and connection changes do not re-render the transcript at all.
 *
 * @example
 * ```tsx
 * const Row = memo(function Row({ item }: { item: ChatItem }) {
 *   return <li data-message-id={item.id}>{item.content}</li>;
 * });
 *
 * function Transcript() {
 *   const { items, hasOlder, loadOlder } = useTranscript();
 *   return (
 *     <ol role="log">
 *       {hasOlder && <button onClick={() => loadOlder()}>Earlier messages</button>}
 *       {items.map((item) => <Row key={item.localId ?? item.id} item={item} />)}
 *     </ol>
 *   );
 * }
 *
 * // Only the number of agent messages:
 * const { items: count } = useTranscript({
 *   select: (items) => items.filter((i) => i.role === 'AGENT').length,
 * });
 * ```
 */
export function useTranscript<TSelected = readonly ChatItem[]>(
  options: UseTranscriptOptions<TSelected> = {},
): UseTranscriptResult<TSelected> {
  const { session, store } = useChatContext();
  const { select, isEqual = shallowEqual } = options;
  const selector = useCallback(
    (snapshot: ChatSnapshot) =>
      select ? select(selectItems(snapshot)) : (selectItems(snapshot) as TSelected),
    [select],
  );
  const items = useStoreSelector(store, selector, isEqual);
  const hasOlder = useStoreSelector(store, selectHasOlder);
  const isLoadingOlder = useStoreSelector(store, selectLoadingOlder);

  const loadOlder = useCallback(async () => (session ? session.loadOlder() : false), [session]);

  const retry = useCallback((localId: string) => session?.retry(localId) ?? false, [session]);

  return { items, hasOlder, isLoadingOlder, loadOlder, retry };
}
