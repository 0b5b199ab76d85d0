import type { LockManagerLike } from '../../src/core/chat/tabs/tabTransport';

type Mode = 'exclusive' | 'shared';

interface Request {
  readonly tabId: string;
  readonly name: string;
  readonly mode: Mode;
  readonly callback: (lock: unknown) => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  /** Granted and not released yet. */
  held: boolean;
  /** Its promise settled (released, stolen, aborted): nothing more happens to it. */
  settled: boolean;
  readonly onAbort: (() => void) | undefined;
  readonly signal: AbortSignal | undefined;
}

const abortError = (message: string): DOMException => new DOMException(message, 'AbortError');

/**
 * `navigator.locks` of one origin, for tests: `tab(id)` is the lock manager of one tab. Faithful
 * where the tab layer depends on it: exclusive and shared modes, requests granted in order,
 * `ifAvailable` (the callback gets `null` when the lock is taken), `steal` (the old holder's
 * request promise rejects with an `AbortError` DOMException, the stealer gets the lock at once),
 * `signal` (a queued request is withdrawn and rejects with the signal's reason), and the
 * spec's `NotSupportedError`s for option combinations it forbids. A lock is released when the
 * callback's returned promise settles. `close(id)` is a tab closing (its locks released, its
 * queued requests gone, nothing of it runs again); `freeze(id)` keeps its locks but runs none of
 * its callbacks nor settles its promises until `thaw(id)` (Chrome keeps a frozen tab's locks).
 */
export class FakeLockManager {
  private readonly requests: Request[] = [];
  private readonly frozen = new Map<string, Array<() => void>>();
  private readonly closed = new Set<string>();

  /** The lock manager of tab `tabId`. */
  tab(tabId: string): LockManagerLike {
    return {
      request: (name, options, callback) => this.request(tabId, name, options, callback),
    };
  }

  /** Tabs holding `name`, in grant order. */
  holders(name: string): string[] {
    return this.requests.filter((r) => r.name === name && r.held).map((r) => r.tabId);
  }

  /** Tabs waiting for `name`, in queue order. */
  waiting(name: string): string[] {
    return this.requests
      .filter((r) => r.name === name && !r.held && !r.settled)
      .map((r) => r.tabId);
  }

  /** The tab closes (or crashes): its locks are released and its queued requests dropped. */
  close(tabId: string): void {
    this.closed.add(tabId);
    this.frozen.delete(tabId);
    const names = new Set<string>();
    for (const request of [...this.requests]) {
      if (request.tabId === tabId) {
        request.held = false;
        request.settled = true;
        this.remove(request);
        names.add(request.name);
      }
    }
    for (const name of names) {
      this.grant(name);
    }
  }

  /** The tab is frozen: it keeps its locks; its callbacks and settlements wait for `thaw`. */
  freeze(tabId: string): void {
    if (!this.frozen.has(tabId)) {
      this.frozen.set(tabId, []);
    }
  }

  /** The tab runs again: what it missed runs now, in order. */
  thaw(tabId: string): void {
    const missed = this.frozen.get(tabId) ?? [];
    this.frozen.delete(tabId);
    for (const run of missed) {
      run();
    }
  }

  private run(tabId: string, task: () => void): void {
    if (this.closed.has(tabId)) {
      return;
    }
    const missed = this.frozen.get(tabId);
    if (missed !== undefined) {
      missed.push(task);
    } else {
      queueMicrotask(task);
    }
  }

  private request(
    tabId: string,
    name: string,
    options: { mode?: Mode; ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown> {
    const mode = options.mode ?? 'exclusive';
    if (options.steal === true && (options.ifAvailable === true || mode !== 'exclusive')) {
      return Promise.reject(new DOMException('steal needs exclusive', 'NotSupportedError'));
    }
    if (options.signal !== undefined && (options.steal === true || options.ifAvailable === true)) {
      return Promise.reject(new DOMException('signal with steal/ifAvailable', 'NotSupportedError'));
    }
    if (options.signal?.aborted === true) {
      return Promise.reject(options.signal.reason);
    }
    if (this.closed.has(tabId)) {
      return new Promise(() => undefined);
    }
    return new Promise((resolve, reject) => {
      const signal = options.signal;
      const request: Request = {
        tabId,
        name,
        mode,
        callback,
        resolve,
        reject,
        held: false,
        settled: false,
        signal,
        onAbort:
          signal === undefined
            ? undefined
            : () => {
                if (request.held || request.settled) {
                  return;
                }
                request.settled = true;
                this.remove(request);
                this.run(tabId, () => reject(signal.reason ?? abortError('aborted')));
                this.grant(name);
              },
      };
      if (request.onAbort !== undefined) {
        signal?.addEventListener('abort', request.onAbort, { once: true });
      }
      if (options.steal === true) {
        for (const holder of this.requests.filter((r) => r.name === name && r.held)) {
          holder.held = false;
          holder.settled = true;
          this.remove(holder);
          this.run(holder.tabId, () => holder.reject(abortError('The lock was stolen')));
        }
        // The stealer goes before everything queued.
        this.requests.unshift(request);
        this.hold(request);
        return;
      }
      if (options.ifAvailable === true) {
        if (this.waiting(name).length === 0 && this.compatible(name, mode)) {
          this.requests.push(request);
          this.hold(request);
        } else {
          request.settled = true;
          this.run(tabId, () => {
            Promise.resolve()
              .then(() => callback(null))
              .then(resolve, reject);
          });
        }
        return;
      }
      this.requests.push(request);
      this.grant(name);
    });
  }

  private compatible(name: string, mode: Mode): boolean {
    const held = this.requests.filter((r) => r.name === name && r.held);
    return mode === 'shared' ? held.every((r) => r.mode === 'shared') : held.length === 0;
  }

  /** Grants queued requests of `name` in order, while they are compatible with the holders. */
  private grant(name: string): void {
    for (const request of this.requests) {
      if (request.name !== name || request.held || request.settled) {
        continue;
      }
      if (!this.compatible(name, request.mode)) {
        return;
      }
      this.hold(request);
    }
  }

  private hold(request: Request): void {
    request.held = true;
    if (request.onAbort !== undefined) {
      request.signal?.removeEventListener('abort', request.onAbort);
    }
    this.run(request.tabId, () => {
      let result: unknown;
      try {
        result = request.callback({ name: request.name, mode: request.mode });
      } catch (error) {
        result = Promise.reject(error);
      }
      Promise.resolve(result).then(
        (value) => this.release(request, () => request.resolve(value)),
        (error: unknown) => this.release(request, () => request.reject(error)),
      );
    });
  }

  private release(request: Request, settle: () => void): void {
    if (request.settled) {
      return; // stolen or its tab closed: the promise already went its way
    }
    request.held = false;
    request.settled = true;
    this.remove(request);
    this.run(request.tabId, settle);
    this.grant(request.name);
  }

  private remove(request: Request): void {
    const index = this.requests.indexOf(request);
    if (index >= 0) {
      this.requests.splice(index, 1);
    }
  }
}
