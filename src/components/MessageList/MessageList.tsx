import {
  forwardRef,
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ComponentPropsWithoutRef, ComponentType, ReactNode } from 'react';
import { useFormatter, useMessages } from '../../i18n/I18nProvider';
import { useTranscript } from '../../react/hooks/useTranscript';
import { useUnreadCount } from '../../react/hooks/useUnreadCount';
import type { GetAttachmentUrl } from '../AttachmentView/useAttachmentUrlGetter';
import { useComponentOverrides } from '../WithComponents/WithComponents';
import { updateRows } from './buildRows';
import type { TranscriptRow, TranscriptRows } from './buildRows';
import { DaySeparator } from './DaySeparator';
import type { DaySeparatorProps } from './DaySeparator';
import { MessageRow } from './MessageRow';
import type { MessageRowProps } from './MessageRow';
import type { InteractiveRenderer } from './InteractiveRendererContext';
import { RowErrorBoundary } from './RowErrorBoundary';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';
import { useArrivalAnnouncements } from './useArrivalAnnouncements';
import { useWindowedRows } from './useWindowedRows';
import * as S from './MessageList.styles';

/**
 * Where the reader is: following the newest message (`at-bottom`), or reading older ones
 * (`scrolled-up`, where new messages show a jump button instead of moving the view).
 *
 * @example
 * ```ts
 * const following = (state: MessageListState) => state === 'at-bottom';
 * ```
 */
export type MessageListState = 'empty' | 'at-bottom' | 'scrolled-up';

/**
 * Props of {@link MessageList}; other props go to its root `<div>`.
 *
 * @example
 * ```tsx
 * <MessageList renderInteractive={(item) => <InteractiveMessage item={item} />} />
 * ```
 */
export interface MessageListProps extends ComponentPropsWithoutRef<'div'> {
  /** Renders interactive messages. Defaults to the `InteractiveRendererContext` value. */
  renderInteractive?: InteractiveRenderer;
  /** Resolves attachment download URLs. Defaults to the session's `getAttachmentUrl`. */
  getAttachmentUrl?: GetAttachmentUrl;
  /** Estimated row height in px before a row is measured. Defaults to `64`. */
  estimateRowHeight?: number;
  /** Rows rendered beyond the visible ones on each side. Defaults to `6`. */
  overscan?: number;
  /** Distance from the end, in px, that still counts as "at the bottom". Defaults to `48`. */
  bottomThreshold?: number;
  /** Sends a read receipt for the newest message while the reader is at the bottom. Defaults to `true`. */
  markAsRead?: boolean;
}

/**
 * What a `ref` on {@link MessageList} exposes.
 *
 * @example
 * ```tsx
 * const list = useRef<MessageListHandle>(null);
 * list.current?.scrollToBottom();
 * ```
 */
export interface MessageListHandle {
  /** Scrolls to the newest message and follows new ones again. */
  scrollToBottom: () => void;
  /** The scrolling element (the `role="log"`). */
  readonly element: HTMLDivElement | null;
}

/**
 * The transcript as a virtualized `role="log"`: only the rows in view (plus a few) are in the
 * DOM, so 10,000 messages stay cheap. It follows new messages while the reader is at the bottom;
 * after they scroll up, new messages raise a "new messages" button instead. Scrolling to the top
 * loads older history. Messages are grouped by sender, with day separators and centred notes for
 * events. Each row carries `data-message-id`. A row that fails to render shows a neutral note
 * in its place; the other rows and the chat carry on.
 *
 * @example
 * ```tsx
 * <ChatProvider>
 *   <ContactKitThemeProvider style={{ height: 480 }}>
 *     <MessageList />
 *     <Composer />
 *   </ContactKitThemeProvider>
 * </ChatProvider>
 * ```
 */
export const MessageList = /* @__PURE__ */ forwardRef<MessageListHandle, MessageListProps>(
  function MessageList(props, ref) {
    const {
      renderInteractive,
      getAttachmentUrl,
      estimateRowHeight = 64,
      overscan = 6,
      bottomThreshold = 48,
      markAsRead = true,
      ...rest
    } = props;
    const t = useMessages();
    const format = useFormatter();
    const { MessageRow: Row = MessageRow, DaySeparator: Day = DaySeparator } =
      useComponentOverrides();
    const { items, hasOlder, isLoadingOlder, loadOlder } = useTranscript();
    const { markAllRead } = useUnreadCount();
    // Day keys are remembered per timestamp while the formatter stays the same, so appending one
    // message formats one date instead of every date of the transcript again.
    const dayKey = useMemo(() => {
      const known = new Map<string, string>();
      return (time: string): string => {
        let key = known.get(time);
        if (key === undefined) {
          key = format.dayKey(time);
          known.set(time, key);
        }
        return key;
      };
    }, [format]);
    // Rows are built from the previous version by touching only the changed items (updateRows), so
    // an append costs the same at 100 items as at 100,000.
    const model = useRef<TranscriptRows | undefined>(undefined);
    const { rows, keys } = useMemo(
      () => (model.current = updateRows(model.current, items, { hasOlder, dayKey })),
      [items, hasOlder, dayKey],
    );
    const announcements = useArrivalAnnouncements(items, {
      describe: (item) => {
        const name = item.displayName ?? t('agent');
        const file = item.attachments?.[0]?.name;
        return item.type === 'attachment' && file !== undefined
          ? t('announceAttachment', { name, file })
          : t('announceMessage', { name, text: item.content ?? '' });
      },
      summarise: (count) => t('newMessages', { count }),
    });

    const scrollRef = useRef<HTMLDivElement>(null);
    const [atBottom, setAtBottom] = useState(true);
    const atBottomRef = useRef(true);
    const [unseen, setUnseen] = useState(0);
    const [olderFailed, setOlderFailed] = useState(false);
    const loadingRef = useRef(false);
    const lastScrollTop = useRef(0);

    const lastIndex = rows.length - 1;
    const windowed = useWindowedRows({
      keys,
      scrollRef,
      estimateSize: estimateRowHeight,
      overscan,
      endThreshold: bottomThreshold,
    });
    const { scrollToEnd, totalSize } = windowed;

    const scrollToBottom = useCallback(() => {
      if (lastIndex < 0) {
        return;
      }
      atBottomRef.current = true;
      setAtBottom(true);
      setUnseen(0);
      // An instant jump: smooth scrolling a long list is slow and ignores reduced motion.
      scrollToEnd();
    }, [lastIndex, scrollToEnd]);

    useImperativeHandle(
      ref,
      () => ({
        scrollToBottom,
        get element() {
          return scrollRef.current;
        },
      }),
      [scrollToBottom],
    );

    const maybeLoadOlder = useCallback(() => {
      if (!hasOlder || isLoadingOlder || loadingRef.current || olderFailed) {
        return;
      }
      loadingRef.current = true;
      loadOlder().then(
        () => {
          loadingRef.current = false;
        },
        () => {
          loadingRef.current = false;
          // No automatic retry loop: the "Load earlier messages" button stays for the reader.
          setOlderFailed(true);
        },
      );
    }, [hasOlder, isLoadingOlder, loadOlder, olderFailed]);

    const onWindowScroll = windowed.onScroll;
    const onScroll = useCallback(() => {
      const element = scrollRef.current;
      if (!element) {
        return;
      }
      onWindowScroll();
      const distance = totalSize - element.scrollTop - element.clientHeight;
      const bottom = distance <= bottomThreshold;
      if (bottom !== atBottomRef.current) {
        atBottomRef.current = bottom;
        setAtBottom(bottom);
      }
      if (bottom) {
        setUnseen(0);
      }
      // Only a move upwards near the top loads history: the first layout passes also fire
      // scroll events at offset 0, before the list has settled at the bottom.
      const movedUp = element.scrollTop < lastScrollTop.current;
      lastScrollTop.current = element.scrollTop;
      if (movedUp && element.scrollTop <= estimateRowHeight * 2) {
        maybeLoadOlder();
      }
    }, [onWindowScroll, totalSize, bottomThreshold, estimateRowHeight, maybeLoadOlder]);

    // New rows at the end: follow them at the bottom (or after an own send), count them otherwise.
    const lastKey = rows.at(lastIndex)?.key;
    const previous = useRef<{
      lastKey: string | number | undefined;
    }>({
      lastKey: undefined,
    });
    useIsomorphicLayoutEffect(() => {
      const before = previous.current;
      previous.current = { lastKey };
      if (lastKey === undefined || lastKey === before.lastKey) {
        return;
      }
      const newest = rows.at(lastIndex);
      const ownSend = newest?.kind === 'item' && newest.item.isOwn;
      if (before.lastKey === undefined || atBottomRef.current || ownSend) {
        scrollToBottom();
        return;
      }
      // The rows after the previous last one, counted from the end (they are the few new ones).
      let incoming = 0;
      let index = lastIndex;
      for (; index >= 0 && rows.at(index)!.key !== before.lastKey; index -= 1) {
        const row = rows.at(index)!;
        if (row.kind === 'item' && !row.item.isOwn) {
          incoming += 1;
        }
      }
      if (index < 0) {
        incoming = 0;
      }
      if (incoming > 0) {
        setUnseen((count) => count + incoming);
      }
    }, [lastKey, lastIndex, rows, scrollToBottom]);

    // History shorter than the view: keep loading until it fills the view or runs out.
    useEffect(() => {
      const element = scrollRef.current;
      if (element && element.clientHeight > 0 && totalSize <= element.clientHeight) {
        maybeLoadOlder();
      }
    }, [totalSize, maybeLoadOlder]);

    useEffect(() => {
      if (
        markAsRead &&
        atBottom &&
        items.length > 0 &&
        (typeof document === 'undefined' || document.visibilityState !== 'hidden')
      ) {
        markAllRead();
      }
    }, [markAsRead, atBottom, items, markAllRead]);

    const state: MessageListState =
      items.length === 0 ? 'empty' : atBottom ? 'at-bottom' : 'scrolled-up';
    const today = format.dayKey(new Date());
    const yesterday = format.dayKey(new Date(Date.now() - 86_400_000));
    const onLoadOlder = useCallback(() => {
      setOlderFailed(false);
      loadingRef.current = false;
      void loadOlder().catch(() => setOlderFailed(true));
    }, [loadOlder]);

    return (
      <S.Root data-state={state} {...rest}>
        <S.Scroller
          ref={scrollRef}
          role="log"
          // Rows mount and unmount as the reader scrolls: the log itself stays silent, and
          // arrivals are read once through the announcer below.
          aria-live="off"
          aria-label={t('transcriptLabel')}
          aria-busy={isLoadingOlder || undefined}
          tabIndex={0}
          onScroll={onScroll}
        >
          {items.length === 0 && !hasOlder ? (
            <S.Empty>{t('emptyTranscript')}</S.Empty>
          ) : (
            <S.Sizer style={{ height: totalSize }}>
              {windowed.rows.map(({ index, start }) => {
                const row = rows.at(index);
                if (!row) {
                  return null;
                }
                // Each prop is what that kind of row shows, so a memoized row re-renders only
                // when its own content or place changes (not on every append).
                return (
                  <WindowRow
                    key={row.key}
                    row={row}
                    index={index}
                    start={start}
                    measureRow={windowed.measureRow}
                    isLoadingOlder={row.kind === 'older' && isLoadingOlder}
                    onLoadOlder={row.kind === 'older' ? onLoadOlder : undefined}
                    today={row.kind === 'day' ? today : undefined}
                    yesterday={row.kind === 'day' ? yesterday : undefined}
                    Day={row.kind === 'day' ? Day : undefined}
                    Row={row.kind === 'item' ? Row : undefined}
                    renderInteractive={row.kind === 'item' ? renderInteractive : undefined}
                    getAttachmentUrl={row.kind === 'item' ? getAttachmentUrl : undefined}
                  />
                );
              })}
            </S.Sizer>
          )}
        </S.Scroller>
        <S.Announcer aria-live="polite" aria-atomic="false" data-announcer="">
          {announcements.map((line) => (
            <p key={line.key}>{line.text}</p>
          ))}
        </S.Announcer>
        {!atBottom && items.length > 0 && (
          <S.Jump type="button" onClick={scrollToBottom} data-unseen={unseen}>
            {unseen > 0 ? t('newMessages', { count: unseen }) : t('jumpToLatest')}
          </S.Jump>
        )}
      </S.Root>
    );
  },
);

interface WindowRowProps {
  row: TranscriptRow;
  index: number;
  start: number;
  measureRow: (element: HTMLElement | null) => void;
  isLoadingOlder: boolean;
  onLoadOlder: (() => void) | undefined;
  today: string | undefined;
  yesterday: string | undefined;
  /** The `DaySeparator` slot (day rows only): slot components keep their identity, so memo holds. */
  Day: ComponentType<DaySeparatorProps> | undefined;
  /** The `MessageRow` slot (item rows only). */
  Row: ComponentType<MessageRowProps> | undefined;
  renderInteractive: InteractiveRenderer | undefined;
  getAttachmentUrl: GetAttachmentUrl | undefined;
}

/** One mounted row of the window, positioned at `start`; re-renders only when its props change. */
const WindowRow = /* @__PURE__ */ memo(function WindowRow(props: WindowRowProps): ReactNode {
  const {
    row,
    index,
    start,
    measureRow,
    Day = DaySeparator,
    Row = MessageRow,
    renderInteractive,
    getAttachmentUrl,
  } = props;
  const t = useMessages();
  const format = useFormatter();
  let content: ReactNode;
  switch (row.kind) {
    case 'older':
      content = (
        <S.Older>
          {props.isLoadingOlder ? (
            <span>{t('loadingOlder')}</span>
          ) : (
            <S.OlderButton type="button" onClick={props.onLoadOlder}>
              {t('loadOlder')}
            </S.OlderButton>
          )}
        </S.Older>
      );
      break;
    case 'day': {
      const key = format.dayKey(row.time);
      const label =
        key === props.today
          ? t('today')
          : key === props.yesterday
            ? t('yesterday')
            : format.date(row.time);
      content = <Day time={row.time} label={label} />;
      break;
    }
    case 'item':
      content = (
        <Row
          item={row.item}
          groupStart={row.groupStart}
          groupEnd={row.groupEnd}
          renderInteractive={renderInteractive}
          getAttachmentUrl={getAttachmentUrl}
        />
      );
      break;
    default:
      content = row satisfies never;
  }
  return (
    <S.VirtualRow
      ref={measureRow}
      data-index={index}
      data-row={row.kind}
      {...(row.kind === 'item'
        ? { 'data-message-id': row.item.id, 'data-type': row.item.type }
        : {})}
      style={{ transform: `translateY(${start}px)` }}
    >
      <RowErrorBoundary
        note={t('rowUnavailable')}
        resetKey={row.kind === 'item' ? row.item : row.key}
      >
        {content}
      </RowErrorBoundary>
    </S.VirtualRow>
  );
});
