import { useEffect, useRef, useState } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import { isIncomingItem } from '../../core/chat/contact/readMarker';
import { changedRange } from '../../core/chat/transcript/changedRange';

/**
 * One line for the transcript's live region.
 *
 * @example
 * ```ts
 * const line: Announcement = { key: 3, text: 'Sam: Your order ships today.' };
 * ```
 */
export interface Announcement {
  readonly key: number;
  readonly text: string;
}

/**
 * Options of {@link useArrivalAnnouncements}: how one arrival and a burst read.
 *
 * @example
 * ```ts
 * const options: UseArrivalAnnouncementsOptions = {
 *   describe: (item) => `${item.displayName}: ${item.content}`,
 *   summarise: (count) => `${count} new messages`,
 * };
 * ```
 */
export interface UseArrivalAnnouncementsOptions {
  describe: (item: ChatItem) => string;
  summarise: (count: number) => string;
  /** More arrivals than this in one update read as one summary. Defaults to 3. */
  burst?: number;
}

/** How many lines the region keeps (older ones leave, so it never grows). */
const KEPT = 3;

/**
 * What the transcript's live region says: each message or attachment from someone else, once,
 * when it arrives. History (the first page, older pages, a past contact) and the customer's own
 * sends are never announced, so mounting rows while scrolling back stays silent; a burst of
 * arrivals in one update reads as one summary.
 *
 * @example
 * ```tsx
 * const lines = useArrivalAnnouncements(items, { describe, summarise });
 * <div aria-live="polite">{lines.map((line) => <p key={line.key}>{line.text}</p>)}</div>
 * ```
 */
export function useArrivalAnnouncements(
  items: readonly ChatItem[],
  options: UseArrivalAnnouncementsOptions,
): readonly Announcement[] {
  const [lines, setLines] = useState<readonly Announcement[]>([]);
  const seen = useRef<Set<string> | undefined>(undefined);
  // The items of the last look: only what changed since can be an arrival.
  const looked = useRef<readonly ChatItem[]>([]);
  const counter = useRef(0);
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    const known = seen.current;
    if (known === undefined) {
      // What is there on mount is not news.
      seen.current = new Set(items.map((item) => item.id));
      looked.current = items;
      return;
    }
    const { start, inserted } = changedRange(looked.current, items);
    looked.current = items;
    const arrived: ChatItem[] = [];
    for (let index = start; index < start + inserted; index += 1) {
      const item = items[index]!;
      if (known.has(item.id)) {
        continue;
      }
      known.add(item.id);
      if (isIncomingItem(item) && !item.fromHistory) {
        arrived.push(item);
      }
    }
    if (arrived.length === 0) {
      return;
    }
    const { describe, summarise, burst = 3 } = latest.current;
    const texts = arrived.length > burst ? [summarise(arrived.length)] : arrived.map(describe);
    setLines((previous) =>
      [...previous, ...texts.map((text) => ({ key: (counter.current += 1), text }))].slice(-KEPT),
    );
  }, [items]);

  return lines;
}
