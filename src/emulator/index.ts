/**
 * `contact-kit/emulator`: a local, in-memory Amazon Connect Participant Service for development and
 * tests (Node only). Point any Participant Service client at `url`; create chats through the admin
 * API; inject faults to test recovery.
 *
 * @packageDocumentation
 */
import { randomBytes } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from '../core/clock';
import { ContentType } from '../core/protocol/contentTypes';
import { type Logger, silentLogger } from '../core/logger';
import type { AgentFactory, AgentHandle } from './agentTypes';
import { builtInAgents } from './agents/index';
import type { WebCallAgentName } from './chime/botAgent';
import { ChimeHub } from './chime/chimeHub';
import { SYSTEM_SENDER, publish } from './chatActions';
import type { EmulatorContext } from './context';
import { FaultState } from './faults';
import { createRequestListener } from './router';
import { EmulatorStore } from './store';
import { createTimerSet } from './timerSet';
import { createViewRegistry } from './viewRegistry';
import { createNextTokenCodec } from './transcriptPage';
import { WebsocketHub } from './websocketHub';

export type { AgentContext, AgentFactory, AgentHandle } from './agentTypes';
export { parseFaultRequest, type FaultRequest, type InjectedStatus } from './faults';
export type { Clock, TimerHandle } from '../core/clock';
export type { Logger } from '../core/logger';
export type {
  OperationName,
  ScanDirection,
  SortKey,
  View,
  ViewContent,
} from '../core/protocol/types';
export { parseLeadingJson } from './parseLeadingJson';
export { BOT_AGENT_NAME, type WebCallAgentName } from './chime/botAgent';
export {
  CHIME_CONTROL_PATH,
  type MeetingSummary,
  type WebCallConnectionData,
} from './chime/chimeHub';
export {
  pageTranscript,
  type PageableEntry,
  type TranscriptPageResult,
  type TranscriptQuery,
  type TranscriptStart,
} from './transcriptPage';
export { SAMPLE_VIEWS } from './sampleViews';
export { MANAGED_VIEWS, SAMPLE_VIEW_DATA } from './managedViews';
export { createViewRegistry, type ViewRegistry } from './viewRegistry';

/**
 * Names of the built-in agents (`--agent`).
 *
 * @example
 * ```ts
 * await startEmulator({ agent: 'scripted' satisfies BuiltInAgentName });
 * ```
 */
export type BuiltInAgentName = 'none' | 'echo' | 'scripted';

/**
 * Options of {@link startEmulator}.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator({ port: 0, agent: 'echo', clock: fakeClock, random: () => 0.5 });
 * ```
 */
export interface StartEmulatorOptions {
  /** TCP port; 0 picks a free one. Default 4010. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Agent started for each chat created through `POST /admin/chat`. Default `'none'`. */
  agent?: BuiltInAgentName | AgentFactory;
  /**
   * Bot agent of each web call created through `POST /admin/webrtc`: `'echo'` joins an agent
   * attendee whose camera shows the customer's own camera (and who shares a test pattern as its
   * screen on `POST /admin/contacts/{ContactId}/screenshare`), `'none'` nobody. Default `'echo'`
   * when `agent` is set (other than `'none'`), else `'none'`. Web calls need the optional peers
   * amazon-chime-sdk-js and werift.
   */
  webCallAgent?: WebCallAgentName;
  /** Time source of every expiry window, timestamp and fault timer. Default the system clock. */
  clock?: Clock;
  /** Where the emulator logs. Default silent. */
  logger?: Logger;
  /** The server closes (1001) a websocket older than this, like API Gateway. Default 2 h. */
  maxSocketLifetimeMs?: number;
  /** Lifetime of connection tokens. Default 24 h. */
  connectionTokenTtlMs?: number;
  /** Window in which a websocket URL can be opened. Default 100 s. */
  websocketUrlTtlMs?: number;
  /** Largest REST JSON body; bigger ones get 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Largest attachment. Default 20 MiB. */
  maxAttachmentBytes?: number;
  /** Completed attachments per contact before 402 ServiceQuotaExceededException. Default 10. */
  maxAttachmentsPerContact?: number;
  /**
   * Uploads started but not completed per contact (with a live upload URL or uploaded bytes)
   * before StartAttachmentUpload answers 402 ServiceQuotaExceededException. Default 5.
   */
  maxUncompletedUploadsPerContact?: number;
  /** Random source in [0, 1) of the duplicate/reorder faults; inject one for deterministic tests. Default `Math.random`. */
  random?: () => number;
}

/**
 * A running emulator.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator({ port: 0 });
 * const client = createParticipantClient({ endpoint: emulator.url });
 * await emulator.close();
 * await fetch(`${emulator.url}/admin/contacts`);
 * await emulator.close();
 * ```
 */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:4010`: the Participant Service endpoint and the admin API. */
  url: string;
  /** The bound port. */
  port: number;
  /** Stops the agents, drops every socket and stops listening. */
  close(): Promise<void>;
}

const HOURS = 60 * 60 * 1000;

function publicHost(host: string): string {
  // chatjs accepts only wss:// or ws://127.0.0.1: URLs, so loopback aliases are spelled 127.0.0.1.
  if (host === '127.0.0.1' || host === '0.0.0.0' || host === 'localhost' || host === '::') {
    return '127.0.0.1';
  }
  return host.includes(':') ? `[${host}]` : host;
}

function resolveAgent(agent: StartEmulatorOptions['agent']): AgentFactory | undefined {
  if (agent === undefined || agent === 'none') {
    return undefined;
  }
  if (typeof agent === 'function') {
    return agent;
  }
  const factory = builtInAgents[agent];
  if (!factory) {
    throw new TypeError(
      `Unknown agent ${String(agent)}: use 'none', 'echo', 'scripted' or a function`,
    );
  }
  return factory;
}

/**
 * Starts the emulator and resolves once it listens.
 *
 * @example
 * ```ts
 * import { startEmulator } from 'contact-kit/emulator';
 * import { ConnectParticipantClient } from '@aws-sdk/client-connectparticipant';
 *
 * const emulator = await startEmulator({ port: 0, agent: 'echo' });
 * const chat = await (await fetch(`${emulator.url}/admin/chat`, {
 *   method: 'POST',
 *   body: JSON.stringify({ ParticipantDetails: { DisplayName: 'Ana' } }),
 * })).json();
 * const client = new ConnectParticipantClient({
 *   region: 'us-east-1',
 *   endpoint: emulator.url,
 *   credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
 * });
 * // … client.send(new CreateParticipantConnectionCommand({ ParticipantToken: chat.ParticipantToken, Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] }))
 * await emulator.close();
 * ```
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  // "localhost" may resolve to ::1 only, where the advertised 127.0.0.1 URLs would not reach us.
  const listenHost = host === 'localhost' ? '127.0.0.1' : host;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const agentFactory = resolveAgent(options.agent);
  const agents = new Set<AgentHandle>();
  let port = options.port ?? 4010;

  const store = new EmulatorStore({
    clock,
    connectionTokenTtlMs: options.connectionTokenTtlMs ?? 24 * HOURS,
    websocketUrlTtlMs: options.websocketUrlTtlMs ?? 100_000,
    uploadUrlTtlMs: 5 * 60 * 1000,
  });
  const faults = new FaultState(clock);
  const httpBase = (): string => `http://${publicHost(host)}:${port}`;
  // The context and the hub refer to each other (subscribe -> chat.rehydrated -> deliver).
  const context: { current?: EmulatorContext } = {};
  const hub = new WebsocketHub({
    store,
    faults,
    clock,
    logger,
    random: options.random ?? Math.random,
    maxSocketLifetimeMs: options.maxSocketLifetimeMs ?? 2 * HOURS,
    onSubscribed: (participant) => {
      const contact = store.getContact(participant.contactId);
      if (context.current && contact?.rehydrationPending && participant.role === 'CUSTOMER') {
        contact.rehydrationPending = false;
        publish(context.current, contact, {
          Type: 'EVENT',
          ContentType: ContentType.chatRehydrated,
          ...SYSTEM_SENDER,
        });
      }
    },
  });
  const chime = new ChimeHub({
    clock,
    logger,
    agent: options.webCallAgent ?? (agentFactory ? 'echo' : 'none'),
    wsBase: () => httpBase().replace(/^http/, 'ws'),
    isParticipantActive: (participantId) => {
      const participant = store.getParticipant(participantId);
      const contact = participant ? store.getContact(participant.contactId) : undefined;
      return participant?.status === 'joined' && contact?.status === 'active';
    },
  });
  const timers = createTimerSet(clock);
  const ctx: EmulatorContext = {
    store,
    hub,
    chime,
    faults,
    clock,
    timers,
    logger,
    limits: {
      maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
      maxAttachmentBytes: options.maxAttachmentBytes ?? 20 * 1024 * 1024,
      maxAttachmentsPerContact: options.maxAttachmentsPerContact ?? 10,
      maxUncompletedUploadsPerContact: options.maxUncompletedUploadsPerContact ?? 5,
    },
    nextTokens: createNextTokenCodec(randomBytes(32).toString('hex')),
    views: createViewRegistry(),
    httpBase,
    wsBase: () => httpBase().replace(/^http/, 'ws'),
    startAgent: (contact, customerDisplayName) => {
      if (!agentFactory) {
        return;
      }
      try {
        agents.add(
          agentFactory({
            url: httpBase(),
            contactId: contact.contactId,
            customerDisplayName,
            logger,
          }),
        );
      } catch (error) {
        logger.error(`agent failed to start for contact ${contact.contactId}`, error);
      }
    },
  };
  context.current = ctx;

  const server: Server = createServer(createRequestListener(ctx));
  server.on('upgrade', (request, socket, head) => {
    const { pathname } = new URL(request.url ?? '/', 'http://emulator.invalid');
    if (chime.handlesPath(pathname)) {
      chime.handleUpgrade(request, socket, head);
    } else {
      hub.handleUpgrade(request, socket, head);
    }
  });
  server.on('clientError', (error, socket) => {
    logger.debug('client error', error);
    if (socket.writable) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    } else {
      socket.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, listenHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => logger.error('server error', error));
  port = (server.address() as AddressInfo).port;
  logger.info(`emulator listening on ${httpBase()}`);

  let closing: Promise<void> | undefined;
  return {
    url: httpBase(),
    port,
    close() {
      closing ??= (async () => {
        await Promise.allSettled([...agents].map(async (handle) => handle.stop()));
        agents.clear();
        timers.clearAll();
        hub.closeAll();
        await chime.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}
