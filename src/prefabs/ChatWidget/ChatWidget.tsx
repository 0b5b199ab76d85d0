import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ComponentType, CSSProperties, KeyboardEvent, ReactNode } from 'react';
import {
  useComponentOverrides,
  WithComponents,
} from '../../components/WithComponents/WithComponents';
import type { ContactKitComponents } from '../../components/WithComponents/ContactKitComponents';
import { CustomerAuthenticationOptionsContext } from '../../components/SignInPrompt/CustomerAuthenticationOptionsContext';
import { useFormatter, useMessages } from '../../i18n/I18nProvider';
import type { MessageOverrides, Translator } from '../../i18n/messages';
import type { ChatSessionLike } from '../../react/chatSessionLike';
import { useMaybeChatSession } from '../../react/context/ChatSessionContext';
import { useMaybeContactKit } from '../../react/context/ContactKitContext';
import type { StartChatRequest, StartChatResult } from '../../react/context/ContactKitContext';
import { useChat } from '../../react/hooks/useChat';
import { useParticipants } from '../../react/hooks/useParticipants';
import { useUnreadCount } from '../../react/hooks/useUnreadCount';
import { ChatProvider } from '../../react/providers/ChatProvider';
import { ContactKitProvider } from '../../react/providers/ContactKitProvider';
import type { ContactKitProviderProps } from '../../react/providers/ContactKitProvider';
import { whenIdle } from '../../react/internal/whenIdle';
import { ContactKitThemeProvider } from '../../theme/ContactKitThemeProvider';
import type { ThemeInput } from '../../theme/ContactKitThemeProvider';
import * as S from './ChatWidget.styles';
import type { WidgetPosition } from './ChatWidget.styles';
import { chooseLayout, SHEET_MEDIA_QUERY } from './chooseLayout';
import { closeAction, isChatActive } from './closeAction';
import type { WidgetLayout } from './chooseLayout';
import { ChatHeader } from './ChatHeader';
import { ChatLauncher } from './ChatLauncher';
import type { ChatLauncherProps } from './ChatLauncher';
import { EndChatConfirm } from './EndChatConfirm';
import { loadChatWidgetBody, useChatWidgetBody } from './loadChatWidgetBody';
import { panelSubtitle } from './panelSubtitle';
import { takeReopenAfterSignIn } from './takeReopenAfterSignIn';
import { useControllableOpen } from './useControllableOpen';
import { useEndChatConfirmation } from './useEndChatConfirmation';
import { useMediaQuery } from './useMediaQuery';
import { usePanelFocus } from './usePanelFocus';
import { usePageVisible } from './usePageVisible';
import { useScrollLock } from './useScrollLock';
import { useHiddenTabAlerts } from './useHiddenTabAlerts';
import { UnreadSignals } from './UnreadSignals';
import type { ChatWidgetCallbacks } from './useWidgetCallbacks';
import type { PreChatField, PreChatValues } from './validatePreChatForm';
import { useVisualViewport } from './useVisualViewport';

/**
 * The pre-chat form's configuration.
 *
 * @example
 * ```tsx
 * <ChatWidget
 *   startChat={startChat}
 *   preChatForm={{
 *     title: 'Before we start',
 *     fields: [{ name: 'email', label: 'Email', type: 'email', required: true }],
 *     onSubmit: (values) => analytics.identify(values.fields.email),
 *   }}
 * />
 * ```
 */
export interface ChatWidgetPreChatForm {
  /** Fields after the name. Defaults to none. */
  fields?: readonly PreChatField[];
  /** Heading of the form. Defaults to the catalog's. */
  title?: string;
  /** Line under the heading. Defaults to the catalog's. */
  intro?: string;
  /**
   * Called with the values before the chat starts (they also go to `startChat`). Use it when the
   * widget runs inside your own providers.
   */
  onSubmit?: (values: PreChatValues) => void;
}

/**
 * Parts of the widget that can be replaced: the same slots as {@link ContactKitComponents}
 * (launcher, header, transcript rows, bubbles, avatars, composer, ended footer and more).
 *
 * @example
 * ```tsx
 * <ChatWidget startChat={startChat} components={{ TypingIndicator: () => null }} />
 * ```
 */
export type ChatWidgetComponents = ContactKitComponents;

/**
 * Props of {@link ChatWidget}. With `startChat` or `participantToken` (plus `endpoint` or
 * `region`) the widget creates its own `ContactKitProvider` and `ChatProvider`; with `session` it
 * renders a `ChatProvider` over that session; with neither it uses the providers around it.
 *
 * @example
 * ```tsx
 * function SupportWidget(props: Partial<ChatWidgetProps>) {
 *   return (
 *     <ChatWidget
 *       region="us-east-1"
 *       startChat={(details) => api.startChat({ name: details?.name })}
 *       title="Acme support"
 *       {...props}
 *     />
 *   );
 * }
 * ```
 */
export interface ChatWidgetProps
  extends Omit<ContactKitProviderProps, 'children' | 'startChat' | 'theme'>, ChatWidgetCallbacks {
  /**
   * Starts a chat contact, typically through your backend (StartChatContact). Gets the pre-chat
   * form's values when there is a form, and `request.previousContactId` when the customer
   * continues an ended conversation (pass it to StartChatContact as `PersistentChat`).
   */
  startChat?: (
    details: PreChatValues | undefined,
    request: StartChatRequest,
  ) => Promise<StartChatResult>;
  /** A session you own (tests, stories, custom transports). */
  session?: ChatSessionLike;
  /** `bottom-right` (default), `bottom-left`, or `inline` (in the page flow). */
  position?: WidgetPosition;
  /**
   * How the open panel shows: `floating` (a card in the corner), `sheet` (the whole screen, sized
   * to the visible part above an on-screen keyboard, page scroll locked and focus kept inside while
   * open), or `auto` (default): a sheet on narrow windows and touch screens, floating otherwise.
   * An `inline` widget stays in the page flow under `auto`.
   */
  layout?: WidgetLayout;
  /**
   * Show the launcher button. Defaults to `true`. Pass `false` when the page has its own "Chat
   * with us" button: drive the panel with `open` and `onOpenChange`; on close, focus returns to
   * whatever had it when the panel opened.
   */
  launcher?: boolean;
  /**
   * While the tab is hidden, put the unread count in front of the page title ("(2) My shop"),
   * restored when the customer comes back. Defaults to `true`.
   */
  unreadInTitle?: boolean;
  /** While the tab is hidden, chime when a message arrives. Defaults to `false`. */
  sound?: boolean;
  /**
   * While the tab is hidden, show a browser notification when a message arrives. The panel offers
   * to turn them on (the browser asks only after that click, never on load). Defaults to `false`.
   */
  notifications?: boolean;
  /** Open the panel at first render. Defaults to `false`. Ignored when `open` is set. */
  defaultOpen?: boolean;
  /**
   * Controls the panel: when set, the panel shows exactly when `open` is `true`, and the launcher,
   * minimise and close only ask for a change through `onOpenChange`. Opening it moves focus into
   * the panel, as the launcher does.
   */
  open?: boolean;
  /** Heading of the panel. Defaults to the catalog's "Chat with us". */
  title?: string;
  /** Ask for the customer's name (and more) before the chat starts. Defaults to no form. */
  preChatForm?: ChatWidgetPreChatForm | boolean;
  /**
   * Replacements for parts of the widget, by slot (see `ContactKitComponents`); they merge over
   * any `WithComponents` around the widget.
   */
  components?: ChatWidgetComponents;
  /** `light` (default), `dark`, `auto`, or token overrides. */
  theme?: ThemeInput;
  /** Strings that replace the catalog's. */
  messages?: MessageOverrides;
  /**
   * Strings from the app's own i18next or react-intl (see `fromI18next`, `fromReactIntl`): keys
   * it has win over `messages` and the catalog.
   */
  translator?: Translator;
  /** IANA time zone for times. Defaults to the customer's. */
  timeZone?: string;
  /** CSP nonce for the injected styles. */
  nonce?: string;
  /** Where styles go when the widget renders in a shadow root. */
  styleTarget?: HTMLElement | ShadowRoot;
  /** The panel opened or closed (uncontrolled), or asks to (with `open`). */
  onOpenChange?: (open: boolean) => void;
  /**
   * Where the sign-in page of an "Authenticate customer" flow block sends the customer back: a
   * page of your site that calls `completeAuthenticationRedirect()` (it closes the sign-in popup,
   * or returns to the chat after a same-tab sign-in). Defaults to the current page.
   */
  authenticationRedirectUri?: string;
}

const preloadBody = (): void => {
  loadChatWidgetBody().catch(() => undefined);
};

/**
 * The ready-made support widget: a launcher button ("Open chat") with an unread badge, and a
 * panel with the agent's name, the conversation, typing and connection status, and the composer.
 * An optional pre-chat form asks for the customer's name before the chat starts; "End chat" asks
 * for confirmation; an ended chat offers the transcript as a .txt download and a new chat.
 * Opening moves focus into the composer, Escape minimises, closing returns focus to the launcher.
 * On a phone (a narrow window or a touch screen) the open panel is a full-screen sheet that stays
 * above the on-screen keyboard, with the page behind locked (see `layout`); while the tab is
 * hidden the page title shows the unread count (see `unreadInTitle`).
 * Works inside a shadow root (pass `styleTarget`). Only the launcher and the panel's frame load
 * with the page; the panel's body and the chat session follow when the browser is idle, on
 * launcher hover or focus, or on open (see `preloadChatWidget`).
 *
 * @example
 * ```tsx
 * import { ChatWidget } from 'contact-kit';
 *
 * export function App() {
 *   return (
 *     <ChatWidget
 *       endpoint="http://127.0.0.1:4010"
 *       startChat={async (details) => {
 *         const response = await fetch('/api/start-chat', {
 *           method: 'POST',
 *           body: JSON.stringify({ name: details?.name }),
 *         });
 *         return response.json();
 *       }}
 *       preChatForm={{ fields: [{ name: 'email', label: 'Email', type: 'email' }] }}
 *     />
 *   );
 * }
 * ```
 */
export function ChatWidget(props: ChatWidgetProps): ReactNode {
  const {
    session,
    startChat,
    position = 'bottom-right',
    layout = 'auto',
    launcher = true,
    unreadInTitle = true,
    sound = false,
    notifications = false,
    defaultOpen = false,
    open,
    title,
    preChatForm,
    components,
    theme,
    messages,
    translator,
    timeZone,
    nonce,
    styleTarget,
    onOpenChange,
    authenticationRedirectUri,
    onMessage,
    onChatEnded,
    onUnreadChange,
    ...providerProps
  } = props;
  const authenticationOptions = useMemo(
    () =>
      authenticationRedirectUri === undefined ? {} : { redirectUri: authenticationRedirectUri },
    [authenticationRedirectUri],
  );
  const details = useRef<PreChatValues | undefined>(undefined);
  const latestStart = useRef(startChat);
  useEffect(() => {
    latestStart.current = startChat;
  });
  const startWithDetails = useCallback((request: StartChatRequest) => {
    const start = latestStart.current;
    if (!start) {
      return Promise.reject(new Error('ChatWidget: pass startChat to start a chat.'));
    }
    return start(details.current, request);
  }, []);

  const form: ChatWidgetPreChatForm | undefined =
    preChatForm === true ? {} : preChatForm ? preChatForm : undefined;

  const view = (
    <ContactKitThemeProvider
      {...(theme !== undefined ? { theme } : {})}
      {...(providerProps.locale !== undefined ? { locale: providerProps.locale } : {})}
      {...(messages !== undefined ? { messages } : {})}
      {...(translator !== undefined ? { translator } : {})}
      {...(timeZone !== undefined ? { timeZone } : {})}
      {...(nonce !== undefined ? { nonce } : {})}
      {...(styleTarget !== undefined ? { styleTarget } : {})}
    >
      <CustomerAuthenticationOptionsContext.Provider value={authenticationOptions}>
        <WithComponents overrides={components}>
          <ChatWidgetView
            position={position}
            layout={layout}
            showLauncher={launcher}
            unreadInTitle={unreadInTitle}
            sound={sound}
            notifications={notifications}
            defaultOpen={defaultOpen}
            open={open}
            title={title}
            form={form}
            timeZone={timeZone}
            onOpenChange={onOpenChange}
            callbacks={{ onMessage, onChatEnded, onUnreadChange }}
            onDetails={(values) => {
              details.current = values;
              form?.onSubmit?.(values);
            }}
          />
        </WithComponents>
      </CustomerAuthenticationOptionsContext.Provider>
    </ContactKitThemeProvider>
  );

  if (session) {
    return <ChatProvider session={session}>{view}</ChatProvider>;
  }
  if (startChat || providerProps.participantToken) {
    return (
      <ContactKitProvider
        {...providerProps}
        {...(theme !== undefined ? { theme } : {})}
        startChat={startWithDetails}
      >
        <ChatProvider>{view}</ChatProvider>
      </ContactKitProvider>
    );
  }
  return view;
}

interface ChatWidgetViewProps {
  position: WidgetPosition;
  layout: WidgetLayout;
  showLauncher: boolean;
  unreadInTitle: boolean;
  sound: boolean;
  notifications: boolean;
  defaultOpen: boolean;
  open: boolean | undefined;
  title: string | undefined;
  form: ChatWidgetPreChatForm | undefined;
  timeZone: string | undefined;
  onOpenChange: ((open: boolean) => void) | undefined;
  onDetails: (values: PreChatValues) => void;
  callbacks: ChatWidgetCallbacks;
}

function ChatWidgetView(props: ChatWidgetViewProps): ReactNode {
  const { position, form } = props;
  const t = useMessages();
  const {
    Launcher = ChatLauncher,
    Header = ChatHeader,
    EndChatConfirm: Confirm = EndChatConfirm,
  } = useComponentOverrides();
  const format = useFormatter();
  const chat = useChat();
  const kit = useMaybeContactKit();
  const session = useMaybeChatSession();
  const { agent } = useParticipants();
  // The unread count is read by UnreadSignals and the launcher, not here: it changes on every
  // message (0 → 1 → 0 while the list is open), and this component's render is the whole panel.
  const id = useId();
  const visible = usePageVisible();
  const alerts = useHiddenTabAlerts({
    sound: props.sound,
    notifications: props.notifications,
    title: props.title ?? t('chatTitle'),
    describe: (item) =>
      t('announceMessage', {
        name: item.displayName ?? t('agent'),
        text: item.content ?? item.attachments?.[0]?.name ?? '',
      }),
  });

  // Back from a same-tab sign-in: the customer was in the chat, so the panel opens again.
  const { open, controlled, setOpen } = useControllableOpen({
    open: props.open,
    defaultOpen: () => props.defaultOpen || takeReopenAfterSignIn(),
    onOpenChange: props.onOpenChange,
  });
  const [lastDetails, setLastDetails] = useState<PreChatValues | undefined>(undefined);

  const sheetMedia = useMediaQuery(SHEET_MEDIA_QUERY);
  const sheet = chooseLayout(props.layout, position, sheetMedia) === 'sheet';
  useScrollLock(open && sheet);
  const keyboardBox = useVisualViewport(open && sheet);

  const { status, start } = chat;
  const { Body, failed: bodyFailed, retry: retryBody } = useChatWidgetBody(open);

  // The body loads on first open; fetch it ahead once the page has settled, so that open is
  // instant. The launcher's hover and focus fetch it sooner.
  useEffect(() => whenIdle(preloadBody), []);
  const showForm = form !== undefined && (status === 'idle' || status === 'starting');
  const isActive = isChatActive(status);

  // Without a form, opening the panel starts the chat (once; a failure shows "Try again").
  useEffect(() => {
    if (open && status === 'idle' && !form && kit) {
      start().catch(() => undefined);
    }
  }, [open, status, form, kit, start]);

  const focus = usePanelFocus({
    open,
    controlled,
    showLauncher: props.showLauncher,
    sheet,
    bodyLoaded: Body !== undefined,
    showForm,
    ended: status === 'ended',
  });

  const confirmation = useEndChatConfirmation({
    onAsk: () => focus.request('confirm'),
    onCancel: () => focus.request('end-button'),
    onConfirm: (question) => {
      chat.end().catch(() => undefined);
      if (question === 'end-and-close') {
        kit?.forget();
        minimise();
      } else {
        focus.request('ended');
      }
    },
  });
  const { confirming } = confirmation;

  const openPanel = () => {
    focus.request('inside');
    setOpen(true);
  };
  const minimise = () => {
    focus.request('launcher');
    confirmation.dismiss();
    setOpen(false);
  };
  const close = () => {
    const action = closeAction(status);
    if (action === 'confirm') {
      confirmation.ask('end-and-close');
      return;
    }
    if (action === 'forget') {
      // The ended chat is done with: the next open starts afresh.
      kit?.forget();
    }
    minimise();
  };
  const download = () => {
    // The panel's code (and with it the transcript writer) is loaded once the panel shows.
    void import('./downloadTranscript').then(({ downloadTranscript }) =>
      downloadTranscript(
        session?.getSnapshot().items ?? [],
        { t, format, ...(props.title !== undefined ? { title: props.title } : {}) },
        focus.panelRef.current ?? document.body,
      ),
    );
  };
  const startNew = () => {
    focus.request('composer');
    start().catch(() => undefined);
  };
  const continueEnded = () => {
    focus.request('composer');
    chat.continueChat().catch(() => undefined);
  };
  const submitForm = (values: PreChatValues) => {
    setLastDetails(values);
    props.onDetails(values);
    focus.request('composer');
    start().catch(() => undefined);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (focus.keepTabInSheet(event)) {
      return;
    }
    if (event.key !== 'Escape' || event.defaultPrevented) {
      return;
    }
    event.preventDefault();
    if (confirming) {
      confirmation.cancel();
    } else {
      minimise();
    }
  };

  const subtitle = panelSubtitle(status, agent, t);

  let body: ReactNode;
  if (Body) {
    body = (
      <Body
        status={status}
        showForm={showForm}
        form={form}
        formRef={focus.formRef}
        lastDetails={lastDetails}
        onSubmitForm={submitForm}
        canRetry={!session}
        onRetry={startNew}
        onNewChat={kit ? startNew : undefined}
        onContinue={kit && chat.previousContactId !== undefined ? continueEnded : undefined}
        newChatRef={focus.newChatRef}
        open={open && visible}
        timeZone={props.timeZone}
      />
    );
  } else if (bodyFailed) {
    body = (
      <S.Centered role="alert">
        <p>{t('loadFailed')}</p>
        <S.PrimaryButton type="button" onClick={retryBody}>
          {t('tryAgain')}
        </S.PrimaryButton>
      </S.Centered>
    );
  } else {
    body = <S.Loading aria-busy="true" />;
  }

  return (
    <S.Root
      ref={focus.rootRef}
      $position={position}
      data-ck-widget=""
      data-state={open ? 'open' : 'closed'}
    >
      <UnreadSignals unreadInTitle={props.unreadInTitle} callbacks={props.callbacks} />
      {open ? (
        <S.Panel
          ref={focus.panelRef}
          id={`${id}-panel`}
          role="dialog"
          aria-labelledby={`${id}-title`}
          {...(sheet ? { 'aria-modal': true } : {})}
          tabIndex={-1}
          data-chat-status={status}
          data-layout={sheet ? 'sheet' : 'floating'}
          {...(keyboardBox
            ? {
                'data-keyboard': '',
                style: {
                  '--ck-sheet-top': `${keyboardBox.top}px`,
                  '--ck-sheet-height': `${keyboardBox.height}px`,
                } as CSSProperties,
              }
            : {})}
          onKeyDown={onKeyDown}
        >
          <Header
            titleId={`${id}-title`}
            title={props.title ?? t('chatTitle')}
            subtitle={subtitle}
            onEndChat={isActive && !confirming ? () => confirmation.ask('end') : undefined}
            endChatRef={focus.endButtonRef}
            onDownload={isActive && !confirming ? download : undefined}
            onMinimize={minimise}
            onClose={close}
          />
          {alerts.canAsk && isActive && !confirming ? (
            <S.NotifyOffer>
              <p>{t('notifyOffer')}</p>
              <S.TextButton type="button" onClick={alerts.ask}>
                {t('notifyTurnOn')}
              </S.TextButton>
            </S.NotifyOffer>
          ) : null}
          {confirming ? (
            <Confirm
              onConfirm={confirmation.confirm}
              onCancel={confirmation.cancel}
              cancelRef={focus.confirmCancelRef}
            />
          ) : null}
          <S.Body>{body}</S.Body>
        </S.Panel>
      ) : props.showLauncher ? (
        <CountedLauncher
          Launcher={Launcher}
          buttonRef={focus.launcherRef}
          onOpen={openPanel}
          onPrefetch={preloadBody}
        />
      ) : null}
    </S.Root>
  );
}

/** The `Launcher` slot with the unread count: subscribed here, so a count change re-renders it alone. */
function CountedLauncher(
  props: Omit<ChatLauncherProps, 'unreadCount'> & { Launcher: ComponentType<ChatLauncherProps> },
): ReactNode {
  const { Launcher, ...rest } = props;
  const { count } = useUnreadCount();
  return <Launcher {...rest} unreadCount={count} />;
}
