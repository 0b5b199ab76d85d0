import type { BroadcastChannelLike } from '../../src/core/chat/tabs/tabTransport';

type Listener = (event: { data: unknown }) => void;

/**
 * Channels of one "origin": `open(name)` gives a channel that hears what the others of the same
 * name post (never its own), as structured clones, delivered in a later microtask like the real
 * one. `pause(channel)` models a frozen tab: what it would hear waits until `resume`.
 */
export class FakeBroadcastHub {
  private readonly channels = new Map<string, Set<FakeBroadcastChannel>>();

  open(name: string): FakeBroadcastChannel {
    const channel = new FakeBroadcastChannel(this, name);
    const set = this.channels.get(name) ?? new Set();
    set.add(channel);
    this.channels.set(name, set);
    return channel;
  }

  /** @internal */
  deliver(from: FakeBroadcastChannel, name: string, data: unknown): void {
    const clone = structuredClone(data);
    for (const channel of this.channels.get(name) ?? []) {
      if (channel !== from) {
        queueMicrotask(() => channel.receive(clone));
      }
    }
  }

  /** @internal */
  remove(channel: FakeBroadcastChannel, name: string): void {
    this.channels.get(name)?.delete(channel);
  }
}

export class FakeBroadcastChannel implements BroadcastChannelLike {
  private readonly listeners = new Set<Listener>();
  private closed = false;
  private paused: unknown[] | undefined;
  /** Everything this channel posted, in order. */
  readonly posted: unknown[] = [];

  constructor(
    private readonly hub: FakeBroadcastHub,
    readonly name: string,
  ) {}

  postMessage(message: unknown): void {
    if (this.closed) {
      throw new DOMException('BroadcastChannel is closed', 'InvalidStateError');
    }
    this.posted.push(message);
    this.hub.deliver(this, this.name, message);
  }

  addEventListener(_type: 'message', listener: Listener): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    this.hub.remove(this, this.name);
  }

  /** Holds incoming messages (a frozen tab hears nothing until it thaws). */
  pause(): void {
    this.paused ??= [];
  }

  /** Delivers what was held, in order. */
  resume(): void {
    const held = this.paused ?? [];
    this.paused = undefined;
    for (const data of held) {
      this.receive(data);
    }
  }

  /** @internal */
  receive(data: unknown): void {
    if (this.closed) {
      return;
    }
    if (this.paused) {
      this.paused.push(data);
      return;
    }
    for (const listener of [...this.listeners]) {
      listener({ data });
    }
  }
}
