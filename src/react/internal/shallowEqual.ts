/**
 * True when two values are the same, or are arrays (or plain objects) whose entries are the same
 * by `Object.is`. Used to keep selector results stable when a selector builds a new array.
 *
 * @example
 * ```ts
 * shallowEqual([a, b], [a, b]); // true
 * ```
 */
export function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  if (Array.isArray(a)) {
    // An index loop: `Object.keys` would make a string per entry (a 100,000-item transcript
    // compared on every append).
    const other = b as readonly unknown[];
    if (a.length !== other.length) {
      return false;
    }
    for (let index = 0; index < a.length; index += 1) {
      if (!Object.is(a[index], other[index])) {
        return false;
      }
    }
    return true;
  }
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) {
    return false;
  }
  return keysA.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
