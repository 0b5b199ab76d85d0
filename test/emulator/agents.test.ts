import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startEmulator } from 'contact-kit/emulator';
import type { Item } from 'contact-kit/core';
import {
  replyToCarousel,
  replyToChoice,
  replyToTimePicker,
} from '../../src/core/chat/interactive/interactiveReply';
import { parseInteractiveContent } from '../../src/core/chat/interactive/parseInteractiveContent';
import type {
  CarouselTemplate,
  ListPickerTemplate,
  PanelTemplate,
  TimePickerTemplate,
} from '../../src/core/chat/interactive/interactiveTemplate';
import {
  SCRIPTED_KEYWORDS,
  createEchoAgent,
  createSampleAttachment,
  createScriptedAgent,
  initialScriptedState,
  scriptedReply,
  templateProblems,
} from '../../src/emulator/agents';

const INTERACTIVE = 'application/vnd.amazonaws.connect.message.interactive';
const INTERACTIVE_RESPONSE = 'application/vnd.amazonaws.connect.message.interactive.response';
const TYPING = 'application/vnd.amazonaws.connect.event.typing';
const CHAT_ENDED = 'application/vnd.amazonaws.connect.event.chat.ended';
const SUPPORTED = ['text/plain', 'text/markdown', INTERACTIVE, INTERACTIVE_RESPONSE];

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(
  agent: NonNullable<Parameters<typeof startEmulator>[0]>['agent'],
): Promise<string> {
  emulator = await startEmulator({ port: 0, agent });
  return emulator.url;
}

async function call<T>(url: string, path: string, body: unknown, bearer?: string): Promise<T> {
  const response = await fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { 'x-amz-bearer': bearer } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${path} ${response.status}: ${text}`);
  }
  return (text ? JSON.parse(text) : {}) as T;
}

/** Polls `read` until it returns a value (not undefined); fails with `describe()` after a generous wait. */
async function eventually<T>(
  read: () => T | undefined | Promise<T | undefined>,
  describe: () => string,
): Promise<T> {
  for (let attempt = 0; attempt < 1_000; attempt += 1) {
    const value = await read();
    if (value !== undefined) {
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`condition not met: ${describe()}`);
}

/** A customer speaking the protocol with plain fetch + ws, like a minimal client. */
async function startCustomer(url: string, displayName = 'Sam Lee') {
  const chat = await call<{ ContactId: string; ParticipantId: string; ParticipantToken: string }>(
    url,
    '/admin/chat',
    { ParticipantDetails: { DisplayName: displayName }, SupportedMessagingContentTypes: SUPPORTED },
  );
  const connection = await call<{
    Websocket: { Url: string };
    ConnectionCredentials: { ConnectionToken: string };
  }>(
    url,
    '/participant/connection',
    { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] },
    chat.ParticipantToken,
  );
  const token = connection.ConnectionCredentials.ConnectionToken;
  /** Items in arrival order, each once (by Id). */
  const items: Item[] = [];
  const ids = new Set<string>();
  const add = (item: Item): void => {
    if (item.Id && !ids.has(item.Id)) {
      ids.add(item.Id);
      items.push(item);
    }
  };
  const ws = new WebSocket(connection.Websocket.Url);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('error', () => {});
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { topic?: string; content?: unknown };
    if (frame.topic === 'aws/chat' && typeof frame.content === 'string') {
      add(JSON.parse(frame.content) as Item);
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => {
      ws.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } }));
      resolve();
    });
    ws.once('error', reject);
  });
  // Whatever was said before we subscribed (the agent may already have greeted).
  const history = await call<{ Transcript?: Item[] }>(
    url,
    '/participant/transcript',
    { ScanDirection: 'BACKWARD', SortOrder: 'ASCENDING', MaxResults: 100 },
    token,
  );
  for (const item of history.Transcript ?? []) {
    add(item);
  }

  const describeItems = (): string =>
    JSON.stringify(
      items.map((i) => [i.Type, i.ParticipantRole, i.ContentType, i.Content?.slice(0, 60)]),
    );

  return {
    contactId: chat.ContactId,
    participantId: chat.ParticipantId,
    token,
    items,
    closed,
    ws,
    async send(content: string, contentType = 'text/plain'): Promise<string> {
      const sent = await call<{ Id: string }>(
        url,
        '/participant/message',
        { ContentType: contentType, Content: content, ClientToken: crypto.randomUUID() },
        token,
      );
      return sent.Id;
    },
    /** The first item after `afterIndex` (an index in `items`) matching `predicate`. */
    waitFor(predicate: (item: Item) => boolean, afterIndex = -1): Promise<Item> {
      return eventually(
        () => items.find((item, index) => index > afterIndex && predicate(item)),
        () => `no matching item in ${describeItems()}`,
      );
    },
    /** Sends `content` and waits for the next item from the agent or bot side after it. */
    async ask(content: string, contentType = 'text/plain'): Promise<Item> {
      const id = await this.send(content, contentType);
      await eventually(
        () => (ids.has(id) ? true : undefined),
        () => `own message ${id} never arrived`,
      );
      const index = items.findIndex((item) => item.Id === id);
      return this.waitFor(
        (item) =>
          (item.Type === 'MESSAGE' || item.Type === 'ATTACHMENT') &&
          (item.ParticipantRole === 'AGENT' || item.ParticipantRole === 'SYSTEM'),
        index,
      );
    },
  };
}

async function adminTranscript(url: string, contactId: string): Promise<Item[]> {
  const response = await fetch(new URL(`/admin/contacts/${contactId}/transcript`, url));
  const body = (await response.json()) as Item[] | { Transcript?: Item[] };
  return Array.isArray(body) ? body : (body.Transcript ?? []);
}

const agentTexts = (items: readonly Item[]): string[] =>
  items
    .filter((i) => i.Type === 'MESSAGE' && i.ParticipantRole === 'AGENT')
    .map((i) => i.Content ?? '');

const templateOf = (item: Item): { templateType: string } =>
  JSON.parse(item.Content ?? '') as { templateType: string };

describe('echo agent', { timeout: 30_000 }, () => {
  it('answers each customer message with Echo:, keeping markdown, after a read receipt', async () => {
    const url = await start(createEchoAgent());
    const customer = await startCustomer(url);

    const plain = await customer.ask('hello there');
    expect(plain).toMatchObject({
      ParticipantRole: 'AGENT',
      DisplayName: 'Alex (agent)',
      ContentType: 'text/plain',
      Content: 'Echo: hello there',
    });

    const markdown = await customer.ask('**bold** move', 'text/markdown');
    expect(markdown).toMatchObject({
      ContentType: 'text/markdown',
      Content: 'Echo: **bold** move',
    });

    const helloId = customer.items.find((i) => i.Content === 'hello there')!.Id;
    const receipt = await customer.waitFor(
      (i) =>
        i.Type === 'MESSAGEMETADATA' &&
        i.MessageMetadata?.MessageId === helloId &&
        (i.MessageMetadata?.Receipts ?? []).some((r) => r.ReadTimestamp),
    );
    expect(receipt.MessageMetadata?.Receipts?.[0]?.RecipientParticipantId).not.toBe(
      customer.participantId,
    );
  });

  it('answers a message delivered twice only once', async () => {
    // Count the agent's SendMessage calls too: the server's ClientToken replay would hide a second
    // identical call from the transcript, and the agent should not even make it.
    const replies: string[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      if (String(input).endsWith('/participant/message') && typeof init?.body === 'string') {
        replies.push((JSON.parse(init.body) as { Content: string }).Content);
      }
      return fetch(input, init);
    };
    const url = await start(createEchoAgent({ fetch: countingFetch }));
    const customer = await startCustomer(url);
    await customer.ask('warm up');
    await call(url, '/admin/faults', { duplicateDeliveries: 1, forMs: 10_000 });

    await customer.ask('twice?');
    await customer.ask('next');
    await call(url, '/admin/faults', { reset: true });

    const transcript = await adminTranscript(url, customer.contactId);
    expect(agentTexts(transcript).filter((text) => text === 'Echo: twice?')).toHaveLength(1);
    expect(replies.filter((text) => text === 'Echo: twice?')).toHaveLength(1);
  });

  it('reconnects after dropped sockets and answers a message sent meanwhile exactly once', async () => {
    const url = await start(createEchoAgent({ reconnectBaseDelayMs: 50 }));
    const customer = await startCustomer(url);
    await customer.ask('before the drop');

    // The agent's first reconnect attempts fail too, so the message below lands while it is away.
    await call(url, '/admin/faults', { dropSockets: true });
    await call(url, '/admin/faults', {
      failNext: { operation: 'CreateParticipantConnection', status: 500, count: 2 },
    });
    await customer.send('while you were away');

    await eventually(
      async () =>
        agentTexts(await adminTranscript(url, customer.contactId)).includes(
          'Echo: while you were away',
        )
          ? true
          : undefined,
      () => 'the agent never answered the message sent while its socket was down',
    );
    const contact = await eventually(
      async () => {
        const response = await fetch(new URL(`/admin/contacts/${customer.contactId}`, url));
        const body = (await response.json()) as {
          Participants: { ParticipantRole: string; OpenWebsockets: number }[];
        };
        return body.Participants.some((p) => p.ParticipantRole === 'AGENT' && p.OpenWebsockets > 0)
          ? body
          : undefined;
      },
      () => 'the agent has no open websocket after the drop',
    );
    expect(contact.Participants.length).toBeGreaterThanOrEqual(2);

    // A later message proves the agent is live on the new socket; the earlier one is still answered once.
    await customer.send('and after');
    await eventually(
      async () =>
        agentTexts(await adminTranscript(url, customer.contactId)).includes('Echo: and after')
          ? true
          : undefined,
      () => 'no answer after the reconnect',
    );
    const texts = agentTexts(await adminTranscript(url, customer.contactId));
    expect(texts.filter((text) => text === 'Echo: while you were away')).toHaveLength(1);
    expect(texts.filter((text) => text === 'Echo: before the drop')).toHaveLength(1);
  });

  it('notices a half-open socket by its unanswered heartbeat and catches up after reconnecting', async () => {
    const url = await start(createEchoAgent({ heartbeatIntervalMs: 50, reconnectBaseDelayMs: 20 }));
    const customer = await startCustomer(url);
    await customer.ask('before the silence');
    await call(url, '/admin/faults', { silenceMs: 400 });
    await customer.send('into the silence');

    await eventually(
      async () =>
        agentTexts(await adminTranscript(url, customer.contactId)).includes(
          'Echo: into the silence',
        )
          ? true
          : undefined,
      () => 'the agent never answered the message sent during the silence',
    );
    await customer.send('after the silence');
    await eventually(
      async () =>
        agentTexts(await adminTranscript(url, customer.contactId)).includes(
          'Echo: after the silence',
        )
          ? true
          : undefined,
      () => 'no answer after the silence',
    );
    const texts = agentTexts(await adminTranscript(url, customer.contactId));
    expect(texts.filter((text) => text === 'Echo: into the silence')).toHaveLength(1);
  });

  it('runs by name through startEmulator({ agent: "echo" })', async () => {
    const url = await start('echo');
    const customer = await startCustomer(url);
    expect((await customer.ask('by name')).Content).toBe('Echo: by name');
  });

  it('stops answering once stopped: a second agent answers, the stopped one never does', async () => {
    const url = await start('none');
    const customer = await startCustomer(url);
    const context = {
      url,
      contactId: customer.contactId,
      customerDisplayName: 'Sam Lee',
      logger: console,
    };
    const first = createEchoAgent()(context);
    await customer.ask('first agent?');
    await first.stop();

    await customer.send('anyone?');
    const second = createEchoAgent()(context);
    await customer.waitFor((i) => i.Content === 'Echo: anyone?');
    await customer.ask('last');
    await second.stop();

    const texts = agentTexts(await adminTranscript(url, customer.contactId));
    expect(texts.filter((text) => text === 'Echo: anyone?')).toHaveLength(1);
  });
});

describe('scripted agent', { timeout: 30_000 }, () => {
  const agent = createScriptedAgent({
    replyDelayMs: 5,
    now: () => new Date('2026-03-01T12:00:00Z'),
  });

  /** A customer who has been greeted, so the next agent item answers the next question. */
  async function greetedCustomer(url: string) {
    const customer = await startCustomer(url);
    await customer.waitFor((i) => i.Type === 'MESSAGE' && i.ParticipantRole === 'AGENT');
    return customer;
  }

  it('greets by name, types before replying and lists its keywords on help', async () => {
    const url = await start(agent);
    const customer = await startCustomer(url, 'Robin');
    const greeting = await customer.waitFor(
      (i) => i.Type === 'MESSAGE' && i.ParticipantRole === 'AGENT',
    );
    expect(greeting.Content).toContain('Robin');

    const help = await customer.ask('help');
    expect(help.ParticipantRole).toBe('AGENT');
    for (const { keyword } of SCRIPTED_KEYWORDS) {
      expect(help.Content).toContain(keyword);
    }
    const askedIndex = customer.items.findIndex((i) => i.Content === 'help');
    const helpIndex = customer.items.indexOf(help);
    const typing = customer.items.filter(
      (i, index) =>
        index > askedIndex &&
        index < helpIndex &&
        i.ContentType === TYPING &&
        i.ParticipantRole === 'AGENT',
    );
    expect(typing).toHaveLength(1);

    const other = await customer.ask('Where is my parcel?');
    expect(other.Content).toContain('"Where is my parcel?"');
  });

  it('sends each interactive template with the right templateType, as the BOT', async () => {
    const url = await start(agent);
    const customer = await greetedCustomer(url);
    for (const [keyword, templateType] of [
      ['list', 'ListPicker'],
      ['panel', 'Panel'],
      ['quick', 'QuickReply'],
      ['time', 'TimePicker'],
      ['carousel', 'Carousel'],
      ['more', 'ListPicker'],
    ] as const) {
      const reply = await customer.ask(keyword);
      expect(reply).toMatchObject({
        ContentType: INTERACTIVE,
        ParticipantRole: 'SYSTEM',
        DisplayName: 'BOT',
      });
      const template = templateOf(reply);
      expect(template.templateType).toBe(templateType);
      expect(templateProblems(template)).toEqual([]);
    }
    const markdown = await customer.ask('markdown');
    expect(markdown).toMatchObject({ ContentType: 'text/markdown', ParticipantRole: 'AGENT' });
  });

  it('runs an Authenticate customer block on "signin" and a processing rule on "reject"', async () => {
    const url = await start(agent);
    const customer = await greetedCustomer(url);
    await customer.ask('signin');
    const initiated = await customer.waitFor(
      (i) => i.ContentType === 'application/vnd.amazonaws.connect.event.authentication.initiated',
    );
    expect(JSON.parse(initiated.Content ?? '{}')).toHaveProperty('SessionId');
    await customer.ask('reject');
    const contact = (await (
      await fetch(new URL(`/admin/contacts/${customer.contactId}`, url))
    ).json()) as { Authentication?: unknown; Processing?: unknown };
    expect(contact.Authentication).toMatchObject({ Status: 'INITIATED', TimeoutSeconds: 120 });
    expect(contact.Processing).toEqual({ Status: 'REJECTED', Match: 'secret' });
  });

  it('confirms choices sent back the way the kit sends them', async () => {
    const url = await start(agent);
    const customer = await greetedCustomer(url);

    const panel = templateOf(await customer.ask('panel')) as unknown as PanelTemplate;
    const panelChoice = replyToChoice(panel, panel.data.content.elements[1]!);
    expect((await customer.ask(panelChoice.content, panelChoice.contentType)).Content).toContain(
      panel.data.content.elements[1]!.title,
    );

    const time = templateOf(await customer.ask('time')) as unknown as TimePickerTemplate;
    const slot = replyToTimePicker(time, time.data.content.timeslots[0]!);
    expect((await customer.ask(slot.content, slot.contentType)).Content).toContain('booked');

    const carousel = templateOf(await customer.ask('carousel')) as unknown as CarouselTemplate;
    const card = carousel.data.content.elements[1]!;
    const pick = replyToCarousel(carousel, card, card.data.content.elements[0]!);
    expect((await customer.ask(pick.content, pick.contentType)).Content).toContain(
      card.data.content.elements[0]!.title,
    );
  });

  it('pages the "more" list on Show more and Previous options', async () => {
    const url = await start(agent);
    const customer = await greetedCustomer(url);
    const first = templateOf(await customer.ask('more')) as unknown as ListPickerTemplate;
    const showMore = first.data.content.elements.find((e) => e.actionDetail === 'SHOW_MORE')!;
    const moreReply = replyToChoice(first, showMore)!;
    expect(moreReply.contentType).toBe(INTERACTIVE_RESPONSE);

    const second = templateOf(
      await customer.ask(moreReply.content, moreReply.contentType),
    ) as unknown as ListPickerTemplate;
    expect(second.data.content.referenceId).toBe(first.data.content.referenceId);
    expect(second.data.content.preIndex).toBe((first.data.content.nextIndex! as number) - 1);
    const firstTitles = first.data.content.elements.map((e) => e.title);
    const secondItems = second.data.content.elements.filter((e) => !e.actionDetail);
    expect(secondItems.length).toBeGreaterThan(0);
    for (const element of secondItems) {
      expect(firstTitles).not.toContain(element.title);
    }

    const previous = second.data.content.elements.find(
      (e) => e.actionDetail === 'PREVIOUS_OPTIONS',
    )!;
    const backReply = replyToChoice(second, previous)!;
    const back = templateOf(
      await customer.ask(backReply.content, backReply.contentType),
    ) as unknown as ListPickerTemplate;
    expect(back.data.content.elements.map((e) => e.title)).toEqual(firstTitles);
  });

  it('sends only templates the kit parses back into the same template (one shared model)', async () => {
    // Every keyword whose reply is an interactive message or a view, asked of the agent's own
    // brain, so a keyword added later is covered without touching this test.
    const context = { now: new Date('2026-03-01T12:00:00Z'), messageId: 'm' };
    const keywords = SCRIPTED_KEYWORDS.map(({ keyword }) => keyword).filter((keyword) =>
      scriptedReply(
        initialScriptedState,
        { contentType: 'text/plain', content: keyword },
        context,
      ).actions.some((action) => action.type === 'sendInteractive' || action.type === 'showView'),
    );
    const url = await start(agent);
    const customer = await greetedCustomer(url);
    for (const keyword of keywords) {
      expect((await customer.ask(keyword)).ContentType).toBe(INTERACTIVE);
    }
    // The second page of the paged list, asked for the way the kit asks.
    const paged = customer.items.find(
      (item) => item.ContentType === INTERACTIVE && item.Content?.includes('SHOW_MORE'),
    )!;
    const first = templateOf(paged) as unknown as ListPickerTemplate;
    const showMore = replyToChoice(
      first,
      first.data.content.elements.find((e) => e.actionDetail === 'SHOW_MORE')!,
    )!;
    await customer.ask(showMore.content, showMore.contentType);

    const sent = (await adminTranscript(url, customer.contactId)).filter(
      (item) => item.ContentType === INTERACTIVE,
    );
    expect(sent.length).toBe(keywords.length + 1);
    for (const item of sent) {
      const result = parseInteractiveContent(item.Content ?? '');
      expect(result).toEqual({ ok: true, template: JSON.parse(item.Content ?? '') as unknown });
    }
    expect(new Set(sent.map((item) => templateOf(item).templateType))).toEqual(
      new Set(['ListPicker', 'Panel', 'QuickReply', 'TimePicker', 'Carousel', 'ViewResource']),
    );
  });

  it('sends a file whose bytes download through GetAttachment', async () => {
    const url = await start(agent);
    const customer = await greetedCustomer(url);
    await customer.ask('file');
    const attachmentItem = await customer.waitFor(
      (i) => i.Type === 'ATTACHMENT' && i.ParticipantRole === 'AGENT',
    );
    const expected = createSampleAttachment();
    const [attachment] = attachmentItem.Attachments ?? [];
    expect(attachment).toMatchObject({
      AttachmentName: expected.name,
      ContentType: expected.contentType,
    });

    const download = await call<{ Url: string; AttachmentSizeInBytes: number }>(
      url,
      '/participant/attachment',
      { AttachmentId: attachment!.AttachmentId },
      customer.token,
    );
    expect(download.AttachmentSizeInBytes).toBe(expected.bytes.byteLength);
    const bytes = new Uint8Array(await (await fetch(download.Url)).arrayBuffer());
    expect(Buffer.from(bytes).equals(Buffer.from(expected.bytes))).toBe(true);
  });

  it('closes its socket when stopped in the middle of a reply pause', async () => {
    const url = await start('none');
    const customer = await startCustomer(url);
    const context = {
      url,
      contactId: customer.contactId,
      customerDisplayName: 'Sam',
      logger: console,
    };
    const handle = createScriptedAgent({ replyDelayMs: 60_000 })(context);
    await customer.send('help');
    await customer.waitFor((i) => i.ContentType === TYPING && i.ParticipantRole === 'AGENT');
    await handle.stop();

    const agentSockets = async (): Promise<number | undefined> => {
      const response = await fetch(new URL(`/admin/contacts/${customer.contactId}`, url));
      const body = (await response.json()) as {
        Participants: { ParticipantRole: string; OpenWebsockets: number }[];
      };
      return body.Participants.find((p) => p.ParticipantRole === 'AGENT')?.OpenWebsockets;
    };
    await eventually(
      async () => ((await agentSockets()) === 0 ? true : undefined),
      () => 'the stopped agent still has an open websocket',
    );
    expect(agentTexts(await adminTranscript(url, customer.contactId))).not.toContain(
      expect.stringContaining('keyword'),
    );
  });

  it('says goodbye on bye and ends the chat: chat.ended, then the socket closes with 1000', async () => {
    const url = await start(agent);
    const customer = await greetedCustomer(url);
    const goodbye = await customer.ask('bye');
    expect(goodbye.Content).toMatch(/goodbye/i);
    await customer.waitFor((i) => i.ContentType === CHAT_ENDED);
    expect(await customer.closed).toBe(1000);
  });
});
