import { describe, expect, it } from 'vitest';
import { silentLogger } from 'contact-kit/core';
import { CLIENT_FRAMES, parseServerFrame } from '../../../../src/core/chat/connection/socketFrames';
import { browserEnvironment } from '../../../../src/core/chat/connection/chatEnvironment';
import { openChatSocket } from '../../../../src/core/chat/connection/chatSocket';
import type { ServerFrameInfo } from '../../../../src/core/chat/connection/socketFrames';
import { flushMicrotasks } from '../../../fakes/FakeClock';
import { FakeSocketServer } from '../../../fakes/FakeWebSocket';

function open(server: FakeSocketServer) {
  const events: string[] = [];
  const frames: ServerFrameInfo[] = [];
  const socket = openChatSocket({
    id: 1,
    url: 'ws://fake/x',
    WebSocket: server.WebSocket,
    logger: silentLogger,
    onOpen: () => events.push('open'),
    onClose: (_id, code) => events.push(`close:${String(code)}`),
    onFrame: (_id, frame) => frames.push(frame),
  });
  return { socket, events, frames };
}

describe('openChatSocket', () => {
  it('reports open, parsed frames and exactly one close (error then close counts once)', () => {
    const server = new FakeSocketServer();
    const { events, frames } = open(server);
    server.last.open();
    server.last.deliver({ Id: 'a', Type: 'MESSAGE' });
    server.last.fail();
    expect(events).toEqual(['open', 'close:undefined']);
    expect(frames).toEqual([{ kind: 'chat', item: { Id: 'a', Type: 'MESSAGE' } }]);
  });

  it('is silent after close(), and closes a socket that opens later', async () => {
    const server = new FakeSocketServer();
    const { socket, events } = open(server);
    socket.close();
    server.last.open();
    expect(server.last.closedByClient).toBe(true);
    await flushMicrotasks();
    expect(events).toEqual([]);
    expect(socket.send(CLIENT_FRAMES.heartbeat)).toBe(false);
  });

  it('reports a constructor that throws as a close, never as an exception', async () => {
    const events: string[] = [];
    openChatSocket({
      id: 3,
      url: 'not a url',
      WebSocket: class {
        constructor() {
          throw new SyntaxError('bad url');
        }
      } as never,
      logger: silentLogger,
      onOpen: () => events.push('open'),
      onClose: (id) => events.push(`close ${id}`),
      onFrame: () => undefined,
    });
    await flushMicrotasks();
    expect(events).toEqual(['close 3']);
  });
});

describe('parseServerFrame', () => {
  it.each([
    [
      '{"topic":"aws/subscribe","content":{"status":"success","topics":["aws/chat"]}}',
      { kind: 'subscribe', ok: true },
    ],
    ['{"topic":"aws/subscribe","content":{"status":"failure"}}', { kind: 'subscribe', ok: false }],
    ['{"topic":"aws/heartbeat"}', { kind: 'heartbeat' }],
    [
      '{"topic":"aws/ping","statusCode":200,"statusContent":"OK"}',
      { kind: 'ping', ok: true, statusCode: 200 },
    ],
    ['{"topic":"aws/ping","statusCode":500}', { kind: 'ping', ok: false, statusCode: 500 }],
    ['{"message":"Forbidden","connectionId":"c"}', { kind: 'error', message: 'Forbidden' }],
    ['{"topic":"aws/other"}', { kind: 'other', topic: 'aws/other' }],
    ['nope', { kind: 'malformed', reason: 'frame is not JSON' }],
    ['[1]', { kind: 'malformed', reason: 'frame is not a JSON object' }],
    [
      '{"topic":"aws/chat","content":"{oops"}',
      { kind: 'malformed', reason: 'aws/chat content is not JSON' },
    ],
    [
      '{"topic":"aws/chat","content":"42"}',
      { kind: 'malformed', reason: 'aws/chat content is not an item' },
    ],
  ])('%s', (frame, expected) => {
    expect(parseServerFrame(frame)).toEqual(expected);
  });

  it('sends the exact protocol frames', () => {
    expect(CLIENT_FRAMES).toEqual({
      subscribe: '{"topic":"aws/subscribe","content":{"topics":["aws/chat"]}}',
      heartbeat: '{"topic":"aws/heartbeat"}',
      ping: '{"topic":"aws/ping"}',
    });
  });
});

describe('browserEnvironment', () => {
  it('is undefined without a window (Node, SSR)', () => {
    expect(browserEnvironment()).toBeUndefined();
  });

  it('wakes on online and on becoming visible, and unsubscribes', () => {
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: 'hidden' });
    const global = globalThis as { window?: unknown; document?: unknown };
    global.window = win;
    global.document = doc;
    try {
      let wakes = 0;
      const stop = browserEnvironment()!.subscribe(() => {
        wakes += 1;
      });
      win.dispatchEvent(new Event('online'));
      doc.dispatchEvent(new Event('visibilitychange'));
      doc.visibilityState = 'visible';
      doc.dispatchEvent(new Event('visibilitychange'));
      expect(wakes).toBe(2);
      stop();
      win.dispatchEvent(new Event('online'));
      expect(wakes).toBe(2);
    } finally {
      delete global.window;
      delete global.document;
    }
  });
});
