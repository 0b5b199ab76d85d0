import fc from 'fast-check';
import { ContentType } from 'contact-kit/core';

/** Any JSON-ish value, the junk a broken service or proxy could put in a field. */
const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 3 }),
);

/** A field that is mostly plausible, sometimes junk, sometimes missing. */
const field = <T>(plausible: fc.Arbitrary<T>) =>
  fc.option(fc.oneof({ weight: 8, arbitrary: plausible }, { weight: 1, arbitrary: junk }), {
    nil: undefined,
    freq: 5,
  });

const time = fc.oneof(
  fc
    .integer({ min: 0, max: 120 })
    .map((s) => new Date(Date.UTC(2025, 2, 4, 10, 0, s)).toISOString()),
  fc.constantFrom('2025-03-04T10:00:00Z', 'not a time', '', '2025-03-04T10:00:00.000+02:00'),
);
const id = fc.constantFrom('m-1', 'm-2', 'm-3', 'm-4', 'm-5', 'm-6', '', 'toString', '__proto__');
const participant = fc.constantFrom('p-me', 'p-agent', 'p-bot', '');
const contentType = fc.constantFrom(
  ContentType.plainText,
  ContentType.markdown,
  ContentType.json,
  ContentType.interactive,
  ContentType.interactiveResponse,
  ContentType.messageMetadata,
  ContentType.typing,
  ContentType.chatEnded,
  'application/vnd.amazonaws.connect.event.participant.joined',
  'application/vnd.amazonaws.connect.event.participant.left',
  'application/vnd.amazonaws.connect.event.',
  'image/png',
  'application/pdf',
  'text/html',
  '',
);
const content = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '**bold** _em_ [link](https://example.com) <https://a.b> `code`',
    '# Title\n- a\n- b\n> quote\n```\ncode\n```',
    'https://a.com/' + ')'.repeat(50),
    '[x](javascript:alert(1)) <img src=x onerror=alert(1)>',
    '{"templateType":"ListPicker","version":"1.0","data":{"content":{"title":"Pick","elements":[{"title":"A","imageData":"http://x/a.png"}]}}}',
    '{"templateType":"Panel","version":"1.0","data":{"content":{"title":"P","imageType":"URL","imageData":"javascript:1","elements":[{"title":"B"}]}}}',
    '{"templateType":"TimePicker","version":"1.0","data":{"content":{"title":"T","timeslots":[{"date":"x","duration":"y"}]}}}',
    '{"templateType":"Carousel","version":"1.0","data":{"content":{"title":"C","elements":[{"templateType":"Panel","data":{"content":{"title":1}}}]}}}',
    '{"templateType":"QuickReply","version":"1.0","data":{"content":{"title":"Q","elements":[{"title":"Yes"},{"title":""}]}}}',
    '{"templateType":"ViewResource","version":"1.0","data":{"content":{}}}',
    '{}',
    'null',
  ),
);
const receipt = fc.record(
  {
    RecipientParticipantId: field(participant),
    DeliveredTimestamp: field(time),
    ReadTimestamp: field(time),
  },
  { requiredKeys: [] },
);
const attachment = fc.record(
  {
    AttachmentId: field(fc.constantFrom('att-1', 'att-2', '')),
    AttachmentName: field(fc.string({ maxLength: 12 })),
    ContentType: field(fc.constantFrom('image/png', 'application/pdf', 'text/plain', '')),
    Status: field(fc.constantFrom('APPROVED', 'REJECTED', 'IN_PROGRESS', 'UNKNOWN')),
  },
  { requiredKeys: [] },
);

/** A value that arrives where an Item is expected: mostly item-like, with junk anywhere. */
export const arbitraryWireItem: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record(
      {
        Id: field(id),
        Type: field(
          fc.constantFrom(
            'MESSAGE',
            'EVENT',
            'ATTACHMENT',
            'MESSAGEMETADATA',
            'CONNECTION_ACK',
            'X',
          ),
        ),
        ContentType: field(contentType),
        Content: field(content),
        AbsoluteTime: field(time),
        ParticipantId: field(participant),
        DisplayName: field(fc.string({ maxLength: 10 })),
        ParticipantRole: field(
          fc.constantFrom('AGENT', 'CUSTOMER', 'SYSTEM', 'CUSTOM_BOT', 'SUPERVISOR', 'ALIEN'),
        ),
        RelatedContactId: field(fc.constantFrom('c-old')),
        ContactId: field(fc.constantFrom('c-1')),
        Attachments: field(fc.array(fc.oneof(attachment, junk), { maxLength: 3 })),
        MessageMetadata: field(
          fc.record(
            {
              MessageId: field(id),
              Receipts: field(fc.array(fc.oneof(receipt, junk), { maxLength: 3 })),
              MessageCompleted: field(fc.boolean()),
              ChunkNumber: field(fc.integer({ min: -1, max: 4 })),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: junk },
);

/** A websocket text frame: an aws/chat item, another topic, or not JSON at all. */
export const arbitraryFrame: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 10,
    arbitrary: arbitraryWireItem.map((item) =>
      JSON.stringify({ topic: 'aws/chat', content: JSON.stringify(item) }),
    ),
  },
  {
    weight: 2,
    arbitrary: arbitraryWireItem.map((item) =>
      JSON.stringify({ topic: 'aws/chat', content: item }),
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('aws/heartbeat', 'aws/ping', 'aws/subscribe', 'aws/other', ''),
        fc.jsonValue(),
      )
      .map(([topic, value]) => JSON.stringify({ topic, content: value, statusCode: value })),
  },
  { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);
