import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Clock, TimerHandle } from '../core/clock';
import type { Logger } from '../core/logger';
import type { Item } from '../core/protocol/types';
import type { FaultState } from './faults';
import { parseLeadingJson } from './parseLeadingJson';
import type { ContactRecord, EmulatorStore, ParticipantRecord } from './store';
import { isJsonObject } from './validation';

/**
 * Path of the websocket URLs the emulator hands out (`ws://127.0.0.1:PORT/websocket?AuthToken=…`).
 *
 * @example
 * ```ts
 * new URL(`${WEBSOCKET_PATH}?AuthToken=${key}`, 'ws://127.0.0.1:4010');
 * ```
 */
export const WEBSOCKET_PATH = '/websocket';

/**
 * Dependencies of the hub.
 *
 * @example
 * ```ts
 * new WebsocketHub({ store, faults, clock, logger, random: Math.random, maxSocketLifetimeMs: 7_200_000, onSubscribed: () => {} } satisfies WebsocketHubOptions);
 * ```
 */
export interface WebsocketHubOptions {
  store: EmulatorStore;
  faults: FaultState;
  clock: Clock;
  logger: Logger;
  random: () => number;
  maxSocketLifetimeMs: number;
  /** Called once a participant's socket subscribed to `aws/chat`. */
  onSubscribed: (participant: ParticipantRecord) => void;
}

interface SocketState {
  readonly ws: WebSocket;
  readonly participantId: string;
  readonly contactId: string;
  subscribed: boolean;
  silentUntil: number;
  lifetimeTimer: TimerHandle | undefined;
  reorderBuffer: string[];
  reorderTimer: TimerHandle | undefined;
  readonly delayed: Set<{ frames: string[]; handle: TimerHandle }>;
}

const SUBSCRIBED_REPLY = JSON.stringify({
  topic: 'aws/subscribe',
  content: { status: 'success', topics: ['aws/chat'] },
});
const HEARTBEAT_REPLY = JSON.stringify({ topic: 'aws/heartbeat' });
const PING_REPLY = JSON.stringify({ topic: 'aws/ping', statusCode: 200, statusContent: 'OK' });

/**
 * Serializes an item into the `aws/chat` frame the service pushes.
 *
 * @example
 * ```ts
 * chatFrame({ Id: 'm1', Type: 'MESSAGE' }); // '{"topic":"aws/chat","contentType":"application/json","content":"{\"Id\":\"m1\",…}"}'
 * ```
 */
export function chatFrame(item: Item): string {
  return JSON.stringify({
    topic: 'aws/chat',
    contentType: 'application/json',
    content: JSON.stringify(item),
  });
}

/**
 * The websocket side of the emulator: accepts upgrades for URLs handed out by
 * CreateParticipantConnection (within their window), answers subscribe/heartbeat/ping, fans out
 * `aws/chat` frames to every subscribed socket of every participant, and applies the socket faults
 * (drop, silence, duplicate, reorder, delay).
 *
 * @example
 * ```ts
 * server.on('upgrade', (req, socket, head) => hub.handleUpgrade(req, socket, head));
 * hub.deliver(contact, item);
 * ```
 */
export class WebsocketHub {
  private readonly options: WebsocketHubOptions;
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 128 * 1024 });
  private readonly sockets = new Map<WebSocket, SocketState>();

  constructor(options: WebsocketHubOptions) {
    this.options = options;
  }

  /** Accepts or refuses (403/404) an HTTP upgrade request; never throws. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', (error) => this.options.logger.debug('websocket transport error', error));
    try {
      this.upgrade(request, socket, head);
    } catch (error) {
      this.options.logger.error('websocket upgrade failed', error);
      socket.destroy();
    }
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://emulator.invalid');
    if (url.pathname !== WEBSOCKET_PATH) {
      refuseUpgrade(socket, 404, 'Not Found');
      return;
    }
    const key = url.searchParams.get('AuthToken') ?? '';
    const participant = this.options.store.participantForWebsocketKey(key);
    const contact = participant ? this.options.store.getContact(participant.contactId) : undefined;
    if (
      !participant ||
      !contact ||
      participant.status !== 'joined' ||
      contact.status !== 'active'
    ) {
      this.options.logger.info('refusing websocket upgrade: unknown, expired or dead URL');
      refuseUpgrade(socket, 403, 'Forbidden');
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => this.attach(ws, participant));
  }

  private attach(ws: WebSocket, participant: ParticipantRecord): void {
    const state: SocketState = {
      ws,
      participantId: participant.participantId,
      contactId: participant.contactId,
      subscribed: false,
      silentUntil: 0,
      lifetimeTimer: undefined,
      reorderBuffer: [],
      reorderTimer: undefined,
      delayed: new Set(),
    };
    this.sockets.set(ws, state);
    state.lifetimeTimer = this.later(() => {
      state.lifetimeTimer = undefined;
      this.options.logger.info('closing websocket at its maximum lifetime');
      ws.close(1001, 'Going away');
    }, this.options.maxSocketLifetimeMs);
    ws.on('message', (data, isBinary) => {
      try {
        this.receive(state, data, isBinary);
      } catch (error) {
        // A frame must never take the process down: log it and keep the socket.
        this.options.logger.error('failed to handle a websocket frame', error);
      }
    });
    ws.on('close', () => this.forget(state));
    ws.on('error', (error) => this.options.logger.debug('websocket error', error));
  }

  private forget(state: SocketState): void {
    this.clearTimers(state);
    this.sockets.delete(state.ws);
  }

  private clearTimers(state: SocketState): void {
    const { clock } = this.options;
    if (state.lifetimeTimer !== undefined) {
      clock.clearTimeout(state.lifetimeTimer);
      state.lifetimeTimer = undefined;
    }
    if (state.reorderTimer !== undefined) {
      clock.clearTimeout(state.reorderTimer);
      state.reorderTimer = undefined;
    }
    for (const entry of state.delayed) {
      clock.clearTimeout(entry.handle);
    }
    state.delayed.clear();
  }

  private receive(state: SocketState, data: WebSocket.RawData, isBinary: boolean): void {
    const { logger } = this.options;
    if (this.isSilent(state)) {
      return;
    }
    if (isBinary) {
      logger.warn('ignoring a binary websocket frame');
      return;
    }
    const text = rawText(data);
    const frame = parseLeadingJson(text);
    if (!isJsonObject(frame) || typeof frame.topic !== 'string') {
      logger.warn(`ignoring a junk websocket frame: ${text.slice(0, 200)}`);
      return;
    }
    switch (frame.topic) {
      case 'aws/subscribe':
        this.subscribe(state, frame.content);
        return;
      case 'aws/unsubscribe':
        state.subscribed = false;
        this.sendNow(state, [
          JSON.stringify({
            topic: 'aws/unsubscribe',
            content: { status: 'success', topics: ['aws/chat'] },
          }),
        ]);
        return;
      case 'aws/heartbeat':
        this.sendNow(state, [HEARTBEAT_REPLY]);
        return;
      case 'aws/ping':
        this.sendNow(state, [PING_REPLY]);
        return;
      default:
        logger.warn(`ignoring a websocket frame with unknown topic ${frame.topic}`);
    }
  }

  private subscribe(state: SocketState, content: unknown): void {
    const topics = isJsonObject(content) ? content.topics : undefined;
    // A subscribe that names topics but not aws/chat is a failure; a malformed one is taken leniently.
    if (Array.isArray(topics) && !topics.includes('aws/chat')) {
      this.sendNow(state, [
        JSON.stringify({
          topic: 'aws/subscribe',
          content: { status: 'failure', topics: topics.filter((t) => typeof t === 'string') },
        }),
      ]);
      return;
    }
    const first = !state.subscribed;
    state.subscribed = true;
    this.sendNow(state, [SUBSCRIBED_REPLY]);
    const participant = this.options.store.getParticipant(state.participantId);
    if (first && participant) {
      this.options.onSubscribed(participant);
    }
  }

  /** Pushes an item to every subscribed socket of every participant of the contact (sender included). */
  deliver(contact: ContactRecord, item: Item): void {
    const frame = chatFrame(item);
    for (const state of this.sockets.values()) {
      if (
        state.contactId === contact.contactId &&
        state.subscribed &&
        state.ws.readyState === WebSocket.OPEN
      ) {
        this.dispatch(state, frame);
      }
    }
  }

  /**
   * Delivers a final item (chat.ended) past the delay/reorder faults, after flushing what they
   * hold, then closes the contact's sockets with 1000.
   */
  deliverFinalAndClose(contact: ContactRecord, item: Item): void {
    const frame = chatFrame(item);
    for (const state of [...this.sockets.values()]) {
      if (state.contactId !== contact.contactId) {
        continue;
      }
      this.flush(state);
      if (state.subscribed) {
        this.sendNow(state, [frame]);
      }
      this.clearTimers(state);
      state.ws.close(1000, 'Chat ended');
    }
  }

  /** Closes one participant's sockets with 1000 after flushing held frames (participant left). */
  closeParticipant(participantId: string): void {
    for (const state of [...this.sockets.values()]) {
      if (state.participantId === participantId) {
        this.flush(state);
        this.clearTimers(state);
        state.ws.close(1000, 'Participant left');
      }
    }
  }

  /** Fault `dropSockets`: kills every socket without a close frame (the client sees 1006). */
  dropAll(): void {
    for (const state of [...this.sockets.values()]) {
      this.clearTimers(state);
      state.ws.terminate();
      this.sockets.delete(state.ws);
    }
  }

  /**
   * Fault `silenceMs`: every socket open now turns half-open for `ms`: no replies, no deliveries,
   * incoming frames ignored. Frames due in that time are lost for that socket. Sockets opened later
   * work normally, as a fresh connection would.
   */
  silence(ms: number): void {
    const until = this.options.clock.now() + ms;
    for (const state of this.sockets.values()) {
      state.silentUntil = Math.max(state.silentUntil, until);
    }
  }

  /** Number of open sockets of a participant. */
  openSocketCount(participantId: string): number {
    let count = 0;
    for (const state of this.sockets.values()) {
      if (state.participantId === participantId && state.ws.readyState === WebSocket.OPEN) {
        count += 1;
      }
    }
    return count;
  }

  /** Terminates everything (emulator shutdown). */
  closeAll(): void {
    this.dropAll();
    this.server.close();
  }

  private isSilent(state: SocketState): boolean {
    return this.options.clock.now() < state.silentUntil;
  }

  private dispatch(state: SocketState, frame: string): void {
    const { faults, random } = this.options;
    const share = faults.duplicateShare();
    const frames = share > 0 && random() < share ? [frame, frame] : [frame];
    const windowMs = faults.reorderWindowMs();
    if (windowMs !== undefined) {
      state.reorderBuffer.push(...frames);
      state.reorderTimer ??= this.later(() => {
        state.reorderTimer = undefined;
        this.sendNow(state, this.takeShuffled(state));
      }, windowMs);
      return;
    }
    const delayMs = faults.delayMs();
    if (delayMs !== undefined) {
      const entry = { frames, handle: undefined as TimerHandle };
      entry.handle = this.later(() => {
        state.delayed.delete(entry);
        this.sendNow(state, entry.frames);
      }, delayMs);
      state.delayed.add(entry);
      return;
    }
    this.sendNow(state, frames);
  }

  /** Schedules on the injected clock; a failing callback is logged, never thrown into the timer. */
  private later(callback: () => void, delayMs: number): TimerHandle {
    return this.options.clock.setTimeout(() => {
      try {
        callback();
      } catch (error) {
        this.options.logger.error('websocket timer failed', error);
      }
    }, delayMs);
  }

  private takeShuffled(state: SocketState): string[] {
    const frames = state.reorderBuffer;
    state.reorderBuffer = [];
    for (let index = frames.length - 1; index > 0; index -= 1) {
      const other = Math.floor(this.options.random() * (index + 1));
      [frames[index], frames[other]] = [frames[other]!, frames[index]!];
    }
    return frames;
  }

  private flush(state: SocketState): void {
    const held = [...state.delayed].flatMap((entry) => entry.frames);
    if (state.reorderTimer !== undefined) {
      this.options.clock.clearTimeout(state.reorderTimer);
      state.reorderTimer = undefined;
    }
    for (const entry of state.delayed) {
      this.options.clock.clearTimeout(entry.handle);
    }
    state.delayed.clear();
    this.sendNow(state, [...held, ...this.takeShuffled(state)]);
  }

  private sendNow(state: SocketState, frames: readonly string[]): void {
    if (frames.length === 0 || state.ws.readyState !== WebSocket.OPEN) {
      return;
    }
    if (this.isSilent(state)) {
      this.options.logger.debug(`silenced socket: ${frames.length} frame(s) lost`);
      return;
    }
    for (const frame of frames) {
      state.ws.send(frame);
    }
  }
}

function rawText(data: WebSocket.RawData): string {
  if (Buffer.isBuffer(data)) {
    return data.toString('utf8');
  }
  if (Array.isArray(data)) {
    return Buffer.concat(data).toString('utf8');
  }
  return Buffer.from(data).toString('utf8');
}

function refuseUpgrade(socket: Duplex, status: 403 | 404, reason: string): void {
  const body = JSON.stringify({ message: reason });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
