import { useEffect, useRef, useState } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import { isIncomingItem } from '../../core/chat/contact/readMarker';
import { changedRange } from '../../core/chat/transcript/changedRange';

/**
 * One line for the transcript's live region.
 *
 * @example
 * ```ts
 * const announcements = useArrivalAnnouncements(items, { describe, summarise });
 * announcements.map((line) => <p key={line.key}>{line.text}</p>); // 'Sam: Your order ships today.'
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
 * const announcements = useArrivalAnnouncements(items, {
 *   describe: (item) => `${item.displayName}: ${item.content}`,
 *   summarise: (count) => `${count} new messages`,
 * });
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
  // Ids of items that left the transcript since the first look (undefined before it).
  const gone = useRef<Set<string> | undefined>(undefined);
  // The items of the last look: only what changed since can be an arrival.
  const looked = useRef<readonly ChatItem[]>([]);
  const counter = useRef(0);
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    const left = gone.current;
    if (left === undefined) {
      // What is there on mount is not news. Nothing is indexed: an item still in the transcript
      // is unchanged or replaced inside the changed window, so the window's previous versions and
      // the items that left are all it takes to know what is new (an index of every id cost the
      // mount a pass over the transcript; issue #17).
      gone.current = new Set();
      looked.current = items;
      return;
    }
    const before = looked.current;
    const { start, removed, inserted } = changedRange(before, items);
    looked.current = items;
    const replaced = new Set<string>();
    for (let index = start; index < start + removed; index += 1) {
      replaced.add(before[index]!.id);
    }
    const kept = new Set<string>();
    const arrived: ChatItem[] = [];
    for (let index = start; index < start + inserted; index += 1) {
      const item = items[index]!;
      kept.add(item.id);
      if (replaced.has(item.id) || left.has(item.id)) {
        continue;
      }
      replaced.add(item.id);
      if (isIncomingItem(item) && !item.fromHistory) {
        arrived.push(item);
      }
    }
    for (let index = start; index < start + removed; index += 1) {
      const { id } = before[index]!;
      if (!kept.has(id)) {
        left.add(id);
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
