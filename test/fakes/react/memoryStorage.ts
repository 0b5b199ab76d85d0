import type { ContactKitStorage } from 'contact-kit';

/** A Web Storage stand-in that survives unmount/remount within a test (a "reload"). */
export function createMemoryStorage(): ContactKitStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => {
      entries.set(key, value);
    },
    removeItem: (key) => {
      entries.delete(key);
    },
  };
}
