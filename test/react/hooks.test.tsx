import { act, fireEvent, renderHook, waitFor, cleanup } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatError, ContentType } from 'contact-kit/core';
import type { InteractiveTemplate } from 'contact-kit/core';
import {
  useAttachmentUrl,
  ChatProvider,
  useAttachmentUpload,
  useComposer,
  useInteractiveMessage,
  useParticipants,
  useSendMessage,
  useTranscript,
  useUnreadCount,
} from 'contact-kit';
import { FakeChatSession, makeChatItem } from 'contact-kit/testing';
import { renderWithChat } from '../fakes/react/renderWithChat';

afterEach(cleanup);

function withSession(session: FakeChatSession) {
  return ({ children }: { children: ReactNode }) => (
    <ChatProvider session={session}>{children}</ChatProvider>
  );
}

function Composer({ maxLength }: { maxLength?: number }) {
  const { getFormProps, getTextareaProps, getSendButtonProps, state, remaining } = useComposer(
    maxLength === undefined ? {} : { maxLength },
  );
  return (
    <form {...getFormProps()}>
      <textarea aria-label="Message" {...getTextareaProps()} />
      <output>{remaining}</output>
      <button {...getSendButtonProps()}>Send</button>
      <span data-testid="state">{state}</span>
    </form>
  );
}

describe('useComposer', () => {
  it('sends on Enter, not on Shift+Enter or during IME composition, and clears', async () => {
    const { session, getByRole } = renderWithChat(<Composer />);
    const box = getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'Hello' } });
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 229 });
    expect(session.callsOf('sendMessage')).toHaveLength(0);

    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(session.callsOf('sendMessage')).toHaveLength(1));
    expect(session.callsOf('sendMessage')[0]).toMatchObject({
      content: 'Hello',
      options: { contentType: 'text/plain' },
    });
    expect((box as HTMLTextAreaElement).value).toBe('');
  });

  it('sends on submit through the form and its send button', async () => {
    const { session, getByRole } = renderWithChat(<Composer />);
    const box = getByRole('textbox', { name: 'Message' });
    const send = getByRole('button', { name: 'Send' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.change(box, { target: { value: 'Hi' } });
    expect(send.disabled).toBe(false);
    fireEvent.click(send);
    await waitFor(() => expect(session.callsOf('sendMessage')).toHaveLength(1));
  });

  it('sends a typing event when text is added, not when it is removed', () => {
    const { session, getByRole } = renderWithChat(<Composer />);
    const box = getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'H' } });
    fireEvent.change(box, { target: { value: 'He' } });
    fireEvent.change(box, { target: { value: 'H' } });
    expect(session.callsOf('sendTyping')).toHaveLength(2);
  });

  it('refuses text over the length limit', async () => {
    const { session, getByRole, getByTestId } = renderWithChat(<Composer maxLength={5} />);
    const box = getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'toolong' } });
    expect(getByTestId('state').textContent).toBe('too-long');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(getByRole('status').textContent).toBe('-2');
    fireEvent.keyDown(box, { key: 'Enter' });
    await Promise.resolve();
    expect(session.callsOf('sendMessage')).toHaveLength(0);
    expect((box as HTMLTextAreaElement).value).toBe('toolong');
  });

  it('keeps the draft when the session refuses the message', async () => {
    const session = new FakeChatSession();
    session.failNext(new ChatError('MESSAGE_INVALID', 'too long'));
    const { result } = renderHook(() => useComposer(), { wrapper: withSession(session) });
    act(() => result.current.setValue('Hello'));
    act(() => {
      expect(() => result.current.submit()).toThrow('too long');
    });
    expect(result.current.value).toBe('Hello');
  });

  it('is disabled once the chat ended', () => {
    const session = new FakeChatSession();
    const { result } = renderHook(() => useComposer(), { wrapper: withSession(session) });
    act(() => result.current.setValue('Hello'));
    expect(result.current.state).toBe('ready');
    act(() => session.update({ chat: { status: 'ended', error: undefined } }));
    expect(result.current.state).toBe('disabled');
    expect(result.current.getTextareaProps().disabled).toBe(true);
  });
});

describe('useInteractiveMessage', () => {
  const quickReply: InteractiveTemplate = {
    templateType: 'QuickReply',
    version: '1.0',
    data: { content: { title: 'Happy?', elements: [{ title: 'Yes' }, { title: 'No' }] } },
  };

  it('gives the typed template and sends the chosen title', async () => {
    const session = new FakeChatSession();
    const item = makeChatItem({
      contentType: ContentType.interactive,
      content: JSON.stringify(quickReply),
    });
    const { result } = renderHook(() => useInteractiveMessage(item), {
      wrapper: withSession(session),
    });
    const template = result.current.template;
    expect(template?.templateType).toBe('QuickReply');
    if (template?.templateType !== 'QuickReply') {
      throw new Error('unreachable');
    }
    act(() => {
      expect(result.current.respond({ choice: template.data.content.elements[1]! })).toBe(true);
    });
    expect(session.callsOf('sendMessage')[0]).toMatchObject({
      content: 'No',
      options: { contentType: 'text/plain' },
    });
    expect(result.current.status).toBe('sent');
  });

  it('sends nothing for a hyperlink and throws for an answer that does not fit', async () => {
    const session = new FakeChatSession();
    const link = { title: 'Docs', type: 'hyperlink', url: 'https://example.com' };
    const item = makeChatItem({
      contentType: ContentType.interactive,
      interactive: {
        templateType: 'ListPicker',
        version: '1.0',
        data: { content: { title: 'Pick', elements: [link] } },
      },
    });
    const { result } = renderHook(() => useInteractiveMessage(item), {
      wrapper: withSession(session),
    });
    const template = result.current.template;
    if (template?.templateType !== 'ListPicker') {
      throw new Error('unreachable');
    }
    expect(result.current.respond({ choice: template.data.content.elements[0]! })).toBe(false);
    expect(() =>
      result.current.respond({ timeslot: { date: '2020-10-31T17:00+00:00', duration: 30 } }),
    ).toThrow(TypeError);
    expect(session.callsOf('sendMessage')).toHaveLength(0);
  });

  it('reports an unreadable template', () => {
    const session = new FakeChatSession();
    const item = makeChatItem({
      contentType: ContentType.interactive,
      content: '{"templateType":1}',
    });
    const { result } = renderHook(() => useInteractiveMessage(item), {
      wrapper: withSession(session),
    });
    expect(result.current.template).toBeUndefined();
    expect(result.current.invalid?.code).toBe('INTERACTIVE_INVALID');
  });
});

describe('useUnreadCount', () => {
  it('counts incoming messages until they are marked read', () => {
    const session = new FakeChatSession();
    const { result } = renderHook(() => useUnreadCount(), { wrapper: withSession(session) });
    act(() =>
      session.update({
        items: [
          makeChatItem({ id: 'a' }),
          makeChatItem({ id: 'own', isOwn: true }),
          makeChatItem({ id: 'e', type: 'event', event: 'participant.joined' }),
          makeChatItem({ id: 'b' }),
        ],
      }),
    );
    expect(result.current.count).toBe(2);
    act(() => result.current.markAllRead());
    expect(result.current.count).toBe(0);
    expect(session.callsOf('markRead')).toEqual([{ method: 'markRead', itemId: 'b' }]);
    act(() => session.addItem(makeChatItem({ id: 'c' })));
    expect(result.current.count).toBe(1);
  });
});

describe('useAttachmentUpload', () => {
  it('shows own uploads with their progress, and a refused file as an error', async () => {
    const session = new FakeChatSession();
    const { result } = renderHook(() => useAttachmentUpload(), { wrapper: withSession(session) });
    const file = new File(['x'], 'a.txt', { type: 'text/plain' });
    act(() => {
      result.current.upload(file);
    });
    expect(session.callsOf('sendAttachment')[0]?.file).toBe(file);

    act(() =>
      session.update({
        items: [
          makeChatItem({
            id: 'up',
            localId: 'up',
            type: 'attachment',
            isOwn: true,
            status: 'sending',
            attachments: [
              {
                name: 'a.txt',
                contentType: 'text/plain',
                size: 1,
                status: 'uploading',
                progress: 0.5,
              },
            ],
          }),
        ],
      }),
    );
    expect(result.current.uploads).toEqual([
      expect.objectContaining({ itemId: 'up', name: 'a.txt', status: 'uploading', progress: 0.5 }),
    ]);

    const refused = new ChatError('ATTACHMENT_TOO_LARGE', 'too large');
    session.failNext(refused);
    act(() => {
      expect(() => result.current.upload(file)).toThrow(refused);
    });
    expect(result.current.error).toBe(refused);
    act(() => result.current.clearError());
    expect(result.current.error).toBeUndefined();
  });
});

describe('useParticipants, useSendMessage, useTranscript', () => {
  it('finds the current agent', () => {
    const session = new FakeChatSession();
    const { result } = renderHook(() => useParticipants(), { wrapper: withSession(session) });
    act(() =>
      session.setParticipants([
        { participantId: 'a1', displayName: 'Ann', role: 'AGENT', status: 'left' },
        { participantId: 'c', role: 'CUSTOMER', status: 'joined' },
        { participantId: 'a2', displayName: 'Bob', role: 'AGENT', status: 'joined' },
      ]),
    );
    expect(result.current.agent?.displayName).toBe('Bob');
    expect(result.current.participants).toHaveLength(3);
  });

  it('tracks the last send and surfaces a refusal', async () => {
    const session = new FakeChatSession();
    const { result } = renderHook(() => useSendMessage(), { wrapper: withSession(session) });
    act(() => {
      expect(result.current.send('hi', { contentType: 'text/markdown' })).toMatch(/^local-/);
    });
    expect(result.current.error).toBeUndefined();
    session.failNext(new ChatError('CHAT_ENDED', 'ended'));
    act(() => {
      expect(() => result.current.send('again')).toThrow('ended');
    });
    expect(result.current.error?.message).toBe('ended');
    act(() => result.current.retry('local-1'));
    expect(session.callsOf('retry')).toEqual([{ method: 'retry', localId: 'local-1' }]);
  });

  it('loads older pages', async () => {
    const session = new FakeChatSession();
    session.update({ hasOlder: true });
    const { result } = renderHook(() => useTranscript(), { wrapper: withSession(session) });
    expect(result.current.hasOlder).toBe(true);
    await act(async () => {
      expect(await result.current.loadOlder()).toBe(false);
    });
    expect(session.callsOf('loadOlder')).toHaveLength(1);
    expect(result.current.isLoadingOlder).toBe(false);
  });
});

describe('useAttachmentUrl', () => {
  it('asks the session for a fresh download URL each time', async () => {
    const session = new FakeChatSession();
    const requested: string[] = [];
    const downloading = Object.assign(session, {
      getAttachmentUrl: (id: string) => {
        requested.push(id);
        return Promise.resolve(`https://files.example/${id}?n=${requested.length}`);
      },
    });
    const { result } = renderHook(() => useAttachmentUrl(), { wrapper: withSession(downloading) });
    await expect(result.current.getAttachmentUrl('att-1')).resolves.toBe(
      'https://files.example/att-1?n=1',
    );
    await expect(result.current.getAttachmentUrl('att-1')).resolves.toBe(
      'https://files.example/att-1?n=2',
    );
    expect(requested).toEqual(['att-1', 'att-1']);
  });

  it('rejects with a typed error when the session cannot download', async () => {
    const { result } = renderHook(() => useAttachmentUrl(), {
      wrapper: withSession(new FakeChatSession()),
    });
    const error = await result.current.getAttachmentUrl('att-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatError);
    expect((error as ChatError).code).toBe('ATTACHMENT_UPLOAD_FAILED');
  });

  it('throws outside a ChatProvider', () => {
    expect(() => renderHook(() => useAttachmentUrl())).toThrow(/ChatProvider/);
  });
});
