import type { ArtifactStatus, Item } from '../core/protocol/types';
import type { EmulatorContext } from './context';
import type { AttachmentRecord, ContactRecord, ScanningSetting } from './store';

/** How long a file stays `IN_PROGRESS` unless the contact's setting says otherwise. */
export const DEFAULT_SCAN_DELAY_MS = 1000;

/** The real scanner gives up after 60 s; a longer simulated scan would only hide a stuck test. */
export const MAX_SCAN_DELAY_MS = 60_000;

/** File names that stand for a test virus: `eicar.com.txt`, `please-reject-me.pdf`, `Rejected.png`. */
const REJECTED_NAME = /eicar|reject/i;

/**
 * The simulated scan of a file, or `undefined` when it is not scanned: a name containing `eicar`
 * or `reject` (any case) is always rejected; otherwise the contact's setting decides, and a
 * contact without one does not scan (its files are `APPROVED` at once, as with scanning off).
 *
 * @example
 * ```ts
 * scanFor({ result: 'APPROVED', delayMs: 0 }, 'eicar.txt'); // { result: 'REJECTED', delayMs: 0 }
 * scanFor(undefined, 'notes.txt'); // undefined
 * ```
 */
export function scanFor(
  setting: ScanningSetting | undefined,
  fileName: string,
): ScanningSetting | undefined {
  if (REJECTED_NAME.test(fileName)) {
    return { result: 'REJECTED', delayMs: setting?.delayMs ?? DEFAULT_SCAN_DELAY_MS };
  }
  return setting;
}

/**
 * The item with the status of one of its files replaced.
 *
 * @example
 * ```ts
 * withAttachmentStatus(item, attachmentId, 'REJECTED');
 * ```
 */
export function withAttachmentStatus(
  item: Item,
  attachmentId: string,
  status: ArtifactStatus,
): Item {
  return {
    ...item,
    Attachments: (item.Attachments ?? []).map((attachment) =>
      attachment.AttachmentId === attachmentId ? { ...attachment, Status: status } : attachment,
    ),
  };
}

/**
 * Runs the scan of a completed file whose `ATTACHMENT` item (`itemId`) went out `IN_PROGRESS`:
 * after `scan.delayMs` the record takes the verdict, the stored item is rewritten in place (same
 * `Id` and time, so GetTranscript shows the verdict) and delivered again to every socket of the
 * contact, as Amazon Connect sends the verdict as a later websocket message.
 *
 * @example
 * ```ts
 * startScan(ctx, contact, record, item.Id, { result: 'REJECTED', delayMs: 1000 });
 * ```
 */
export function startScan(
  ctx: EmulatorContext,
  contact: ContactRecord,
  record: AttachmentRecord,
  itemId: string,
  scan: ScanningSetting,
): void {
  record.scanStatus = 'IN_PROGRESS';
  ctx.timers.set(() => {
    record.scanStatus = scan.result;
    const updated = ctx.store.updateItem(contact, itemId, (item) =>
      withAttachmentStatus(item, record.attachmentId, scan.result),
    );
    if (updated) {
      ctx.hub.deliver(contact, updated);
    }
    ctx.logger.info(`attachment ${record.attachmentId} scanned: ${scan.result}`);
  }, scan.delayMs);
}
