import type { ChatReceipt } from '../transcript/chatItem';
import { compareTimes } from '../transcript/itemOrder';

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) {
    return b;
  }
  if (b === undefined) {
    return a;
  }
  return compareTimes(a, b) >= 0 ? a : b;
}

/**
 * Merges receipts per recipient, keeping the latest delivered and read timestamps; the result is
 * sorted by participant id, so it does not depend on arrival order. Returns `existing` itself
 * when `incoming` adds nothing (structural sharing).
 *
 * @example
 * ```ts
 * mergeReceipts([{ participantId: 'a', deliveredAt: t1 }], [{ participantId: 'a', readAt: t2 }]);
 * // [{ participantId: 'a', deliveredAt: t1, readAt: t2 }]
 * ```
 */
export function mergeReceipts(
  existing: readonly ChatReceipt[],
  incoming: readonly ChatReceipt[],
): readonly ChatReceipt[] {
  if (incoming.length === 0) {
    return existing;
  }
  let changed = false;
  const byParticipant = new Map(existing.map((receipt) => [receipt.participantId, receipt]));
  for (const receipt of incoming) {
    const current = byParticipant.get(receipt.participantId);
    const deliveredAt = later(current?.deliveredAt, receipt.deliveredAt);
    const readAt = later(current?.readAt, receipt.readAt);
    if (current && current.deliveredAt === deliveredAt && current.readAt === readAt) {
      continue;
    }
    const merged: ChatReceipt = { participantId: receipt.participantId };
    if (deliveredAt !== undefined) {
      merged.deliveredAt = deliveredAt;
    }
    if (readAt !== undefined) {
      merged.readAt = readAt;
    }
    byParticipant.set(receipt.participantId, merged);
    changed = true;
  }
  if (!changed) {
    return existing;
  }
  return [...byParticipant.values()].sort((a, b) =>
    a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0,
  );
}
