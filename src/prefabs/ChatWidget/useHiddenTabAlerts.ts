import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import { watchSession } from '../../core/chat/contact/watchSession';
import { useChatContext } from '../../react/context/ChatSessionContext';
import { playChime } from './playChime';

/**
 * Options of {@link useHiddenTabAlerts}.
 *
 * @example
 * ```ts
 * const alerts = useHiddenTabAlerts({ sound: true, notifications: true, title: 'Support', describe });
 * ```
 */
export interface UseHiddenTabAlertsOptions {
  /** Chime when a message arrives while the tab is hidden. */
  sound: boolean;
  /** Show a browser notification when a message arrives while the tab is hidden. */
  notifications: boolean;
  /** The notification's title. */
  title: string;
  /** The notification's text for a message. */
  describe: (item: ChatItem) => string;
}

/**
 * What {@link useHiddenTabAlerts} returns.
 *
 * @example
 * ```tsx
 * const { canAsk, ask } = useHiddenTabAlerts(options);
 * if (canAsk) return <button onClick={ask}>Notify me of replies</button>;
 * ```
 */
export interface UseHiddenTabAlertsResult {
  /** Notifications are wanted and the browser has not been asked yet: offer a button. */
  canAsk: boolean;
  /** Asks the browser for permission; call it from a click (never on load). */
  ask: () => void;
}

type NotificationLike = {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): { onclick: (() => void) | null };
};

const notificationApi = (): NotificationLike | undefined =>
  (globalThis as { Notification?: NotificationLike }).Notification;

/**
 * Tells the customer about a reply while they are in another tab: an optional chime and an
 * optional browser notification (its permission asked only from a click). Messages from history,
 * the customer's own, and anything while the tab is visible stay quiet; with several tabs of one
 * chat only the tab holding the socket alerts, and a notification per message replaces its
 * twin (`tag`).
 *
 * @example
 * ```tsx
 * const { canAsk, ask } = useHiddenTabAlerts({ sound, notifications, title, describe });
 * {canAsk ? <button onClick={ask}>Notify me</button> : null}
 * ```
 */
export function useHiddenTabAlerts(options: UseHiddenTabAlertsOptions): UseHiddenTabAlertsResult {
  const { session, controller } = useChatContext();
  const latest = useRef(options);
  latest.current = options;
  // Read only when notifications are on: `Notification.permission` asks the browser process
  // synchronously, which was a visible part of the widget's first mount (issue #17).
  const [permission, setPermission] = useState<NotificationPermission | undefined>(() =>
    options.notifications ? notificationApi()?.permission : undefined,
  );
  const wanted = options.sound || options.notifications;
  useEffect(() => {
    if (options.notifications) {
      setPermission(notificationApi()?.permission);
    }
  }, [options.notifications]);

  useEffect(() => {
    if (!wanted || !session) {
      return undefined;
    }
    const alert = (item: ChatItem) => {
      if (document.visibilityState !== 'hidden') {
        return;
      }
      if (controller?.getSnapshot().role === 'follower') {
        return; // The tab holding the socket alerts for all.
      }
      const { sound, notifications, title, describe } = latest.current;
      if (sound) {
        playChime();
      }
      const api = notificationApi();
      if (notifications && api?.permission === 'granted') {
        try {
          const shown = new api(title, { body: describe(item), tag: `contact-kit-${item.id}` });
          shown.onclick = () => window.focus();
        } catch {
          // Some browsers only notify through a service worker: the title and sound still tell.
        }
      }
    };
    return watchSession(session, { message: alert });
  }, [wanted, session, controller]);

  const ask = useCallback(() => {
    const api = notificationApi();
    if (!api) {
      return;
    }
    void api.requestPermission().then(setPermission, () => setPermission(api.permission));
  }, []);

  return { canAsk: options.notifications && permission === 'default', ask };
}
