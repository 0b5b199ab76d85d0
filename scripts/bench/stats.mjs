// Small statistics shared by the timed parts: percentiles, medians over runs, formatting.

/** The p-th percentile (0–100) of numbers, nearest-rank; `undefined` for none. */
export const percentile = (values, p) => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return undefined;
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
};

export const median = (values) => percentile(values, 50);

/** Milliseconds with a precision that suits their size; `n/a` for none. */
export const ms = (value) =>
  value === undefined || !Number.isFinite(value)
    ? 'n/a'
    : value >= 100
      ? value.toFixed(0)
      : value >= 10
        ? value.toFixed(1)
        : value.toFixed(2);

/** `a / b` to two decimals; `n/a` when either is missing. */
export const ratio = (a, b) =>
  a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0
    ? 'n/a'
    : (a / b).toFixed(2);

/** A seeded PRNG in [0, 1) (mulberry32), so fault draws repeat from run to run. */
export const seededRandom = (seed) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export const sleep = (milliseconds) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, milliseconds)));

/** Epoch milliseconds with sub-millisecond resolution, comparable with the pages' clock. */
export const now = () => performance.timeOrigin + performance.now();
