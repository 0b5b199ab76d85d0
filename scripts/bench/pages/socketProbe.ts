/**
 * What one websocket of the page went through, in epoch milliseconds
 * (`performance.timeOrigin + performance.now()`, comparable with the bench's Node clock).
 *
 * @example
 * ```ts
 * const resubscribed = records.some((record) => record.createdAt > faultAt && record.subscribedAt.length > 0);
 * ```
 */
export interface SocketRecord {
  createdAt: number;
  openedAt?: number;
  /** The page called `close()` on it (the client gave it up). */
  closeCalledAt?: number;
  closedAt?: number;
  closeCode?: number;
  /** Every `aws/subscribe` success reply it received. */
  subscribedAt: number[];
}

/**
 * One `aws/chat` frame as it came off a socket (repeats kept).
 *
 * @example
 * ```ts
 * const agentFrames = deliveries.filter((delivery: Delivery) => delivery.role === 'AGENT');
 * ```
 */
export interface Delivery {
  id: string;
  type: string;
  role: string | undefined;
  at: number;
}

/**
 * Epoch milliseconds with sub-millisecond resolution.
 *
 * @example
 * ```ts
 * const at = now();
 * ```
 */
export const now = (): number => performance.timeOrigin + performance.now();

/**
 * Replaces `window.WebSocket` with a subclass that records every socket the page opens, so both
 * clients (ours and chatjs) are observed the same way, without changing either. Call it before
 * loading a client.
 *
 * @example
 * ```ts
 * const sockets = installSocketProbe();
 * ```
 */
export function installSocketProbe(): { sockets: SocketRecord[]; deliveries: Delivery[] } {
  const records: SocketRecord[] = [];
  const deliveries: Delivery[] = [];
  const Native = window.WebSocket;
  class ProbedWebSocket extends Native {
    private readonly record: SocketRecord;
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      const record: SocketRecord = { createdAt: now(), subscribedAt: [] };
      this.record = record;
      records.push(record);
      this.addEventListener('open', () => {
        record.openedAt = now();
      });
      this.addEventListener('close', (event) => {
        record.closedAt = now();
        record.closeCode = event.code;
      });
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string') {
          return;
        }
        const at = now();
        try {
          const frame = JSON.parse(event.data) as { topic?: string; content?: unknown };
          if (frame.topic === 'aws/subscribe') {
            if ((frame.content as { status?: string } | undefined)?.status === 'success') {
              record.subscribedAt.push(at);
            }
          } else if (frame.topic === 'aws/chat' && typeof frame.content === 'string') {
            const item = JSON.parse(frame.content) as {
              Id?: string;
              Type?: string;
              ParticipantRole?: string;
            };
            deliveries.push({
              id: item.Id ?? '',
              type: item.Type ?? '',
              role: item.ParticipantRole,
              at,
            });
          }
        } catch {
          // Not JSON: nothing to record.
        }
      });
    }
    override close(code?: number, reason?: string): void {
      this.record.closeCalledAt ??= now();
      super.close(code, reason);
    }
  }
  window.WebSocket = ProbedWebSocket;
  return { sockets: records, deliveries };
}
