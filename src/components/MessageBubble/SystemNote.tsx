import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import type { ParticipantRole } from '../../core/protocol/types';
import { useMessages } from '../../i18n/I18nProvider';
import type { MessageKey, Translate } from '../../i18n/messages';
import { useComponentOverrides } from '../WithComponents/WithComponents';
import * as S from './MessageBubble.styles';

const EVENT_KEYS: Readonly<Record<NonNullable<ChatItem['event']>, MessageKey>> = {
  'participant.joined': 'eventJoined',
  'participant.left': 'eventLeft',
  'participant.invited': 'eventInvited',
  'participant.idle': 'eventIdle',
  'participant.returned': 'eventReturned',
  'participant.autodisconnection': 'eventAutoDisconnected',
  'participant.displayname.updated': 'eventRenamed',
  'chat.ended': 'eventChatEnded',
  'chat.rehydrated': 'eventRehydrated',
  'transfer.succeeded': 'eventTransferSucceeded',
  'transfer.failed': 'eventTransferFailed',
  'authentication.initiated': 'eventAuthInitiated',
  'authentication.succeeded': 'eventAuthSucceeded',
  'authentication.failed': 'eventAuthFailed',
  'authentication.timeout': 'eventAuthTimeout',
  'authentication.expired': 'eventAuthExpired',
  'authentication.cancelled': 'eventAuthCancelled',
};

const ROLE_KEYS: Readonly<Record<ParticipantRole, MessageKey>> = {
  AGENT: 'agent',
  CUSTOMER: 'you',
  SYSTEM: 'system',
  CUSTOM_BOT: 'bot',
  SUPERVISOR: 'supervisor',
};

/**
 * The name to show for an item's sender: "You" for own items, the display name, else the role.
 *
 * @example
 * ```ts
 * senderName(item, t); // 'Sam'
 * ```
 */
export function senderName(
  item: Pick<ChatItem, 'isOwn' | 'displayName' | 'role'>,
  t: Translate,
): string {
  if (item.isOwn) {
    return t('you');
  }
  if (item.displayName) {
    return item.displayName;
  }
  return item.role ? t(ROLE_KEYS[item.role]) : t('someone');
}

/**
 * The sentence for an event item, e.g. "Sam joined the chat".
 *
 * @example
 * ```ts
 * eventText(item, t); // 'Chat ended'
 * ```
 */
export function eventText(item: ChatItem, t: Translate): string {
  const key = item.event ? EVENT_KEYS[item.event] : undefined;
  return key ? t(key, { name: senderName(item, t) }) : t('unsupportedMessage');
}

/**
 * Props of {@link SystemNote}.
 *
 * @example
 * ```tsx
 * <SystemNote>Chat ended</SystemNote>
 * ```
 */
export interface SystemNoteProps extends ComponentPropsWithoutRef<'p'> {
  children?: ReactNode;
}

/**
 * A centred, neutral note in the transcript: joins, leaves, transfers, the end of the chat, and
 * messages that cannot be shown.
 *
 * @example
 * ```tsx
 * <SystemNote data-event="chat.ended">Chat ended</SystemNote>
 * ```
 */
export function SystemNote({ children, ...rest }: SystemNoteProps): ReactNode {
  return (
    <S.NoteRow>
      <S.Note {...rest}>{children}</S.Note>
    </S.NoteRow>
  );
}

/**
 * An event item (`type: 'event'`) as a {@link SystemNote}.
 *
 * @example
 * ```tsx
 * {item.type === 'event' && <EventNote item={item} />}
 * ```
 */
export function EventNote({ item }: { item: ChatItem }): ReactNode {
  const t = useMessages();
  const { SystemNote: Note = SystemNote } = useComponentOverrides();
  return <Note data-event={item.event}>{eventText(item, t)}</Note>;
}
