import { act, createEvent, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Composer } from 'contact-kit';
import { FakeChatSession } from 'contact-kit/testing';
import { expectNoAxeViolations, renderChat } from './support';

function openSession() {
  const session = new FakeChatSession();
  session.update({ connection: { status: 'open', attempt: 0, error: undefined } });
  return session;
}

function textbox() {
  return screen.getByRole('textbox', { name: 'Message' });
}

describe('Composer', () => {
  it('sends on Enter and clears; Shift+Enter adds a line instead', async () => {
    const user = userEvent.setup();
    const { session, container } = renderChat(<Composer />, { session: openSession() });
    await user.type(textbox(), 'Hello');
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    await user.type(textbox(), 'there');
    expect(session.callsOf('sendMessage')).toHaveLength(0);
    expect(textbox()).toHaveValue('Hello\nthere');

    await user.keyboard('{Enter}');
    expect(session.callsOf('sendMessage').map((call) => call.content)).toEqual(['Hello\nthere']);
    expect(textbox()).toHaveValue('');
    await expectNoAxeViolations(container);
  });

  it('can be controlled: the app holds the text and hears every change, including the clear', async () => {
    const user = userEvent.setup();
    const changes = vi.fn();
    function Controlled() {
      const [text, setText] = useState('Order 4');
      return (
        <Composer
          value={text}
          onValueChange={(next) => {
            changes(next);
            setText(next.toUpperCase());
          }}
        />
      );
    }
    const { session } = renderChat(<Controlled />, { session: openSession() });
    expect(textbox()).toHaveValue('Order 4');
    await user.type(textbox(), '2');
    expect(changes).toHaveBeenLastCalledWith('Order 42');
    expect(textbox()).toHaveValue('ORDER 42');
    await user.keyboard('{Enter}');
    expect(session.callsOf('sendMessage').map((call) => call.content)).toEqual(['ORDER 42']);
    expect(changes).toHaveBeenLastCalledWith('');
    expect(textbox()).toHaveValue('');
  });

  it('sends with the Send button, which is disabled while empty', async () => {
    const user = userEvent.setup();
    const { session, container } = renderChat(<Composer />, { session: openSession() });
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send).toBeDisabled();
    expect(container.querySelector('form')).toHaveAttribute('data-state', 'empty');
    await user.type(textbox(), 'Hi');
    expect(send).toBeEnabled();
    await user.click(send);
    expect(session.callsOf('sendMessage').map((call) => call.content)).toEqual(['Hi']);
    await expectNoAxeViolations(container);
  });

  it('counts down near the 1,024-character limit and refuses to send over it', async () => {
    const user = userEvent.setup();
    const { session, container } = renderChat(<Composer />, { session: openSession() });
    expect(screen.queryByText(/characters? left/)).not.toBeInTheDocument();

    await user.click(textbox());
    await user.paste('a'.repeat(1000));
    expect(screen.getByText('24 characters left')).toBeInTheDocument();
    expect(textbox()).toHaveAccessibleDescription(/24 characters left/);

    await user.paste('b'.repeat(30));
    expect(screen.getByText('6 characters over the limit')).toBeInTheDocument();
    expect(textbox()).toHaveAttribute('aria-invalid', 'true');
    expect(container.querySelector('form')).toHaveAttribute('data-state', 'too-long');
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(session.callsOf('sendMessage')).toHaveLength(0);
    await expectNoAxeViolations(container);
  });

  it('uploads files from the picker, a paste and a drop', async () => {
    const user = userEvent.setup();
    const { session, container } = renderChat(<Composer />, { session: openSession() });
    const picked = new File(['a'], 'picked.png', { type: 'image/png' });
    const pasted = new File(['b'], 'pasted.png', { type: 'image/png' });
    const dropped = new File(['c'], 'dropped.pdf', { type: 'application/pdf' });

    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, picked);

    const paste = createEvent.paste(textbox());
    Object.defineProperty(paste, 'clipboardData', {
      value: { files: [pasted], getData: () => '' },
    });
    fireEvent(textbox(), paste);
    expect(paste.defaultPrevented).toBe(true);

    const form = container.querySelector('form')!;
    fireEvent.dragOver(form, { dataTransfer: { types: ['Files'], files: [] } });
    expect(form).toHaveAttribute('data-dragging');
    fireEvent.drop(form, { dataTransfer: { types: ['Files'], files: [dropped] } });
    expect(form).not.toHaveAttribute('data-dragging');

    expect(session.callsOf('sendAttachment').map((call) => call.file.name)).toEqual([
      'picked.png',
      'pasted.png',
      'dropped.pdf',
    ]);
    expect(screen.getByRole('button', { name: 'Attach a file' })).toBeEnabled();
    await expectNoAxeViolations(container);
  });

  it('shows why an attachment was refused', async () => {
    const user = userEvent.setup();
    const session = openSession();
    session.failNext(new Error('boom'));
    const { container } = renderChat(<Composer />, { session });
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File(['a'], 'a.png', { type: 'image/png' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The file could not be sent.');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('is disabled with a reason when the chat has ended', async () => {
    const session = openSession();
    const { container } = renderChat(<Composer />, { session });
    act(() => session.update({ chat: { status: 'ended', error: undefined } }));
    expect(textbox()).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Attach a file' })).toBeDisabled();
    expect(screen.getByText('This chat has ended.')).toBeInTheDocument();
    expect(textbox()).toHaveAccessibleDescription('This chat has ended.');
    expect(container.querySelector('form')).toHaveAttribute('data-state', 'disabled');
    await expectNoAxeViolations(container);
  });

  it('forwards its ref to the textarea so a widget can focus it', () => {
    const ref = createRef<HTMLTextAreaElement>();
    renderChat(<Composer ref={ref} />, { session: openSession() });
    expect(ref.current).toBe(textbox());
  });
});
