import { describe, expect, it } from 'vitest';
import {
  buildTranscriptText,
  createFormatter,
  createTranslate,
  enMessages,
  validatePreChatForm,
} from 'contact-kit';
import { makeChatItem } from 'contact-kit/testing';

const t = createTranslate(enMessages, 'en-US');
const format = createFormatter('en-US', 'UTC');

describe('buildTranscriptText', { timeout: 30_000 }, () => {
  it('writes one line per item with time, sender and text, skipping failed sends', () => {
    const text = buildTranscriptText(
      [
        makeChatItem({
          type: 'event',
          event: 'participant.joined',
          displayName: 'Sam',
          time: '2026-03-02T09:00:00Z',
        }),
        makeChatItem({
          content: 'Hi!\nHow can I help?',
          displayName: 'Sam',
          time: '2026-03-02T09:00:30Z',
        }),
        makeChatItem({
          content: 'Hello',
          isOwn: true,
          role: 'CUSTOMER',
          status: 'sent',
          time: '2026-03-02T09:01:00Z',
        }),
        makeChatItem({
          content: 'lost',
          isOwn: true,
          role: 'CUSTOMER',
          status: 'failed',
          time: '2026-03-02T09:02:00Z',
        }),
        makeChatItem({
          type: 'attachment',
          displayName: 'Sam',
          attachments: [{ name: 'label.pdf', contentType: 'application/pdf', status: 'approved' }],
          time: '2026-03-02T09:03:00Z',
        }),
        makeChatItem({
          displayName: 'BOT',
          role: 'SYSTEM',
          contentType: 'application/vnd.amazonaws.connect.message.interactive',
          interactive: {
            templateType: 'QuickReply',
            version: '1.0',
            data: {
              content: { title: 'Rate us', elements: [{ title: 'Good' }, { title: 'Bad' }] },
            },
          },
          time: '2026-03-02T09:04:00Z',
        }),
      ],
      { t, format },
    );
    expect(text).toBe(
      [
        'Chat transcript',
        '',
        '[Mar 2, 2026, 9:00 AM] Sam joined the chat',
        '[Mar 2, 2026, 9:00 AM] Sam: Hi!',
        '    How can I help?',
        '[Mar 2, 2026, 9:01 AM] You: Hello',
        '[Mar 2, 2026, 9:03 AM] Sam: [label.pdf]',
        '[Mar 2, 2026, 9:04 AM] BOT: Rate us [Good | Bad]',
        '',
      ].join('\n'),
    );
  });
});

describe('validatePreChatForm', { timeout: 30_000 }, () => {
  const fields = [
    { name: 'email', label: 'Email', type: 'email' as const, required: true },
    { name: 'phone', label: 'Phone', type: 'tel' as const },
    {
      name: 'order',
      label: 'Order',
      validate: (v: string) => (/^\d+$/.test(v) ? undefined : 'Digits only'),
    },
  ];

  it('requires the name and required fields, checks emails, then custom rules', () => {
    expect(validatePreChatForm({ name: ' ', fields: {} }, fields)).toEqual({
      name: { key: 'fieldRequired' },
      email: { key: 'fieldRequired' },
    });
    expect(
      validatePreChatForm({ name: 'Alex', fields: { email: 'nope', order: 'A1' } }, fields),
    ).toEqual({ email: { key: 'invalidEmail' }, order: { message: 'Digits only' } });
    expect(
      validatePreChatForm({ name: 'Alex', fields: { email: 'a@b.co', order: '42' } }, fields),
    ).toEqual({});
  });
});
