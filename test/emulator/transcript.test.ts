import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from 'contact-kit/emulator';
import { ContentType, type Item } from 'contact-kit/core';
import {
  TestSocket,
  addAgent,
  adminTranscript,
  call,
  connect,
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

interface Page {
  Transcript: Item[];
  NextToken?: string;
  InitialContactId: string;
}

/** A chat whose transcript is exactly [joined, m1, m2, m3, m4, m5]. */
async function fiveMessages(): Promise<{
  token: string;
  contactId: string;
  ids: Record<string, string>;
  items: Item[];
}> {
  const chat = await startChat(emulator.url);
  const { connectionToken } = await connect(emulator.url, chat.ParticipantToken);
  for (const content of ['m1', 'm2', 'm3', 'm4', 'm5']) {
    await call(emulator.url, 'message', connectionToken, {
      ContentType: 'text/plain',
      Content: content,
    });
  }
  const items = await adminTranscript(emulator.url, chat.ContactId);
  const ids: Record<string, string> = {};
  for (const item of items) {
    ids[item.Content ?? 'joined'] = item.Id!;
  }
  return { token: connectionToken, contactId: chat.ContactId, ids, items };
}

const names = (page: Page): string[] => page.Transcript.map((item) => item.Content ?? 'joined');

async function transcript(token: string, body: Record<string, unknown>): Promise<Page> {
  const answer = await call<Page>(emulator.url, 'transcript', token, body);
  if (answer.status !== 200) {
    throw new Error(`GetTranscript ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

describe('GetTranscript semantics', () => {
  it('defaults: BACKWARD from the newest, DESCENDING, 10 items, no NextToken on the last page', async () => {
    const { token, contactId } = await fiveMessages();
    const page = await transcript(token, {});
    expect(names(page)).toEqual(['m5', 'm4', 'm3', 'm2', 'm1', 'joined']);
    expect(page.NextToken).toBeUndefined();
    expect(page.InitialContactId).toBe(contactId);
  });

  it('BACKWARD + ASCENDING pages walk back in chronological pages', async () => {
    const { token } = await fiveMessages();
    const first = await transcript(token, {
      ScanDirection: 'BACKWARD',
      SortOrder: 'ASCENDING',
      MaxResults: 2,
      StartPosition: {},
    });
    expect(names(first)).toEqual(['m4', 'm5']);
    const second = await transcript(token, {
      SortOrder: 'ASCENDING',
      MaxResults: 2,
      NextToken: first.NextToken,
    });
    expect(names(second)).toEqual(['m2', 'm3']);
    const third = await transcript(token, {
      SortOrder: 'ASCENDING',
      MaxResults: 2,
      NextToken: second.NextToken,
    });
    expect(names(third)).toEqual(['joined', 'm1']);
    expect(third.NextToken).toBeUndefined();
  });

  it('FORWARD needs a usable StartPosition', async () => {
    const { token } = await fiveMessages();
    for (const body of [
      { ScanDirection: 'FORWARD' },
      { ScanDirection: 'FORWARD', StartPosition: {} },
    ]) {
      const answer = await call(emulator.url, 'transcript', token, body);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('x-amzn-errortype')).toBe('ValidationException');
    }
  });

  it.each([
    [
      'FORWARD from Id (the start item excluded)',
      { ScanDirection: 'FORWARD', StartPosition: { Id: 'm2' } },
      ['m3', 'm4', 'm5'],
    ],
    [
      'BACKWARD from Id (excluded)',
      { ScanDirection: 'BACKWARD', StartPosition: { Id: 'm2' } },
      ['joined', 'm1'],
    ],
    ['a StartPosition alone means FORWARD', { StartPosition: { Id: 'm3' } }, ['m4', 'm5']],
    [
      'FORWARD from AbsoluteTime (items at or after)',
      { ScanDirection: 'FORWARD', StartPosition: { AbsoluteTime: 'm3' } },
      ['m3', 'm4', 'm5'],
    ],
    [
      'BACKWARD from AbsoluteTime (items before)',
      { ScanDirection: 'BACKWARD', StartPosition: { AbsoluteTime: 'm3' } },
      ['joined', 'm1', 'm2'],
    ],
    [
      'FORWARD MostRecent 2 (the 2 newest)',
      { ScanDirection: 'FORWARD', StartPosition: { MostRecent: 2 } },
      ['m4', 'm5'],
    ],
    [
      'BACKWARD MostRecent 2 (older than the 2 newest)',
      { ScanDirection: 'BACKWARD', StartPosition: { MostRecent: 2 } },
      ['joined', 'm1', 'm2', 'm3'],
    ],
    [
      'FORWARD MostRecent 0 (nothing newer)',
      { ScanDirection: 'FORWARD', StartPosition: { MostRecent: 0 } },
      [],
    ],
    [
      'MostRecent above the length',
      { ScanDirection: 'FORWARD', StartPosition: { MostRecent: 100 } },
      ['joined', 'm1', 'm2', 'm3', 'm4', 'm5'],
    ],
    ['MaxResults 0', { MaxResults: 0 }, []],
  ])('%s', async (_label, body: Record<string, unknown>, expected) => {
    const { token, ids, items } = await fiveMessages();
    const start = body.StartPosition as Record<string, unknown> | undefined;
    if (typeof start?.Id === 'string') {
      start.Id = ids[start.Id];
    }
    if (typeof start?.AbsoluteTime === 'string') {
      start.AbsoluteTime = items.find((item) => item.Content === start.AbsoluteTime)!.AbsoluteTime;
    }
    const page = await transcript(token, { SortOrder: 'ASCENDING', ...body });
    expect(names(page)).toEqual(expected);
    expect(page.NextToken).toBeUndefined();
  });

  it('FORWARD pages continue with NextToken; DESCENDING orders each page newest first', async () => {
    const { token, ids } = await fiveMessages();
    const query = { ScanDirection: 'FORWARD', SortOrder: 'DESCENDING', MaxResults: 2 };
    const first = await transcript(token, { ...query, StartPosition: { Id: ids.joined } });
    expect(names(first)).toEqual(['m2', 'm1']);
    const second = await transcript(token, { ...query, NextToken: first.NextToken });
    expect(names(second)).toEqual(['m4', 'm3']);
    const third = await transcript(token, { ...query, NextToken: second.NextToken });
    expect(names(third)).toEqual(['m5']);
    expect(third.NextToken).toBeUndefined();
  });

  it('a BACKWARD NextToken stays valid when new items arrive', async () => {
    const { token } = await fiveMessages();
    const first = await transcript(token, { SortOrder: 'ASCENDING', MaxResults: 3 });
    await call(emulator.url, 'message', token, { ContentType: 'text/plain', Content: 'm6' });
    const second = await transcript(token, {
      SortOrder: 'ASCENDING',
      MaxResults: 3,
      NextToken: first.NextToken,
    });
    expect(names(second)).toEqual(['joined', 'm1', 'm2']);
  });

  it.each([
    ['a made-up NextToken', { NextToken: 'garbage' }],
    ['a tampered NextToken', { NextToken: 'TAMPER' }],
    ['an unknown StartPosition.Id', { StartPosition: { Id: 'nope' } }],
    ['two StartPosition members', { StartPosition: { Id: 'x', MostRecent: 1 } }],
    [
      'an unparsable AbsoluteTime',
      { ScanDirection: 'FORWARD', StartPosition: { AbsoluteTime: 'yesterday' } },
    ],
    ['MaxResults over 100', { MaxResults: 101 }],
    ['a bad ScanDirection', { ScanDirection: 'SIDEWAYS' }],
    ['an empty NextToken', { NextToken: '' }],
  ])('rejects %s with 400', async (_label, body: Record<string, unknown>) => {
    const { token } = await fiveMessages();
    if (body.NextToken === 'TAMPER') {
      const page = await transcript(token, { MaxResults: 1 });
      body.NextToken = `${page.NextToken!.slice(0, -2)}xx`;
    }
    const answer = await call(emulator.url, 'transcript', token, body);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('x-amzn-errortype')).toBe('ValidationException');
  });

  it("rejects another contact's NextToken", async () => {
    const one = await fiveMessages();
    const two = await fiveMessages();
    const page = await transcript(one.token, { MaxResults: 1 });
    expect(
      (await call(emulator.url, 'transcript', two.token, { NextToken: page.NextToken })).status,
    ).toBe(400);
  });

  it('ignores unknown request fields', async () => {
    const { token } = await fiveMessages();
    const page = await transcript(token, { MaxResults: 1, Surprise: { nested: true } });
    expect(page.Transcript).toHaveLength(1);
  });
});

describe('persistent chat', () => {
  async function endedChat(
    contents: string[],
    extra: Record<string, unknown> = {},
  ): Promise<string> {
    const chat = await startChat(emulator.url, extra);
    const { connectionToken } = await connect(emulator.url, chat.ParticipantToken);
    for (const content of contents) {
      await call(emulator.url, 'message', connectionToken, {
        ContentType: 'text/plain',
        Content: content,
      });
    }
    await request(`${emulator.url}/admin/contacts/${chat.ContactId}/stop`, { body: {} });
    return chat.ContactId;
  }

  it('links to an ended past contact, emits chat.rehydrated, and serves past items with RelatedContactId', async () => {
    const past = await endedChat(['old1', 'old2']);
    const chat = await startChat(emulator.url, {
      PersistentChat: { SourceContactId: past, RehydrationType: 'ENTIRE_PAST_SESSION' },
    });
    const connection = await connect(emulator.url, chat.ParticipantToken);
    const socket = await TestSocket.subscribed(connection.websocketUrl);
    try {
      await socket.waitForItem((item) => item.ContentType === ContentType.chatRehydrated);
      const whole = await transcript(connection.connectionToken, {
        SortOrder: 'ASCENDING',
        MaxResults: 100,
      });
      const messages = whole.Transcript.filter((item) => item.Type === 'MESSAGE');
      expect(messages.map((item) => [item.Content, item.RelatedContactId])).toEqual([
        ['old1', past],
        ['old2', past],
      ]);
      const own = whole.Transcript.filter((item) => item.RelatedContactId === undefined);
      expect(own.map((item) => item.ContentType)).toEqual([
        ContentType.participantJoined,
        ContentType.chatRehydrated,
      ]);

      const pastOnly = await transcript(connection.connectionToken, {
        ContactId: past,
        SortOrder: 'ASCENDING',
      });
      expect(pastOnly.Transcript.every((item) => item.RelatedContactId === past)).toBe(true);
      expect(pastOnly.Transcript.map((item) => item.Content).filter(Boolean)).toEqual([
        'old1',
        'old2',
      ]);

      const unrelated = await endedChat(['secret']);
      const none = await transcript(connection.connectionToken, { ContactId: unrelated });
      expect(none.Transcript).toEqual([]);
    } finally {
      socket.close();
    }
  });

  it('ENTIRE_PAST_SESSION carries the whole chain; FROM_SEGMENT only the source', async () => {
    const first = await endedChat(['a']);
    const second = await endedChat(['b'], {
      PersistentChat: { SourceContactId: first, RehydrationType: 'ENTIRE_PAST_SESSION' },
    });
    const contents = async (rehydration: string): Promise<(string | undefined)[]> => {
      const chat = await startChat(emulator.url, {
        PersistentChat: { SourceContactId: second, RehydrationType: rehydration },
      });
      const { connectionToken } = await connect(emulator.url, chat.ParticipantToken);
      const page = await transcript(connectionToken, { SortOrder: 'ASCENDING', MaxResults: 100 });
      return page.Transcript.filter((item) => item.Type === 'MESSAGE').map((item) => item.Content);
    };
    expect(await contents('ENTIRE_PAST_SESSION')).toEqual(['a', 'b']);
    expect(await contents('FROM_SEGMENT')).toEqual(['b']);
  });

  it('refuses a source contact that has not ended, or does not exist', async () => {
    const active = await startChat(emulator.url);
    for (const source of [active.ContactId, 'no-such-contact']) {
      const answer = await request(`${emulator.url}/admin/chat`, {
        body: {
          ParticipantDetails: { DisplayName: 'A' },
          PersistentChat: { SourceContactId: source, RehydrationType: 'FROM_SEGMENT' },
        },
      });
      expect(answer.status).toBe(400);
    }
  });
});

describe('receipts', () => {
  it('stores MESSAGEMETADATA items, fans them out, and aggregates them on the message', async () => {
    const chat = await startChat(emulator.url);
    const agent = await addAgent(emulator.url, chat.ContactId);
    const customer = await connect(emulator.url, chat.ParticipantToken);
    const agentConnection = await connect(emulator.url, agent.ParticipantToken);
    const socket = await TestSocket.subscribed(customer.websocketUrl);
    try {
      const sent = await call<{ Id: string }>(emulator.url, 'message', customer.connectionToken, {
        ContentType: 'text/plain',
        Content: 'hi',
      });
      for (const type of [ContentType.messageDelivered, ContentType.messageRead]) {
        const answer = await call(emulator.url, 'event', agentConnection.connectionToken, {
          ContentType: type,
          Content: JSON.stringify({ messageId: sent.body.Id, disableThrottle: true }),
        });
        expect(answer.status).toBe(200);
      }
      const read = await socket.waitForItem(
        (item) =>
          item.Type === 'MESSAGEMETADATA' &&
          item.MessageMetadata?.Receipts?.[0]?.ReadTimestamp !== undefined,
      );
      expect(read).toMatchObject({
        ContentType: ContentType.messageMetadata,
        MessageMetadata: {
          MessageId: sent.body.Id,
          Receipts: [{ RecipientParticipantId: agent.ParticipantId }],
        },
      });
      expect(read.ContactId).toBeUndefined();
      const page = await transcript(customer.connectionToken, { SortOrder: 'ASCENDING' });
      const message = page.Transcript.find((item) => item.Id === sent.body.Id)!;
      expect(message.MessageMetadata?.Receipts).toEqual([
        {
          RecipientParticipantId: agent.ParticipantId,
          DeliveredTimestamp: expect.stringMatching(/Z$/) as unknown,
          ReadTimestamp: expect.stringMatching(/Z$/) as unknown,
        },
      ]);
      expect(page.Transcript.filter((item) => item.Type === 'MESSAGEMETADATA')).toHaveLength(2);
    } finally {
      socket.close();
    }
  });

  it('rejects receipts for own, unknown or malformed messages (400) and under a supervisor (409)', async () => {
    const chat = await startChat(emulator.url);
    const agent = await addAgent(emulator.url, chat.ContactId);
    const customer = await connect(emulator.url, chat.ParticipantToken);
    const agentConnection = await connect(emulator.url, agent.ParticipantToken);
    const sent = await call<{ Id: string }>(emulator.url, 'message', customer.connectionToken, {
      ContentType: 'text/plain',
      Content: 'hi',
    });
    const receipt = (token: string, content: string | undefined): Promise<{ status: number }> =>
      call(emulator.url, 'event', token, {
        ContentType: ContentType.messageRead,
        Content: content,
      });
    expect(
      (await receipt(customer.connectionToken, JSON.stringify({ messageId: sent.body.Id }))).status,
    ).toBe(400);
    expect(
      (await receipt(agentConnection.connectionToken, JSON.stringify({ messageId: 'nope' })))
        .status,
    ).toBe(400);
    expect((await receipt(agentConnection.connectionToken, 'not json')).status).toBe(400);
    expect((await receipt(agentConnection.connectionToken, undefined)).status).toBe(400);
    await addAgent(emulator.url, chat.ContactId, 'SUPERVISOR', 'Boss');
    const conflict = await call(emulator.url, 'event', agentConnection.connectionToken, {
      ContentType: ContentType.messageRead,
      Content: JSON.stringify({ messageId: sent.body.Id }),
    });
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('x-amzn-errortype')).toBe('ConflictException');
  });

  it('rejects event types a participant cannot send', async () => {
    const chat = await startChat(emulator.url);
    const customer = await connect(emulator.url, chat.ParticipantToken);
    const answer = await call(emulator.url, 'event', customer.connectionToken, {
      ContentType: ContentType.chatEnded,
    });
    expect(answer.status).toBe(400);
  });
});

describe('ClientToken replay', () => {
  it('returns the original response and stores one item', async () => {
    const chat = await startChat(emulator.url);
    const customer = await connect(emulator.url, chat.ParticipantToken);
    const body = { ContentType: 'text/plain', Content: 'once', ClientToken: 'token-1' };
    const first = await call(emulator.url, 'message', customer.connectionToken, body);
    const second = await call(emulator.url, 'message', customer.connectionToken, body);
    expect(second.body).toEqual(first.body);
    const items = await adminTranscript(emulator.url, chat.ContactId);
    expect(items.filter((item) => item.Content === 'once')).toHaveLength(1);
  });

  it('keys on the participant: another participant with the same ClientToken sends its own message', async () => {
    const chat = await startChat(emulator.url);
    const agent = await addAgent(emulator.url, chat.ContactId);
    const customer = await connect(emulator.url, chat.ParticipantToken);
    const agentConnection = await connect(emulator.url, agent.ParticipantToken);
    const body = { ContentType: 'text/plain', Content: 'same', ClientToken: 'shared' };
    const a = await call<{ Id: string }>(emulator.url, 'message', customer.connectionToken, body);
    const b = await call<{ Id: string }>(
      emulator.url,
      'message',
      agentConnection.connectionToken,
      body,
    );
    expect(a.body.Id).not.toBe(b.body.Id);
  });

  it('replays DisconnectParticipant after the chat ended (a retried disconnect is not a 403)', async () => {
    const chat = await startChat(emulator.url);
    const customer = await connect(emulator.url, chat.ParticipantToken);
    const first = await call(emulator.url, 'disconnect', customer.connectionToken, {
      ClientToken: 'bye',
    });
    const retry = await call(emulator.url, 'disconnect', customer.connectionToken, {
      ClientToken: 'bye',
    });
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(
      (await call(emulator.url, 'disconnect', customer.connectionToken, { ClientToken: 'other' }))
        .status,
    ).toBe(403);
  });
});
