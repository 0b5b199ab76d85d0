import type { ReactNode } from 'react';
import type { ContactSummary } from './contactSummary';

/**
 * Props of {@link ContactList}.
 *
 * @example
 * ```tsx
 * <ContactList rows={rows} onAnswer={join} onSelect={setSelected} />
 * ```
 */
export interface ContactListProps {
  rows: readonly ContactSummary[];
  selected?: string | undefined;
  loading?: boolean;
  error?: string | undefined;
  /** The contact being answered right now. */
  answering?: string | undefined;
  onAnswer: (row: ContactSummary) => void;
  onSelect: (contactId: string) => void;
}

const STATE_LABEL: Record<ContactSummary['state'], string> = {
  waiting: 'Waiting',
  active: 'With an agent',
  mine: 'Yours',
  ended: 'Ended',
};

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * The contacts of the emulator, newest first: waiting ones can be answered, answered ones opened.
 *
 * @example
 * ```tsx
 * <ContactList rows={[{ contactId: 'c', state: 'waiting', customerName: 'Ana', joined: false, agentNames: [], createdAt, channel: 'CHAT' }]} onAnswer={answer} onSelect={open} />
 * ```
 */
export function ContactList(props: ContactListProps): ReactNode {
  const { rows, selected } = props;
  return (
    <nav className="contacts" aria-labelledby="contacts-title">
      <h2 id="contacts-title">
        Contacts{' '}
        <span className="contacts-count">
          {rows.filter((r) => r.state === 'waiting').length} waiting
        </span>
      </h2>
      {props.error ? (
        <p role="alert" className="console-error">
          {props.error}
        </p>
      ) : null}
      {props.loading ? <p className="contacts-note">Loading…</p> : null}
      {!props.loading && rows.length === 0 ? (
        <p className="contacts-note">No contacts yet. Open the storefront and start a chat.</p>
      ) : null}
      <ul>
        {rows.map((row) => (
          <li
            key={row.contactId}
            className="contact"
            data-contact-id={row.contactId}
            data-state={row.state}
            aria-current={row.contactId === selected ? 'true' : undefined}
          >
            <div className="contact-text">
              <span className="contact-name">
                {row.customerName}
                {row.channel === 'VOICE' ? <span className="contact-channel"> · video</span> : null}
              </span>
              <span className="contact-meta">
                <span className={`badge badge-${row.state}`}>{STATE_LABEL[row.state]}</span>{' '}
                {timeFormat.format(new Date(row.createdAt))}
                {row.agentNames.length > 0 ? ` · ${row.agentNames.join(', ')}` : ''}
              </span>
            </div>
            {row.joined ? (
              <button
                type="button"
                className="contact-action"
                aria-label={`Open ${row.channel === 'VOICE' ? 'video call' : 'chat'} with ${row.customerName}`}
                onClick={() => props.onSelect(row.contactId)}
              >
                Open
              </button>
            ) : row.state === 'ended' ? null : (
              <button
                type="button"
                className="contact-action contact-answer"
                aria-label={
                  row.channel === 'VOICE'
                    ? `Answer video call from ${row.customerName}`
                    : `Answer ${row.customerName}`
                }
                disabled={props.answering === row.contactId}
                onClick={() => props.onAnswer(row)}
              >
                {row.state === 'waiting' ? 'Answer' : 'Join'}
              </button>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
