import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  if (typeof document === 'undefined') {
    return () => undefined;
  }
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
};
const visible = () => typeof document === 'undefined' || document.visibilityState !== 'hidden';

/**
 * Whether the page's tab is in front (`document.visibilityState` is not `hidden`). `true` during
 * server rendering. Internal to the widget.
 *
 * @example
 * ```tsx
 * const visible = usePageVisible();
 * const unreadForTitle = visible ? 0 : count;
 * ```
 */
export function usePageVisible(): boolean {
  return useSyncExternalStore(subscribe, visible, () => true);
}
