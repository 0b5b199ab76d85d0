import { useEffect, useRef } from 'react';
import { titleWithUnread } from './titleWithUnread';

/**
 * Puts `count` in front of the page title ("(2) Northwind Coffee") while it is above zero, and
 * puts the title back when it drops to zero or the component unmounts. A title the page sets in
 * the meantime is kept: the count goes in front of it, and it is what comes back. Internal to
 * the widget, which passes the unread count while the tab is hidden.
 *
 * @example
 * ```tsx
 * const visible = usePageVisible();
 * useUnreadTitle(visible ? 0 : count);
 * ```
 */
export function useUnreadTitle(count: number): void {
  // The page's own title, and what we last wrote over it.
  const shown = useRef<{ original: string; title: string } | undefined>(undefined);

  useEffect(() => {
    if (typeof document === 'undefined') {
      return;
    }
    const current = shown.current;
    if (count <= 0) {
      if (current) {
        if (document.title === current.title) {
          document.title = current.original;
        }
        shown.current = undefined;
      }
      return;
    }
    const original =
      current && document.title === current.title ? current.original : document.title;
    const title = titleWithUnread(original, count);
    document.title = title;
    shown.current = { original, title };
  }, [count]);

  useEffect(
    () => () => {
      const current = shown.current;
      if (current && typeof document !== 'undefined' && document.title === current.title) {
        document.title = current.original;
      }
      shown.current = undefined;
    },
    [],
  );
}
