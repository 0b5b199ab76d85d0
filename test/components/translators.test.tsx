import { act, cleanup, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { IntlMessageFormat } from 'intl-messageformat';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatWidget, fromI18next, fromReactIntl } from 'contact-kit';
import type { ReactIntlLike, Translator } from 'contact-kit';
import { FakeChatSession, makeChatItem } from 'contact-kit/testing';

afterEach(cleanup);

/** A session with `unread` agent messages the customer has not seen. */
function sessionWithUnread(unread: number) {
  const session = new FakeChatSession();
  session.update({
    connection: { status: 'open', attempt: 0, error: undefined },
    items: Array.from({ length: unread }, (_, index) =>
      makeChatItem({
        content: `m${index}`,
        participantId: 'agent-1',
        displayName: 'Sam',
        role: 'AGENT',
      }),
    ),
  });
  return session;
}

/** react-intl's `formatMessage` contract, on the ICU formatter react-intl itself uses. */
function intlShape(locale: string, messages: Record<string, string>): ReactIntlLike {
  return {
    messages,
    formatMessage: ({ id }, values) =>
      String(new IntlMessageFormat(messages[id]!, locale).format(values)),
  };
}

describe('strings from the app’s own translation library', () => {
  it('i18next: its keys (with its plurals and interpolation) win; the others keep the catalog', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'en',
      showSupportNotice: false,
      resources: {
        en: {
          contactKit: {
            openChat: 'Ask a barista',
            unreadMessages_one: '{{count}} new note',
            unreadMessages_other: '{{count}} new notes',
          },
        },
      },
    });
    const session = sessionWithUnread(2);
    const { rerender } = render(
      <ChatWidget session={session} position="inline" translator={fromI18next(i18n)} />,
    );
    expect(screen.getByRole('button', { name: 'Ask a barista 2 new notes' })).toBeInTheDocument();
    act(() => session.update({ items: session.getSnapshot().items.slice(0, 1) }));
    expect(screen.getByRole('button', { name: 'Ask a barista 1 new note' })).toBeInTheDocument();

    // A key i18next lacks keeps the catalog; a namespace without the kit's keys changes nothing.
    rerender(
      <ChatWidget
        session={session}
        position="inline"
        translator={fromI18next(i18n, { namespace: 'other' })}
      />,
    );
    expect(screen.getByRole('button', { name: 'Open chat 1 unread message' })).toBeInTheDocument();
  });

  it('react-intl: ICU messages by prefixed id, plurals included', () => {
    const intl = intlShape('en', {
      'contactKit.openChat': 'Chat with the roastery',
      'contactKit.unreadMessages':
        '{count, plural, one {# message waiting} other {# messages waiting}}',
    });
    render(
      <ChatWidget
        session={sessionWithUnread(3)}
        position="inline"
        translator={fromReactIntl(intl)}
      />,
    );
    expect(
      screen.getByRole('button', { name: 'Chat with the roastery 3 messages waiting' }),
    ).toBeInTheDocument();
  });

  it('a translator that throws or answers undefined keeps the catalog, and messages still apply', () => {
    const asked: string[] = [];
    const translator: Translator = (key) => {
      asked.push(key);
      if (key === 'openChat') {
        throw new Error('the library is not ready');
      }
      return undefined;
    };
    render(
      <ChatWidget
        session={sessionWithUnread(0)}
        position="inline"
        messages={{ openChat: 'Help' }}
        translator={translator}
      />,
    );
    expect(screen.getByRole('button', { name: 'Help' })).toBeInTheDocument();
    expect(asked).toContain('openChat');
  });
});
