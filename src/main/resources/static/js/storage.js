// This browser's localStorage, or null where the page may not use it (disabled, or a sandbox):
// what the page keeps there (identity, outbox, drafts) then lives only as long as the tab.

/** @returns {Storage|null} */
export function browserStorage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
