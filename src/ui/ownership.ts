// One tab owns the playground at a time: two workers persisting to the same IndexedDB would
// overwrite each other's work. The owner holds a Web Lock for as long as the tab lives.

const LOCK_NAME = "docker-playground";

export type Claim = "owned" | "busy";

/**
 * Asks for the playground's lock. "if-available" never waits: it answers "busy" when another
 * tab holds it. "steal" takes it from that tab, whose `onLost` then fires. Without Web Locks
 * (old browsers, opaque origins) there is nothing to coordinate with, so the tab just owns it.
 */
export function claimOwnership(mode: "if-available" | "steal", onLost: () => void): Promise<Claim> {
  const locks = typeof navigator === "undefined" ? undefined : (navigator.locks as LockManager | undefined);
  if (!locks) return Promise.resolve("owned");
  return new Promise<Claim>((resolve) => {
    let owned = false;
    const options: LockOptions = mode === "steal" ? { steal: true } : { ifAvailable: true };
    const ended = (): void => {
      if (owned) onLost();
      else resolve("owned"); // the lock could not be asked for at all
    };
    const held = (lock: Lock | null): Promise<never> | undefined => {
      if (!lock) {
        resolve("busy");
        return undefined;
      }
      owned = true;
      resolve("owned");
      // Held until the tab closes, or until another tab steals it: then request() rejects.
      return new Promise<never>(() => {});
    };
    try {
      locks.request(LOCK_NAME, options, held).catch(ended);
    } catch {
      ended(); // e.g. a SecurityError thrown synchronously in an opaque-origin iframe
    }
  });
}
