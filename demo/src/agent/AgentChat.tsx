import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import {
  ChatProvider,
  Composer,
  ConnectionBanner,
  ContactKitProvider,
  InteractiveRendererContext,
  MessageList,
  TypingIndicator,
  interactiveOf,
  useChat,
} from 'contact-kit';
import type { ChatItem } from 'contact-kit';
import {
  createSampleTimePicker,
  sampleCarousel,
  sampleListPicker,
  samplePanel,
  sampleQuickReply,
  serializeTemplate,
} from '../../../src/emulator/agents/templates';
import type { InteractiveTemplate } from 'contact-kit/core';
import type { AdminApi } from '../shared/adminApi';
import type { AgentSeat } from './agentSeats';

/**
 * Props of {@link AgentChat}.
 *
 * @example
 * ```tsx
 * <AgentChat api={api} seat={seat} visible onClose={() => leave(seat)} />
 * ```
 */
export interface AgentChatProps {
  api: AdminApi;
  seat: AgentSeat;
  /** Only the selected chat shows (and marks messages read); the others stay connected. */
  visible: boolean;
  onClose: () => void;
}

const INTERACTIVE = 'application/vnd.amazonaws.connect.message.interactive';

const TEMPLATES: readonly { label: string; make: () => InteractiveTemplate }[] = [
  { label: 'List picker', make: () => sampleListPicker },
  { label: 'Panel', make: () => samplePanel },
  { label: 'Quick reply', make: () => sampleQuickReply },
  { label: 'Time picker', make: () => createSampleTimePicker(new Date()) },
  { label: 'Carousel', make: () => sampleCarousel },
];

/**
 * One chat the agent answers: the kit's `ContactKitProvider` and `ChatProvider` with the agent's
 * participant token (the kit works for any participant role), its transcript, typing, connection
 * banner and composer (with attachments), plus buttons that send interactive messages the way a
 * contact flow would and one that ends the contact.
 *
 * @example
 * ```tsx
 * {seats.map((seat) => <AgentChat key={seat.contactId} api={api} seat={seat} visible={seat.contactId === selected} onClose={close} />)}
 * ```
 */
export function AgentChat({ api, seat, visible, onClose }: AgentChatProps): ReactNode {
  return (
    <section
      className="agent-chat"
      hidden={!visible}
      aria-label={`Chat with ${seat.customerName}`}
      data-contact-id={seat.contactId}
    >
      <ContactKitProvider
        endpoint={api.url}
        participantToken={seat.participantToken}
        storage={null}
      >
        <ChatProvider>
          <InteractiveRendererContext.Provider value={renderInteractivePreview}>
            <AgentChatView api={api} seat={seat} visible={visible} onClose={onClose} />
          </InteractiveRendererContext.Provider>
        </ChatProvider>
      </ContactKitProvider>
    </section>
  );
}

function AgentChatView({ api, seat, visible, onClose }: AgentChatProps): ReactNode {
  const { status } = useChat();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const ended = status === 'ended';

  const run = (action: () => Promise<unknown>) => {
    setProblem(undefined);
    action().catch((error: unknown) => setProblem((error as Error).message));
  };
  const sendTemplate = (template: InteractiveTemplate) =>
    run(() =>
      api.sendItem(seat.contactId, {
        ContentType: INTERACTIVE,
        Content: serializeTemplate(template),
        ParticipantRole: 'AGENT',
        ParticipantId: seat.participantId,
        DisplayName: agentDisplayName(seat),
      }),
    );

  return (
    <>
      <header className="agent-chat-header">
        <div>
          <h2>{seat.customerName}</h2>
          <p className="agent-chat-status" data-chat-status={status}>
            {ended ? 'Chat ended' : status === 'open' ? 'Connected' : `Status: ${status}`}
          </p>
        </div>
        {ended ? (
          <button type="button" className="secondary" onClick={onClose}>
            Close
          </button>
        ) : (
          <button
            type="button"
            className="danger"
            onClick={() => run(() => api.stop(seat.contactId))}
          >
            End chat
          </button>
        )}
      </header>
      {problem ? (
        <p role="alert" className="console-error">
          {problem}
        </p>
      ) : null}
      <ConnectionBanner />
      <MessageList className="agent-log" markAsRead={visible} />
      <TypingIndicator />
      {ended ? null : (
        <div className="agent-tools" role="group" aria-label="Send an interactive message">
          <span>Send:</span>
          {TEMPLATES.map((template) => (
            <button
              key={template.label}
              type="button"
              onClick={() => sendTemplate(template.make())}
            >
              {template.label}
            </button>
          ))}
        </div>
      )}
      <Composer />
    </>
  );
}

function agentDisplayName(seat: AgentSeat): string {
  return seat.agentName ?? 'Agent';
}

const TEMPLATE_NAMES: Readonly<Record<string, string>> = {
  ListPicker: 'List picker',
  Panel: 'Panel',
  QuickReply: 'Quick reply',
  TimePicker: 'Time picker',
  Carousel: 'Carousel',
  ViewResource: 'Step-by-step guide',
};

/** The agent sees what was offered (read-only); the customer's answer arrives as a message. */
function renderInteractivePreview(item: ChatItem): ReactNode {
  return <InteractivePreview item={item} />;
}

function InteractivePreview({ item }: { item: ChatItem }): ReactNode {
  const summary = useMemo(() => describeTemplate(item), [item]);
  return (
    <div className="interactive-preview" data-template={interactiveOf(item)?.templateType}>
      <p className="interactive-preview-kind">{summary.kind}</p>
      <p className="interactive-preview-title">{summary.title}</p>
      {summary.choices.length ? (
        <ul>
          {summary.choices.map((choice, index) => (
            <li key={`${index}.${choice}`}>{choice}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function describeTemplate(item: ChatItem): { kind: string; title: string; choices: string[] } {
  const template = interactiveOf(item);
  if (!template) {
    return { kind: 'Interactive message', title: item.content ?? '', choices: [] };
  }
  const content = template.data.content as {
    title?: string;
    elements?: { title?: string; templateType?: string; data?: { content?: { title?: string } } }[];
    timeslots?: { date: string }[];
    viewId?: string;
  };
  const choices =
    content.elements?.map(
      (element) => element.title ?? element.data?.content?.title ?? element.templateType ?? '',
    ) ??
    content.timeslots?.map((slot) => new Date(slot.date).toLocaleString()) ??
    [];
  return {
    kind: TEMPLATE_NAMES[template.templateType] ?? template.templateType,
    title: content.title ?? (content.viewId !== undefined ? `Guide: ${content.viewId}` : ''),
    choices,
  };
}
