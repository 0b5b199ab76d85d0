// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordBrowserGlobalReads } from '../fakes/recordBrowserGlobalReads';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('server rendering', () => {
  it('imports the kit and renders the provider tree in Node without touching browser globals', async () => {
    const error = vi.spyOn(console, 'error');
    const warn = vi.spyOn(console, 'warn');
    // The peer libraries are loaded first so that only our modules and our render are watched
    // (React Query and styled-components check `typeof window` at import to detect a server).
    const { createElement: h } = await import('react');
    const { renderToString } = await import('react-dom/server');
    await import('@tanstack/react-query');
    await import('styled-components');

    const { value: html, reads } = await recordBrowserGlobalReads(async () => {
      const kit = await import('contact-kit');
      function Chat() {
        const chat = kit.useChat();
        const connection = kit.useChatConnection();
        const { items } = kit.useTranscript();
        const { typing } = kit.useTyping();
        const { agent } = kit.useParticipants();
        const { count } = kit.useUnreadCount();
        const { getFormProps, getTextareaProps, getSendButtonProps } = kit.useComposer();
        kit.useSendMessage();
        kit.useAttachmentUpload();
        return h(
          'section',
          { 'data-state': chat.status },
          h('p', { role: 'status' }, connection.status),
          h('ol', { role: 'log' }, items.length, typing.length, agent?.displayName ?? '', count),
          h(
            'form',
            getFormProps(),
            h('textarea', { 'aria-label': 'Message', ...getTextareaProps() }),
            h('button', getSendButtonProps(), 'Send'),
          ),
        );
      }
      return (
        renderToString(
          h(
            kit.ContactKitProvider,
            {
              region: 'us-east-1',
              startChat: async () => ({
                ContactId: 'c',
                ParticipantId: 'p',
                ParticipantToken: 't',
              }),
            },
            h(kit.ChatProvider, null, h(Chat)),
          ),
        ) +
        renderToString(
          h(
            kit.ContactKitProvider,
            { endpoint: 'http://127.0.0.1:4010', participantToken: 'token' },
            h(kit.ChatProvider, null, h(Chat)),
          ),
        )
      );
    });

    expect(html).toContain('data-state="idle"');
    expect(html).toContain('data-state="connecting"');
    expect(html).toContain('role="log"');
    expect(reads).toEqual([]);
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});
