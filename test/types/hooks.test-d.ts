import { describe, expectTypeOf, test } from 'vitest';
import type { QueryClient } from '@tanstack/react-query';
import {
  cssVariableName,
  participantConnectionQueryOptions,
  useChat,
  useComposer,
  useInteractiveMessage,
  useParticipantConnection,
  useTranscript,
} from 'contact-kit';
import type {
  ChatItem,
  ComposerState,
  ComposerTextareaProps,
  InteractiveResponse,
  InteractiveResponseStatus,
  ParticipantConnectionData,
  ParticipantConnectionError,
  UseChatStatus,
  UseTranscriptResult,
} from 'contact-kit';
import { useMeetingMedia } from 'contact-kit/video';

// Type tests only: vitest type-checks these bodies and never runs them, so hooks are called
// outside a component here.

describe('useTranscript', () => {
  test('without a selector, items are the transcript', () => {
    const result = useTranscript();
    expectTypeOf(result).toEqualTypeOf<UseTranscriptResult>();
    expectTypeOf(result.items).toEqualTypeOf<readonly ChatItem[]>();
    expectTypeOf(result.loadOlder).returns.toEqualTypeOf<Promise<boolean>>();
  });

  test('a selector decides the type of items, and isEqual compares that type', () => {
    const { items: count } = useTranscript({
      select: (items) => items.filter((item) => item.role === 'AGENT').length,
    });
    expectTypeOf(count).toEqualTypeOf<number>();

    const { items: ids } = useTranscript({
      select: (items) => items.map((item) => item.id),
      isEqual: (a, b) => {
        expectTypeOf(a).toEqualTypeOf<string[]>();
        return a.length === b.length;
      },
    });
    expectTypeOf(ids).toEqualTypeOf<string[]>();
  });

  test('an explicit type argument must match the selector', () => {
    expectTypeOf(useTranscript<number>({ select: (items) => items.length }).items).toBeNumber();
    // @ts-expect-error: the selector returns a number, not a string
    useTranscript<string>({ select: (items) => items.length });
  });

  test('misuse', () => {
    // @ts-expect-error: the selector gets the items, not one item
    useTranscript({ select: (item: ChatItem) => item.id });
    // @ts-expect-error: isEqual compares selections (numbers), not strings
    useTranscript({ select: (items) => items.length, isEqual: (a: string, b: string) => a === b });
    // @ts-expect-error: options are an object, not a selector function
    useTranscript((items: readonly ChatItem[]) => items.length);
  });
});

describe('useChat', () => {
  test('status is the union, send gives the local id, end and start are async', () => {
    const chat = useChat();
    expectTypeOf(chat.status).toEqualTypeOf<UseChatStatus>();
    expectTypeOf<'open'>().toMatchTypeOf<UseChatStatus>();
    expectTypeOf(chat.send).returns.toBeString();
    expectTypeOf(chat.start).returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf(chat.end).returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf(chat.contactId).toEqualTypeOf<string | undefined>();
  });

  test('misuse', () => {
    // @ts-expect-error: not a status
    expectTypeOf<'connected'>().toMatchTypeOf<UseChatStatus>();
    // @ts-expect-error: messages are text
    useChat().send(42);
    // @ts-expect-error: useChat takes no options
    useChat({ autoStart: true });
  });
});

describe('useComposer', () => {
  test('options are optional; prop getters give what the elements take', () => {
    const composer = useComposer();
    expectTypeOf(composer.state).toEqualTypeOf<ComposerState>();
    expectTypeOf(composer.getTextareaProps()).toEqualTypeOf<ComposerTextareaProps>();
    expectTypeOf(composer.getSendButtonProps()).toHaveProperty('type').toEqualTypeOf<'submit'>();
    expectTypeOf(composer.submit).returns.toBeBoolean();

    useComposer({
      contentType: 'text/markdown',
      maxLength: 500,
      value: '',
      onValueChange: (value) => expectTypeOf(value).toBeString(),
      onSent: (content) => expectTypeOf(content).toBeString(),
    });
  });

  test('misuse', () => {
    // @ts-expect-error: only plain text and markdown can be typed
    useComposer({ contentType: 'text/html' });
    // @ts-expect-error: maxLength is a number
    useComposer({ maxLength: '500' });
    // @ts-expect-error: not a composer state
    expectTypeOf<'sending'>().toMatchTypeOf<ComposerState>();
  });
});

describe('useInteractiveMessage', () => {
  test('takes the item and answers with one of the response shapes', () => {
    const item = {} as ChatItem;
    const message = useInteractiveMessage(item);
    expectTypeOf(message.status).toEqualTypeOf<InteractiveResponseStatus>();
    expectTypeOf(message.respond).parameter(0).toEqualTypeOf<InteractiveResponse>();
    expectTypeOf(message.respond).returns.toBeBoolean();
    message.respond({ text: 'Yes' });
    message.respond({ action: 'submit', output: { answer: 1 } });
  });

  test('misuse', () => {
    // @ts-expect-error: the item is required
    useInteractiveMessage();
    const message = useInteractiveMessage({} as ChatItem);
    // @ts-expect-error: an answer is one of the documented shapes
    message.respond({ choice: 'Yes' });
    // @ts-expect-error: an empty answer is none of them
    message.respond({});
  });
});

describe('useParticipantConnection', () => {
  test('the blocks asked for in types are present in data', () => {
    const websocket = useParticipantConnection({
      participantToken: 'token',
      types: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'],
    });
    expectTypeOf(websocket.data).toEqualTypeOf<
      ParticipantConnectionData<'WEBSOCKET' | 'CONNECTION_CREDENTIALS'> | undefined
    >();
    expectTypeOf(websocket.error).toEqualTypeOf<ParticipantConnectionError | null>();
    const data = websocket.data!;
    expectTypeOf(data.Websocket.Url).toBeString();
    expectTypeOf(data.ConnectionCredentials.ConnectionToken).toBeString();

    const webrtc = useParticipantConnection({
      participantToken: 'token',
      types: ['WEBRTC_CONNECTION'],
    });
    // Not asked for: the block may be missing.
    expectTypeOf(webrtc.data!.Websocket?.Url).toEqualTypeOf<string | undefined>();
    expectTypeOf(webrtc.data!.WebRTCConnection).toEqualTypeOf<
      NonNullable<ParticipantConnectionData['WebRTCConnection']>
    >();
  });

  test('the query options carry the same data type', () => {
    const client = {} as QueryClient;
    const data = client.fetchQuery(
      participantConnectionQueryOptions({ participantToken: 'token', types: ['WEBSOCKET'] }),
    );
    expectTypeOf(data).resolves.toEqualTypeOf<ParticipantConnectionData<'WEBSOCKET'>>();
  });

  test('misuse', () => {
    // @ts-expect-error: not a connection type
    useParticipantConnection({ participantToken: 'token', types: ['SOCKET'] });
    // @ts-expect-error: types is required
    useParticipantConnection({ participantToken: 'token' });
    const webrtc = useParticipantConnection({
      participantToken: 't',
      types: ['WEBRTC_CONNECTION'],
    });
    // @ts-expect-error: the websocket was not asked for, so its URL may be missing
    expectTypeOf(webrtc.data!.Websocket.Url).toBeString();
  });
});

describe('useMeetingMedia', () => {
  test('returns what the selector picks, compared by isEqual of that type', () => {
    expectTypeOf(useMeetingMedia((media) => media.tiles.length)).toBeNumber();
    expectTypeOf(
      useMeetingMedia(
        (media) => media.muted,
        (a, b) => a === b,
      ),
    ).toBeBoolean();
  });

  test('misuse', () => {
    // @ts-expect-error: a selector is required
    useMeetingMedia();
    const sameText = (a: string, b: string) => a === b;
    // @ts-expect-error: isEqual compares what the selector returns
    useMeetingMedia((media) => media.muted, sameText);
  });
});

describe('cssVariableName', () => {
  test('takes a token of the group', () => {
    expectTypeOf(cssVariableName('color', 'onAccent')).toBeString();
    // @ts-expect-error: not a colour token
    cssVariableName('color', 'sizeMd');
    // @ts-expect-error: not a token group
    cssVariableName('colour', 'accent');
  });
});
