import { useMemo } from 'react';
import type { ReactNode, Ref, RefObject } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import { Composer } from '../../components/Composer';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { InteractiveMessage } from '../../components/Interactive/InteractiveMessage';
import { InteractiveRendererContext } from '../../components/MessageList/InteractiveRendererContext';
import { MessageList } from '../../components/MessageList/MessageList';
import { TypingIndicator } from '../../components/TypingIndicator';
import { useComponentOverrides } from '../../components/WithComponents/WithComponents';
import { useMessages } from '../../i18n/I18nProvider';
import type { ChatWidgetPreChatForm } from './ChatWidget';
import * as S from './ChatWidget.styles';
import { EndedFooter } from './EndedFooter';
import { PreChatForm } from './PreChatForm';
import type { PreChatFormHandle } from './PreChatForm';
import type { PreChatValues } from './validatePreChatForm';

/** What the widget's shell hands its body: the chat's state and the shell's actions. */
export interface ChatWidgetBodyProps {
  /** The chat status of `useChat()`. */
  status: string;
  /** Show the pre-chat form instead of the conversation. */
  showForm: boolean;
  form: ChatWidgetPreChatForm | undefined;
  formRef: Ref<PreChatFormHandle>;
  lastDetails: PreChatValues | undefined;
  onSubmitForm: (values: PreChatValues) => void;
  /** Offer "Try again" when starting failed (not when the app owns the session). */
  canRetry: boolean;
  /** Starts the chat again after a failed start. */
  onRetry: () => void;
  /** Starts a new chat once one ended; undefined when the widget cannot start one. */
  onNewChat: (() => void) | undefined;
  /**
   * Continues the ended conversation in a new contact (persistent chat); undefined when there is
   * nothing to continue or the widget cannot start a chat.
   */
  onContinue: (() => void) | undefined;
  /** The ended footer's first action (continue, else new chat), focused when the chat ends. */
  newChatRef: RefObject<HTMLButtonElement | null>;
  /** The panel is open: the list marks what it shows as read. */
  open: boolean;
  timeZone: string | undefined;
}

/**
 * The inside of the widget's panel: the pre-chat form, the start and failure screens, and the
 * conversation (connection banner, transcript, typing, composer or the ended footer). It is the
 * bulk of the widget's UI, so `ChatWidget` loads it on demand (see `preloadChatWidget`); the
 * launcher and the panel's frame do not wait for it. Internal: not exported from the package.
 *
 * @example
 * ```tsx
 * const { ChatWidgetBody } = await import('./ChatWidgetBody');
 * root.render(<ChatWidgetBody {...bodyProps} />);
 * ```
 */
export function ChatWidgetBody(props: ChatWidgetBodyProps): ReactNode {
  const { status, form, timeZone } = props;
  const t = useMessages();
  const components = useComponentOverrides();

  const Interactive = components.InteractiveMessage ?? InteractiveMessage;
  const renderInteractive = useMemo(
    () =>
      function renderInteractive(item: ChatItem) {
        return timeZone === undefined ? (
          <Interactive item={item} />
        ) : (
          <Interactive item={item} timeZone={timeZone} />
        );
      },
    [Interactive, timeZone],
  );

  if (props.showForm) {
    const Form = components.PreChatForm ?? PreChatForm;
    return (
      <Form
        ref={props.formRef}
        fields={form?.fields ?? []}
        busy={status === 'starting'}
        defaultValues={props.lastDetails}
        onSubmit={props.onSubmitForm}
        {...(form?.title !== undefined ? { title: form.title } : {})}
        {...(form?.intro !== undefined ? { intro: form.intro } : {})}
      />
    );
  }
  if (status === 'failed' && props.canRetry) {
    return (
      <S.Centered role="alert">
        <p>{t('startFailed')}</p>
        <S.PrimaryButton type="button" onClick={props.onRetry}>
          {t('tryAgain')}
        </S.PrimaryButton>
      </S.Centered>
    );
  }
  if (status === 'idle' || status === 'starting') {
    return (
      <S.Centered>
        <p>{t('startingChat')}</p>
      </S.Centered>
    );
  }
  const {
    MessageList: List = MessageList,
    Composer: Write = Composer,
    TypingIndicator: Typing = TypingIndicator,
    ConnectionBanner: Banner = ConnectionBanner,
    EndedFooter: Ended = EndedFooter,
  } = components;
  return (
    <InteractiveRendererContext.Provider value={renderInteractive}>
      <Banner />
      <List markAsRead={props.open} style={{ flex: 1, minBlockSize: 0 }} />
      <Typing />
      {status === 'ended' ? (
        <Ended
          primaryRef={props.newChatRef}
          onNewChat={props.onNewChat}
          onContinue={props.onContinue}
        />
      ) : (
        <Write />
      )}
    </InteractiveRendererContext.Provider>
  );
}
