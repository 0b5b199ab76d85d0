import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentContext, type RunningEmulator, startEmulator } from 'contact-kit/emulator';
import { ContentType, type Item } from 'contact-kit/core';
import {
  TestSocket,
  addAgent,
  adminTranscript,
  call,
  connect,
  eventually,
  request,
  startChat,
} from './support';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator.close();
});

describe('admin API', () => {
  it('POST /admin/chat emits the customer participant.joined and the InitialMessage', async () => {
    const chat = await startChat(emulator.url, {
      InitialMessage: { ContentType: 'text/plain', Content: 'I need help' },
      Attributes: { cart: '3' },
    });
    const items = await adminTranscript(emulator.url, chat.ContactId);
    expect(
      items.map((item) => [item.Type, item.ContentType, item.Content, item.ParticipantRole]),
    ).toEqual([
      ['EVENT', ContentType.participantJoined, undefined, 'CUSTOMER'],
      ['MESSAGE', 'text/plain', 'I need help', 'CUSTOMER'],
    ]);
    expect(items[0]).toMatchObject({
      ParticipantId: chat.ParticipantId,
      DisplayName: 'Ana',
      ContactId: chat.ContactId,
      InitialContactId: chat.ContactId,
    });
    const contact = await request(`${emulator.url}/admin/contacts/${chat.ContactId}`);
    expect(contact.body).toMatchObject({
      ContactId: chat.ContactId,
      Status: 'ACTIVE',
      Attributes: { cart: '3' },
      Participants: [
        {
          ParticipantId: chat.ParticipantId,
          DisplayName: 'Ana',
          ParticipantRole: 'CUSTOMER',
          OpenWebsockets: 0,
        },
      ],
    });
  });

  it.each([
    ['no ParticipantDetails', {}],
    ['no DisplayName', { ParticipantDetails: {} }],
    [
      'content types without text/plain',
      {
        ParticipantDetails: { DisplayName: 'A' },
        SupportedMessagingContentTypes: ['text/markdown'],
      },
    ],
    [
      'an unknown content type',
      {
        ParticipantDetails: { DisplayName: 'A' },
        SupportedMessagingContentTypes: ['text/plain', 'image/png'],
      },
    ],
    ['non-string attributes', { ParticipantDetails: { DisplayName: 'A' }, Attributes: { n: 1 } }],
    [
      'a bad RehydrationType',
      {
        ParticipantDetails: { DisplayName: 'A' },
        PersistentChat: { SourceContactId: 'x', RehydrationType: 'ALL' },
      },
    ],
  ])('POST /admin/chat rejects %s with 400', async (_label, body) => {
    const answer = await request(`${emulator.url}/admin/chat`, { body });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('x-amzn-errortype')).toBe('ValidationException');
  });

  it('GET /admin/contacts lists newest first; stop ends a contact and is idempotent', async () => {
    const older = await startChat(emulator.url);
    const newer = await startChat(emulator.url);
    const list = await request<{ Contacts: { ContactId: string; Status: string }[] }>(
      `${emulator.url}/admin/contacts`,
    );
    const ids = list.body.Contacts.map((contact) => contact.ContactId);
    expect(ids.indexOf(newer.ContactId)).toBeLessThan(ids.indexOf(older.ContactId));
    expect(
      (await request(`${emulator.url}/admin/contacts/${older.ContactId}/stop`, { body: {} }))
        .status,
    ).toBe(200);
    expect(
      (await request(`${emulator.url}/admin/contacts/${older.ContactId}/stop`, { body: {} }))
        .status,
    ).toBe(200);
    const described = await request<{ Status: string; Participants: { Status: string }[] }>(
      `${emulator.url}/admin/contacts/${older.ContactId}`,
    );
    expect(described.body.Status).toBe('ENDED');
    expect(described.body.Participants.map((p) => p.Status)).toEqual(['LEFT']);
    const ended = (await adminTranscript(emulator.url, older.ContactId)).filter(
      (item) => item.ContentType === ContentType.chatEnded,
    );
    expect(ended).toHaveLength(1);
  });

  it('unknown contacts are 404 ResourceNotFoundException (CONTACT)', async () => {
    for (const path of ['/admin/contacts/nope', '/admin/contacts/nope/transcript']) {
      const answer = await request(`${emulator.url}${path}`);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ ResourceId: 'nope', ResourceType: 'CONTACT' });
    }
    expect((await request(`${emulator.url}/admin/contacts/nope/stop`, { body: {} })).status).toBe(
      404,
    );
  });

  it('POST participants: the roles, participant.joined, credentials; 400 for bad roles or ended contacts', async () => {
    const chat = await startChat(emulator.url);
    const answer = await request<{
      ParticipantId: string;
      ParticipantCredentials: { ParticipantToken: string; Expiry: string };
    }>(`${emulator.url}/admin/contacts/${chat.ContactId}/participants`, {
      body: { ParticipantDetails: { DisplayName: 'Sam', ParticipantRole: 'AGENT' } },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.ParticipantCredentials.Expiry).toMatch(/\.\d{3}Z$/);
    for (const role of ['CUSTOM_BOT', 'SUPERVISOR', 'SYSTEM']) {
      await addAgent(emulator.url, chat.ContactId, role, role);
    }
    const joined = (await adminTranscript(emulator.url, chat.ContactId)).filter(
      (item) => item.ContentType === ContentType.participantJoined,
    );
    expect(joined.map((item) => item.ParticipantRole)).toEqual([
      'CUSTOMER',
      'AGENT',
      'CUSTOM_BOT',
      'SUPERVISOR',
      'SYSTEM',
    ]);
    const bad = await request(`${emulator.url}/admin/contacts/${chat.ContactId}/participants`, {
      body: { ParticipantDetails: { DisplayName: 'X', ParticipantRole: 'CUSTOMER' } },
    });
    expect(bad.status).toBe(400);
    await request(`${emulator.url}/admin/contacts/${chat.ContactId}/stop`, { body: {} });
    const late = await request(`${emulator.url}/admin/contacts/${chat.ContactId}/participants`, {
      body: { ParticipantDetails: { DisplayName: 'X', ParticipantRole: 'AGENT' } },
    });
    expect(late.status).toBe(400);
  });
});

describe('POST /admin/contacts/{id}/items', () => {
  it('injects an interactive message from the bot, fanned out and stored', async () => {
    const chat = await startChat(emulator.url);
    const socket = await TestSocket.subscribed(
      (await connect(emulator.url, chat.ParticipantToken)).websocketUrl,
    );
    try {
      const content = JSON.stringify({
        templateType: 'ListPicker',
        version: '1.0',
        data: { content: { title: 'Pick', elements: [{ title: 'A' }] } },
      });
      const answer = await request<{ Id: string; AbsoluteTime: string }>(
        `${emulator.url}/admin/contacts/${chat.ContactId}/items`,
        {
          body: { ContentType: ContentType.interactive, Content: content },
        },
      );
      expect(answer.status).toBe(200);
      const item = await socket.waitForItem((candidate) => candidate.Id === answer.body.Id);
      expect(item).toMatchObject({
        Type: 'MESSAGE',
        ContentType: ContentType.interactive,
        Content: content,
        ParticipantRole: 'SYSTEM',
        DisplayName: 'BOT',
        AbsoluteTime: answer.body.AbsoluteTime,
        ContactId: chat.ContactId,
        InitialContactId: chat.ContactId,
      });
    } finally {
      socket.close();
    }
  });

  it('defaults Type to EVENT for event content types (transfer, idle) and stores them', async () => {
    const chat = await startChat(emulator.url);
    for (const type of [ContentType.transferSucceeded, ContentType.participantIdle]) {
      await request(`${emulator.url}/admin/contacts/${chat.ContactId}/items`, {
        body: { ContentType: type },
      });
    }
    const items = await adminTranscript(emulator.url, chat.ContactId);
    expect(items.slice(1).map((item) => [item.Type, item.ContentType])).toEqual([
      ['EVENT', ContentType.transferSucceeded],
      ['EVENT', ContentType.participantIdle],
    ]);
  });

  it('Lex streaming: chunks with the same Id are each delivered, and the last replaces the earlier in the transcript', async () => {
    const chat = await startChat(emulator.url);
    const connection = await connect(emulator.url, chat.ParticipantToken);
    const socket = await TestSocket.subscribed(connection.websocketUrl);
    try {
      const path = `${emulator.url}/admin/contacts/${chat.ContactId}/items`;
      const chunk = (
        content: string,
        number: number,
        completed: boolean,
      ): Promise<{ body: { Id: string; AbsoluteTime: string } }> =>
        request(path, {
          body: {
            Id: 'lex-1',
            ContentType: 'text/plain',
            Content: content,
            MessageMetadata: { MessageCompleted: completed, ChunkNumber: number },
          },
        });
      const first = await chunk('Hel', 1, false);
      await chunk('Hello', 2, false);
      const last = await chunk('Hello there', 3, true);
      expect(last.body).toEqual(first.body);
      await socket.waitForItem((item) => item.MessageMetadata?.MessageCompleted === true);
      expect(
        socket
          .items()
          .filter((item) => item.Id === 'lex-1')
          .map((item) => item.MessageMetadata?.ChunkNumber),
      ).toEqual([1, 2, 3]);
      const stored = (await adminTranscript(emulator.url, chat.ContactId)).filter(
        (item: Item) => item.Id === 'lex-1',
      );
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        Content: 'Hello there',
        MessageMetadata: { MessageCompleted: true, ChunkNumber: 3 },
      });
      const page = await call<{ Transcript: Item[] }>(
        emulator.url,
        'transcript',
        connection.connectionToken,
        {},
      );
      expect(
        page.body.Transcript.filter((item) => item.Id === 'lex-1').map((item) => item.Content),
      ).toEqual(['Hello there']);
    } finally {
      socket.close();
    }
  });

  it('fans out injected typing without storing it, and refuses chat.ended and control characters', async () => {
    const chat = await startChat(emulator.url);
    const path = `${emulator.url}/admin/contacts/${chat.ContactId}/items`;
    expect((await request(path, { body: { ContentType: ContentType.typing } })).status).toBe(200);
    expect((await request(path, { body: { ContentType: ContentType.chatEnded } })).status).toBe(
      400,
    );
    expect((await request(path, { body: { Content: 'no type' } })).status).toBe(400);
    for (const contentType of ['text/plain\r\nX-Injected: 1', 'text/pl\u0000ain']) {
      const refused = await request(path, { body: { ContentType: contentType, Content: 'x' } });
      expect([refused.status, refused.headers.get('x-amzn-errortype')]).toEqual([
        400,
        'ValidationException',
      ]);
    }
    const items = await adminTranscript(emulator.url, chat.ContactId);
    expect(items.map((item) => item.ContentType)).toEqual([ContentType.participantJoined]);
  });
});

describe('agents', () => {
  it('starts the agent factory for each chat and stops every handle on close', async () => {
    const started: AgentContext[] = [];
    let stopped = 0;
    const local = await startEmulator({
      port: 0,
      agent: (context) => {
        started.push(context);
        return { stop: () => void (stopped += 1) };
      },
    });
    const chat = await startChat(local.url, { ParticipantDetails: { DisplayName: 'Zoe' } });
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({
      url: local.url,
      contactId: chat.ContactId,
      customerDisplayName: 'Zoe',
    });
    await local.close();
    expect(stopped).toBe(1);
  });

  it('runs the built-in echo agent over the public API', async () => {
    const local = await startEmulator({ port: 0, agent: 'echo' });
    try {
      const chat = await startChat(local.url);
      const connection = await connect(local.url, chat.ParticipantToken);
      await eventually(async () => {
        const items = await adminTranscript(local.url, chat.ContactId);
        return items.some(
          (item) =>
            item.ContentType === ContentType.participantJoined && item.ParticipantRole === 'AGENT',
        )
          ? true
          : undefined;
      }, 'the echo agent to join');
      await call(local.url, 'message', connection.connectionToken, {
        ContentType: 'text/plain',
        Content: 'ping me',
      });
      await eventually(async () => {
        const items = await adminTranscript(local.url, chat.ContactId);
        return items.some((item) => item.ParticipantRole === 'AGENT' && item.Type === 'MESSAGE')
          ? true
          : undefined;
      }, 'an agent message');
    } finally {
      await local.close();
    }
  });

  it('rejects an unknown agent name', async () => {
    await expect(startEmulator({ port: 0, agent: 'nobody' as never })).rejects.toThrow(
      /Unknown agent/,
    );
  });
});
