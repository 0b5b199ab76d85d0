import { useLayoutEffect, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import { MessageBubble, buildRows, useFormatter, useTranscript } from 'contact-kit';
import type { MessageListProps } from 'contact-kit';

/**
 * Bench only: the transcript without virtualization. Every row of `buildRows` is in the DOM as a
 * `MessageBubble` (day separators as a plain line), and the list follows the newest message like
 * `MessageList` does. It stands in for `MessageList` through `ChatWidget`'s `components` prop, so
 * the "with" and "without" rows of part 2 differ only in the list.
 *
 * @example
 * ```tsx
 * <ChatWidget session={session} defaultOpen components={{ MessageList: PlainMessageList }} />
 * ```
 */
export function PlainMessageList(props: MessageListProps): ReactNode {
  const { style, className } = props;
  const format = useFormatter();
  const { items, hasOlder } = useTranscript();
  const rows = useMemo(
    () => buildRows(items, { hasOlder, dayKey: format.dayKey }),
    [items, hasOlder, format],
  );
  const scroller = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element) {
      element.scrollTop = element.scrollHeight;
    }
  }, [rows]);
  return (
    <div
      ref={scroller}
      role="log"
      aria-label="Transcript"
      className={className}
      style={{ ...style, flex: '1 1 auto', minHeight: 0, overflowY: 'auto' }}
    >
      {rows.map((row) =>
        row.kind === 'item' ? (
          <div key={row.key} data-message-id={row.item.id} style={{ paddingBottom: 2 }}>
            <MessageBubble item={row.item} showSender={row.groupStart} showMeta={row.groupEnd} />
          </div>
        ) : (
          <div key={row.key} role="separator">
            {row.kind === 'day' ? format.date(row.time) : null}
          </div>
        ),
      )}
    </div>
  );
}
