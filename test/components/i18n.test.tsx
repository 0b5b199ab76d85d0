import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  Composer,
  SUPPORTED_LOCALES,
  createFormatter,
  createTranslate,
  enMessages,
  loadMessages,
  peekMessages,
  resolveLocale,
  textDirection,
} from 'contact-kit';
import { enVideoMessages } from '../../src/i18n/videoMessages';
import type { Messages } from 'contact-kit';
import { FakeChatSession } from 'contact-kit/testing';
import { expectNoAxeViolations, renderChat } from './support';

function openSession() {
  const session = new FakeChatSession();
  session.setConnection({ status: 'open' });
  return session;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('loads a catalog on demand: English first, then the language', async () => {
    expect(peekMessages('de')).toBeUndefined();
    const { container } = renderChat(<Composer />, {
      session: openSession(),
      theme: { locale: 'de-AT' },
    });
    expect(screen.getByRole('button', { name: 'Send' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Senden' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Nachricht' })).toBeInTheDocument();
    expect(container.querySelector('[data-ck-root]')).toHaveAttribute('lang', 'de');
    expect(peekMessages('de')).toBeDefined();
    await expectNoAxeViolations(container);
  });

  it('lets the messages prop override any string', async () => {
    const { container } = renderChat(<Composer />, {
      session: openSession(),
      theme: { messages: { send: 'Go', messageLabel: 'Your question' } },
    });
    expect(screen.getByRole('button', { name: 'Go' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Your question' })).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('overrides apply on top of a loaded catalog too', async () => {
    renderChat(<Composer />, {
      session: openSession(),
      theme: { locale: 'es', messages: { send: 'Mandar' } },
    });
    expect(await screen.findByRole('textbox', { name: 'Mensaje' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mandar' })).toBeInTheDocument();
  });

  it('lays out Arabic right to left', async () => {
    const { container } = renderChat(<Composer />, {
      session: openSession(),
      theme: { locale: 'ar' },
    });
    const root = container.querySelector('[data-ck-root]')!;
    await waitFor(() => expect(root).toHaveAttribute('dir', 'rtl'));
    expect(screen.getByRole('button', { name: 'إرسال' })).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it.each(SUPPORTED_LOCALES.filter((l) => l !== 'en'))(
    'the %s catalog has every English key (chat and video) with the same placeholders',
    async (locale) => {
      const messages = (await loadMessages(locale)) as unknown as Record<string, string>;
      // The web-call strings live apart from the chat catalog in English, in every catalog else.
      for (const [key, english] of Object.entries({ ...enMessages, ...enVideoMessages })) {
        expect(messages[key], `${locale}:${key}`).toEqual(expect.any(String));
        const expected = placeholders(english).filter((name) => name !== 'count');
        const got = placeholders(messages[key]!).filter((name) => name !== 'count');
        expect(got, `${locale}:${key}`).toEqual(expected);
      }
    },
  );

  it('keeps the web-call strings out of the chat catalog (chat pages do not carry them)', () => {
    const chatKeys = new Set(Object.keys(enMessages));
    expect(Object.keys(enVideoMessages).filter((key) => chatKeys.has(key))).toEqual([]);
    expect(createTranslate(enMessages, 'en')('joinCall')).toBe('joinCall');
    expect(createTranslate(enMessages, 'en', enVideoMessages)('joinCall')).toBe('Join call');
  });

  it('picks plural forms per language', async () => {
    const t = createTranslate(enMessages, 'en');
    expect(t('newMessages', { count: 1 })).toBe('1 new message');
    expect(t('newMessages', { count: 1200 })).toBe('1,200 new messages');
    const ar = createTranslate(await loadMessages('ar'), 'ar');
    expect(ar('newMessages', { count: 2 })).toBe('رسالتان جديدتان');
    expect(ar('newMessages', { count: 1 })).toBe('رسالة جديدة واحدة');
    const partial = createTranslate({ ...enMessages, send: 'Go' } as Messages, 'en');
    expect(partial('typingOne', { name: 'Sam' })).toBe('Sam is typing…');
  });

  it('resolves locales and directions', () => {
    expect(resolveLocale('pt')).toBe('pt-BR');
    expect(resolveLocale('pt-PT')).toBe('pt-BR');
    expect(resolveLocale('EN-gb')).toBe('en');
    expect(resolveLocale('zz')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
    expect(textDirection('ar-EG')).toBe('rtl');
    expect(textDirection('he')).toBe('rtl');
    expect(textDirection('ja')).toBe('ltr');
  });

  it('formats dates, times and sizes through Intl in the given time zone', () => {
    const format = createFormatter('en-US', 'UTC');
    expect(format.time('2025-03-04T14:04:00Z')).toBe('2:04 PM');
    expect(format.date('2025-03-04T14:04:00Z')).toBe('Mar 4, 2025');
    expect(format.dayKey('2025-03-04T23:30:00Z')).toBe('2025-03-04');
    expect(createFormatter('en-US', 'Asia/Tokyo').dayKey('2025-03-04T23:30:00Z')).toBe(
      '2025-03-05',
    );
    expect(format.fileSize(512)).toBe('512 byte');
    expect(format.fileSize(2_500_000)).toBe('2.5 MB');
    expect(createFormatter('de').fileSize(2_500_000)).toBe('2,5 MB');
    render(<p>{format.number(1024)}</p>);
    expect(screen.getByText('1,024')).toBeInTheDocument();
  });
});
