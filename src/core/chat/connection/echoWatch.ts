import type { Clock, TimerHandle } from '../../clock';

/**
 * Watches for the socket's echo of our own sends. The service sends every message to every
 * participant's socket, the sender's too, so a confirmed send whose echo does not arrive is a sign
 * the socket died silently; `onMissing` then lets the connection ping it at once instead of at the
 * next heartbeat.
 *
 * @example
 * ```ts
 * const echoes = createEchoWatch({ clock, timeoutMs: 1500, onMissing: () => driver.probe() });
 * echoes.expect(response.Id); // SendMessage confirmed the message
 * echoes.seen(item.Id); // an item arrived on the socket
 * ```
 */
export interface EchoWatch {
  /** A send was confirmed with this message Id: its echo is due on the socket. */
  expect(id: string): void;
  /** An item with this Id arrived on the socket. */
  seen(id: string): void;
  /** Stops every timer. */
  destroy(): void;
}

/** Options of {@link createEchoWatch}. */
export interface EchoWatchOptions {
  readonly clock: Clock;
  readonly timeoutMs: number;
  readonly onMissing: () => void;
}

/**
 * How many recent socket Ids are remembered: the echo can beat SendMessage's own answer.
 */
const RECENT_IDS = 64;

/**
 * Creates an {@link EchoWatch}.
 *
 * @example
 * ```ts
 * const echoes = createEchoWatch({ clock: systemClock, timeoutMs: 1500, onMissing: probe });
 * ```
 */
export function createEchoWatch(options: EchoWatchOptions): EchoWatch {
  const waiting = new Map<string, TimerHandle>();
  const recent = new Set<string>();
  return {
    expect(id) {
      if (recent.has(id) || waiting.has(id)) {
        return;
      }
      waiting.set(
        id,
        options.clock.setTimeout(() => {
          waiting.delete(id);
          options.onMissing();
        }, options.timeoutMs),
      );
    },
    seen(id) {
      const timer = waiting.get(id);
      if (timer !== undefined) {
        options.clock.clearTimeout(timer);
        waiting.delete(id);
        return;
      }
      recent.add(id);
      if (recent.size > RECENT_IDS) {
        recent.delete(recent.values().next().value as string);
      }
    },
    destroy() {
      for (const timer of waiting.values()) {
        options.clock.clearTimeout(timer);
      }
      waiting.clear();
      recent.clear();
    },
  };
}
