// Bench page of parts 3 to 5: runs ONE customer client per page, ours (`createChatSession`,
// optionally inside the shipped ChatWidget) or amazon-connect-chatjs (its dist file, loaded by a
// script tag), against the emulator. Both are observed the same way: a websocket probe installed
// before either loads, the client's own list of messages, and (widget) a MutationObserver on the DOM.
import { createRoot } from 'react-dom/client';
import { ChatWidget, createChatSession, preloadChatWidget } from 'contact-kit';
import type { ChatSession } from 'contact-kit';
import { installSocketProbe, now } from './socketProbe';
import type { Delivery, SocketRecord } from './socketProbe';

/** Where the client connects; from the emulator's admin API (StartChatContact). */
interface ClientStart {
  endpoint: string;
  participantToken: string;
  contactId: string;
  participantId: string;
  /** Ours only: render the ChatWidget over the session. */
  widget?: boolean;
}

/** A transcript item as chatjs hands it out (the wire Item). */
interface ChatjsItem {
  Id: string;
  Type?: string;
  ParticipantRole?: string;
  Content?: string;
}

interface ChatjsSession {
  connect(): Promise<unknown>;
  sendMessage(args: { contentType: string; message: string }): Promise<unknown>;
  onMessage(handler: (event: { data: ChatjsItem }) => void): void;
  onTranscriptUpdated(handler: (event: { data: { transcript: ChatjsItem[] } }) => void): void;
  onConnectionEstablished(handler: () => void): void;
  onConnectionLost(handler: () => void): void;
  onDeepHeartbeatFailure(handler: () => void): void;
}

interface ChatjsGlobal {
  ChatSession: {
    setGlobalConfig(config: Record<string, unknown>): void;
    create(options: Record<string, unknown>): ChatjsSession;
  };
}

interface ClientBench {
  startOurs(start: ClientStart): Promise<void>;
  startChatjs(start: ClientStart): Promise<void>;
  /** Sends a customer message (fire and forget; failures are counted). */
  send(text: string): void;
  /** Sends `${prefix}${i}` for i = 0 … count-1, one every `intervalMs`; resolves after the last. */
  sendMany(prefix: string, count: number, intervalMs: number): Promise<void>;
  /**
   * Resolves once the DOM showed `key` (a message marker, `dom`) or the client surfaced the Id
   * `key` (`client`); `false` after `timeoutMs`.
   */
  waitFor(where: 'dom' | 'client', key: string, timeoutMs: number): Promise<boolean>;
  /** What the page saw so far. */
  report(): ClientReport;
}

/** Everything the bench reads back from a page. */
interface ClientReport {
  client: 'ours' | 'chatjs' | undefined;
  sockets: SocketRecord[];
  /** Every `aws/chat` frame off any socket, in arrival order, repeats kept. */
  deliveries: Delivery[];
  /** The client's list of agent messages, in its order (ours: snapshot items; chatjs: its transcript). */
  list: string[];
  /** First time the client surfaced each agent message Id (ours: snapshot; chatjs: onMessage or transcript). */
  firstSeen: Record<string, number>;
  /** First time each message text (by its marker) showed in the DOM (widget only). */
  domSeen: Record<string, number>;
  /** Connection events the client reported, with times. */
  events: { at: number; kind: string }[];
  sendFailures: number;
}

const probe = installSocketProbe();
const firstSeen: Record<string, number> = {};
const domSeen: Record<string, number> = {};
const events: { at: number; kind: string }[] = [];
let list: string[] = [];
let client: ClientReport['client'];
let sendFailures = 0;
let sendImpl: (text: string) => void = () => {
  throw new Error('no client started');
};

const waiters = new Set<() => void>();
/** Wakes `waitFor` calls after a record changed. */
const notify = (): void => {
  for (const waiter of [...waiters]) {
    waiter();
  }
};

const isAgentMessage = (type: string | undefined, role: string | undefined): boolean =>
  type === 'MESSAGE' && role === 'AGENT';

function watchDom(): void {
  const marker = /(a2c-\d+-\d+)x/;
  new MutationObserver((mutations) => {
    const at = now();
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (!(node instanceof Element)) {
          continue;
        }
        const rows = node.matches('[data-message-id]')
          ? [node]
          : [...node.querySelectorAll('[data-message-id]')];
        for (const row of rows) {
          const found = marker.exec(row.textContent ?? '');
          if (found && domSeen[found[1]!] === undefined) {
            domSeen[found[1]!] = at;
          }
        }
      }
    }
    notify();
  }).observe(document.body, { childList: true, subtree: true });
}

async function startOurs(start: ClientStart): Promise<void> {
  client = 'ours';
  const session: ChatSession = createChatSession({
    endpoint: start.endpoint,
    participantToken: start.participantToken,
    contactId: start.contactId,
    participantId: start.participantId,
    storage: null,
  });
  let previousItems: unknown;
  let previousStatus: string | undefined;
  session.subscribe(() => {
    const snapshot = session.getSnapshot();
    if (snapshot.connection.status !== previousStatus) {
      previousStatus = snapshot.connection.status;
      events.push({ at: now(), kind: previousStatus });
    }
    if (snapshot.items === previousItems) {
      return;
    }
    previousItems = snapshot.items;
    const at = now();
    const ids: string[] = [];
    for (const item of snapshot.items) {
      if (item.type === 'message' && item.role === 'AGENT') {
        ids.push(item.id);
        firstSeen[item.id] ??= at;
      }
    }
    list = ids;
    notify();
  });
  sendImpl = (text) => {
    session.sendMessage(text);
  };
  if (start.widget) {
    // The widget's body is a lazy chunk: have it in before the messages the bench times arrive.
    await preloadChatWidget();
    watchDom();
    createRoot(document.getElementById('root')!).render(
      <ChatWidget session={session} defaultOpen />,
    );
  }
  session.connect();
  await waitUntil(() => session.getSnapshot().connection.status === 'open');
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

async function startChatjs(start: ClientStart): Promise<void> {
  client = 'chatjs';
  await loadScript('/vendor/amazon-connect-chat.js');
  const connect = (window as unknown as { connect: ChatjsGlobal }).connect;
  connect.ChatSession.setGlobalConfig({
    region: 'us-east-1',
    endpoint: start.endpoint,
    loggerConfig: { useDefaultLogger: false },
  });
  const session = connect.ChatSession.create({
    chatDetails: {
      contactId: start.contactId,
      participantId: start.participantId,
      participantToken: start.participantToken,
    },
    options: { region: 'us-east-1' },
    type: 'CUSTOMER',
    disableCSM: true,
  });
  let established = false;
  session.onConnectionEstablished(() => {
    established = true;
    events.push({ at: now(), kind: 'established' });
  });
  session.onConnectionLost(() => events.push({ at: now(), kind: 'lost' }));
  session.onDeepHeartbeatFailure(() => events.push({ at: now(), kind: 'heartbeat-failure' }));
  session.onMessage((event) => {
    const item = event.data;
    if (item && isAgentMessage(item.Type, item.ParticipantRole)) {
      firstSeen[item.Id] ??= now();
      notify();
    }
  });
  // Subscribing turns on chatjs 5's own transcript (deduplicated by Id, refetched on reconnect).
  session.onTranscriptUpdated((event) => {
    const at = now();
    const ids: string[] = [];
    for (const item of event.data.transcript) {
      if (isAgentMessage(item.Type, item.ParticipantRole)) {
        ids.push(item.Id);
        firstSeen[item.Id] ??= at;
      }
    }
    list = ids;
    notify();
  });
  sendImpl = (text) => {
    session.sendMessage({ contentType: 'text/plain', message: text }).catch(() => {
      sendFailures += 1;
    });
  };
  await session.connect();
  await waitUntil(() => established);
}

async function waitUntil(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error('timed out waiting for the client to connect');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const bench: ClientBench = {
  startOurs,
  startChatjs,
  send: (text) => sendImpl(text),
  async sendMany(prefix, count, intervalMs) {
    const started = performance.now();
    for (let index = 0; index < count; index += 1) {
      const due = started + index * intervalMs;
      const wait = due - performance.now();
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      sendImpl(`${prefix}${index}`);
    }
  },
  waitFor: (where, key, timeoutMs) =>
    new Promise((resolve) => {
      const records = where === 'dom' ? domSeen : firstSeen;
      const check = (): void => {
        if (records[key] !== undefined) {
          finish(true);
        }
      };
      const finish = (value: boolean): void => {
        waiters.delete(check);
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      waiters.add(check);
      check();
    }),
  report: () => ({
    client,
    sockets: probe.sockets,
    deliveries: probe.deliveries,
    list,
    firstSeen,
    domSeen,
    events,
    sendFailures,
  }),
};

(window as unknown as { clientBench: ClientBench }).clientBench = bench;
