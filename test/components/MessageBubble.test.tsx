import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AttachmentView, Markdown, MessageBubble } from 'contact-kit';
import { parseMarkdown, safeHref } from '../../src/components/Markdown/parseMarkdown';
import { ChatError } from 'contact-kit/core';
import type { ChatAttachment } from 'contact-kit/core';
import { makeChatItem } from 'contact-kit/testing';
import { expectNoAxeViolations, renderChat } from './support';

function allLinks(container: Element) {
  return Array.from(container.querySelectorAll('a'));
}

describe('Markdown', () => {
  it('renders emphasis, lists, quotes, code and safe links as elements', async () => {
    const { container } = renderChat(
      <Markdown
        source={
          '# Your order\n**Shipped** and *on its way*. Use `CODE10`.\n\n- one\n- two\n\n> quoted\n\n[Track it](https://example.com/t/1) or mail <mailto:help@example.com>'
        }
      />,
    );
    expect(container.querySelector('strong')).toHaveTextContent('Shipped');
    expect(container.querySelector('em')).toHaveTextContent('on its way');
    expect(container.querySelector('code')).toHaveTextContent('CODE10');
    expect(container.querySelectorAll('li')).toHaveLength(2);
    expect(container.querySelector('blockquote')).toHaveTextContent('quoted');
    expect(container.querySelector('h1')).toBeNull();
    const track = screen.getByRole('link', { name: 'Track it' });
    expect(track).toHaveAttribute('href', 'https://example.com/t/1');
    expect(track).toHaveAttribute('target', '_blank');
    expect(track).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByRole('link', { name: 'mailto:help@example.com' })).toHaveAttribute(
      'href',
      'mailto:help@example.com',
    );
    await expectNoAxeViolations(container);
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['an img with onerror', '<img src=x onerror="alert(1)">', '<img src=x onerror="alert(1)">'],
    ['HTML inside emphasis', '**<b onclick="x()">bold</b>**', '<b onclick="x()">bold</b>'],
    [
      'an iframe',
      '<iframe src="https://evil.example"></iframe>',
      '<iframe src="https://evil.example"></iframe>',
    ],
  ])('shows %s as text, never as HTML', async (_name, source, text) => {
    const { container } = renderChat(<Markdown source={source} />);
    expect(container.querySelector('script, img, iframe, b')).toBeNull();
    expect(container.querySelector('[onerror], [onclick]')).toBeNull();
    expect(container.textContent).toContain(text);
    await expectNoAxeViolations(container);
  });

  it.each([
    ['javascript:', '[click](javascript:alert(1))'],
    ['mixed-case javascript:', '[click](JaVaScRiPt:alert(1))'],
    ['javascript: split by a tab', '[click](java\tscript:alert(1))'],
    ['an entity-encoded javascript:', '[click](&#106;avascript:alert(1))'],
    ['data:', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['vbscript:', '[click](vbscript:msgbox(1))'],
    ['a relative URL', '[click](/account)'],
    ['a protocol-relative URL', '[click](//evil.example)'],
    ['an autolink with javascript:', '<javascript:alert(1)>'],
  ])('drops a link to %s and keeps its text', async (_name, source) => {
    const { container } = renderChat(<Markdown source={source} />);
    expect(allLinks(container)).toHaveLength(0);
    await expectNoAxeViolations(container);
  });

  it('does not nest links: a link inside link text stays text', async () => {
    const { container } = renderChat(
      <Markdown source="[safe [inner](javascript:alert(1))](https://good.example) and [x [y](https://evil.example)](https://good.example)" />,
    );
    const links = allLinks(container);
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://good.example/',
      'https://good.example/',
    ]);
    expect(container.querySelector('a a')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('never uses dangerouslySetInnerHTML-style output: the tree is plain data', () => {
    const blocks = parseMarkdown('<b>x</b> [a](javascript:1)');
    expect(JSON.stringify(blocks)).not.toContain('javascript');
    expect(safeHref(' https://example.com/a b ')).toBe('https://example.com/a%20b');
    expect(safeHref('http://')).toBeUndefined();
  });
});

describe('MessageBubble', () => {
  it('links http(s) URLs in plain text and keeps the rest as text', async () => {
    const item = makeChatItem({
      content: 'See https://example.com/help. Not javascript:alert(1) or <b>x</b>',
    });
    const { container } = renderChat(<MessageBubble item={item} />);
    const link = screen.getByRole('link', { name: 'https://example.com/help' });
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveAttribute('target', '_blank');
    expect(allLinks(container)).toHaveLength(1);
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<b>x</b>');
    await expectNoAxeViolations(container);
  });

  it('renders text/markdown messages through the safe renderer', async () => {
    const item = makeChatItem({
      contentType: 'text/markdown',
      content: '**Done** <script>x</script>',
    });
    const { container } = renderChat(<MessageBubble item={item} />);
    expect(container.querySelector('strong')).toHaveTextContent('Done');
    expect(container.querySelector('script')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it.each([
    ['delivered', [{ participantId: 'agent-1', deliveredAt: '2025-01-01T00:00:00Z' }], 'Delivered'],
    ['read', [{ participantId: 'agent-1', readAt: '2025-01-01T00:00:00Z' }], 'Read'],
  ])('shows the %s receipt on our messages', async (state, receipts, label) => {
    const item = makeChatItem({
      isOwn: true,
      status: 'sent',
      receipts,
      participantId: 'me',
      role: 'CUSTOMER',
    });
    const { container } = renderChat(<MessageBubble item={item} />);
    expect(screen.getByText(label)).toBeInTheDocument();
    expect(container.firstElementChild?.querySelector('[data-state]')).toHaveAttribute(
      'data-state',
      state,
    );
    await expectNoAxeViolations(container);
  });

  it('shows no receipt on messages from others', () => {
    const item = makeChatItem({
      receipts: [{ participantId: 'me', readAt: '2025-01-01T00:00:00Z' }],
    });
    renderChat(<MessageBubble item={item} />);
    expect(screen.queryByText('Read')).not.toBeInTheDocument();
  });

  it('offers Retry on a failed message and retries it by localId', async () => {
    const user = userEvent.setup();
    const item = makeChatItem({
      isOwn: true,
      status: 'failed',
      localId: 'token-7',
      id: 'token-7',
      error: new ChatError('SEND_FAILED', 'failed'),
      participantId: 'me',
      role: 'CUSTOMER',
    });
    const { container, session } = renderChat(<MessageBubble item={item} />);
    expect(screen.getByText('Not sent')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(session.callsOf('retry')).toEqual([{ method: 'retry', localId: 'token-7' }]);
    await expectNoAxeViolations(container);
  });

  it('says a file lost in a reload must be attached again, with no Retry that cannot work', async () => {
    const lost = new ChatError('ATTACHMENT_LOST_ON_RELOAD', 'gone');
    const item = makeChatItem({
      type: 'attachment',
      isOwn: true,
      status: 'failed',
      localId: 'token-8',
      id: 'token-8',
      error: lost,
      attachments: [
        {
          id: 'token-8',
          name: 'receipt.png',
          contentType: 'image/png',
          size: 1000,
          status: 'failed',
          error: lost,
        },
      ],
      participantId: 'me',
      role: 'CUSTOMER',
    });
    const { container } = renderChat(<MessageBubble item={item} />);
    expect(
      screen.getByText('The page reloaded before this file was sent. Attach it again.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('shows unsupported items as a neutral note', async () => {
    const item = makeChatItem({ type: 'unsupported', contentType: 'application/x-unknown' });
    const { container } = renderChat(<MessageBubble item={item} />);
    expect(screen.getByText('This message can’t be displayed here.')).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });
});

describe('AttachmentView', () => {
  const file = (patch: Partial<ChatAttachment>): ChatAttachment => ({
    id: 'att-1',
    name: 'invoice.pdf',
    contentType: 'application/pdf',
    size: 2_500_000,
    status: 'approved',
    ...patch,
  });

  it.each([
    ['uploading', { status: 'uploading', progress: 0.42 }, 'Uploading… 42%'],
    ['in_progress', { status: 'in_progress' }, 'Checking the file…'],
    ['approved', { status: 'approved' }, 'Ready to download'],
    ['rejected', { status: 'rejected' }, 'Blocked: the file did not pass the security check'],
    [
      'failed',
      { status: 'failed', error: new ChatError('ATTACHMENT_TOO_LARGE', 'big') },
      'Upload failed',
    ],
  ] as const)('shows the %s state with size', async (state, patch, text) => {
    const { container } = renderChat(
      <AttachmentView
        attachment={file(patch)}
        getAttachmentUrl={() => Promise.resolve('https://files.example/1')}
      />,
    );
    expect(container.querySelector(`[data-state="${state}"]`)).toBeInTheDocument();
    expect(screen.getByText(text)).toBeInTheDocument();
    expect(screen.getByText('2.5 MB')).toBeInTheDocument();
    const download = screen.queryByRole('button', { name: 'Download invoice.pdf' });
    expect(download !== null).toBe(state === 'approved');
    if (state === 'failed') {
      expect(screen.getByText('This file is too large.')).toBeInTheDocument();
    }
    await expectNoAxeViolations(container);
  });

  it('shows an image as a thumbnail that opens a viewer; Escape closes it and focus returns', async () => {
    const user = userEvent.setup();
    const getAttachmentUrl = vi.fn((id: string) => Promise.resolve(`https://files.example/${id}`));
    const { container } = renderChat(
      <AttachmentView
        attachment={file({ id: 'img-1', name: 'crack.png', contentType: 'image/png' })}
        getAttachmentUrl={getAttachmentUrl}
      />,
    );
    const thumbnail = screen.getByRole('button', { name: 'View image crack.png' });
    await waitFor(() => expect(thumbnail).toBeEnabled());
    expect(thumbnail.querySelector('img')).toHaveAttribute('src', 'https://files.example/img-1');
    await expectNoAxeViolations(container);

    await user.click(thumbnail);
    const viewer = screen.getByRole('dialog', { name: 'crack.png' });
    expect(within(viewer).getByRole('img', { name: 'crack.png' })).toBeInTheDocument();
    const close = within(viewer).getByRole('button', { name: 'Close image' });
    expect(close).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(thumbnail).toHaveFocus();

    // The Close button closes it too; the URL was fetched once.
    await user.click(thumbnail);
    await user.click(screen.getByRole('button', { name: 'Close image' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(getAttachmentUrl).toHaveBeenCalledTimes(1);
  });

  it('shows a neutral placeholder for an image that cannot be loaded', async () => {
    renderChat(
      <AttachmentView
        attachment={file({ id: 'img-2', name: 'gone.jpg', contentType: 'image/jpeg' })}
        getAttachmentUrl={() => Promise.resolve('https://files.example/img-2')}
      />,
    );
    const thumbnail = screen.getByRole('button', { name: 'View image gone.jpg' });
    await waitFor(() => expect(thumbnail.querySelector('img')).not.toBeNull());
    fireEvent.error(thumbnail.querySelector('img')!);
    expect(await screen.findByText('Image unavailable')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'View image gone.jpg' })).toBeNull();
    // The file can still be downloaded.
    expect(screen.getByRole('button', { name: 'Download gone.jpg' })).toBeInTheDocument();
  });

  it('downloads through getAttachmentUrl', async () => {
    const user = userEvent.setup();
    const getAttachmentUrl = vi.fn((id: string) => Promise.resolve(`https://files.example/${id}`));
    const onDownload = vi.fn();
    renderChat(
      <AttachmentView
        attachment={file({})}
        getAttachmentUrl={getAttachmentUrl}
        onDownload={onDownload}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Download invoice.pdf' }));
    await waitFor(() =>
      expect(onDownload).toHaveBeenCalledWith(
        'https://files.example/att-1',
        expect.objectContaining({ id: 'att-1' }),
      ),
    );
    expect(getAttachmentUrl).toHaveBeenCalledWith('att-1');
  });

  it('refuses a non-http download URL and says the download failed', async () => {
    const user = userEvent.setup();
    const onDownload = vi.fn();
    renderChat(
      <AttachmentView
        attachment={file({})}
        getAttachmentUrl={() => Promise.resolve('javascript:alert(1)')}
        onDownload={onDownload}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Download invoice.pdf' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The file could not be downloaded.');
    expect(onDownload).not.toHaveBeenCalled();
  });

  it('renders attachment items inside a bubble', async () => {
    const item = makeChatItem({
      type: 'attachment',
      content: undefined,
      attachments: [file({ status: 'in_progress' })],
    });
    const { container } = renderChat(<MessageBubble item={item} />);
    expect(within(container).getByText('invoice.pdf')).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });
});
