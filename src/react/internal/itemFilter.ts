import type { ChatItem } from '../../core/chat/transcript/chatItem';
import { changedRange } from '../../core/chat/transcript/changedRange';

/**
 * `items.filter(keep)` that remembers its last input and result, so the next call looks only at
 * the items that changed (found by reference, see `changedRange`): a hook selecting a few items
 * of a 100,000-item transcript does not test them all on every update. The same array comes back
 * while the selection is unchanged. One filter per subscriber: it holds that subscriber's state.
 *
 * @example
 * ```ts
 * const select = createItemFilter((item) => item.type === 'attachment');
 * select(snapshot.items); // the attachments
 * ```
 */
export function createItemFilter(
  keep: (item: ChatItem) => boolean,
): (items: readonly ChatItem[]) => readonly ChatItem[] {
  let last: readonly ChatItem[] | undefined;
  let kept: readonly ChatItem[] = [];
  /** Index in `last` of each entry of `kept`. */
  let at: readonly number[] = [];
  return (items) => {
    if (items === last) {
      return kept;
    }
    const { start, removed, inserted } =
      last === undefined
        ? { start: 0, removed: 0, inserted: items.length }
        : changedRange(last, items);
    const nextKept: ChatItem[] = [];
    const nextAt: number[] = [];
    let entry = 0;
    for (; entry < at.length && at[entry]! < start; entry += 1) {
      nextKept.push(kept[entry]!);
      nextAt.push(at[entry]!);
    }
    for (let index = start; index < start + inserted; index += 1) {
      if (keep(items[index]!)) {
        nextKept.push(items[index]!);
        nextAt.push(index);
      }
    }
    for (; entry < at.length; entry += 1) {
      if (at[entry]! >= start + removed) {
        nextKept.push(kept[entry]!);
        nextAt.push(at[entry]! + inserted - removed);
      }
    }
    last = items;
    at = nextAt;
    const same = nextKept.length === kept.length && nextKept.every((item, i) => item === kept[i]);
    if (!same) {
      kept = nextKept;
    }
    return kept;
  };
}
