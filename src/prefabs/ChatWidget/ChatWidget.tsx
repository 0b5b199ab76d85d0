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
import type { WidgetLayout } from './chooseLayout';
import { ChatHeader } from './ChatHeader';
import { ChatLauncher } from './ChatLauncher';
import type { ChatLauncherProps } from './ChatLauncher';
import { EndChatConfirm } from './EndChatConfirm';
import { loadChatWidgetBody, useChatWidgetBody } from './loadChatWidgetBody';
import type { PreChatFormHandle } from './PreChatForm';
import { takeReopenAfterSignIn } from './takeReopenAfterSignIn';
import { trapFocus } from './trapFocus';
import { useMediaQuery } from './useMediaQuery';
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
 * ```ts
 * const form: ChatWidgetPreChatForm = {
 *   fields: [{ name: 'email', label: 'Email', type: 'email', required: true }],
 * };
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
 * const components: ChatWidgetComponents = { TypingIndicator: () => null };
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
 * const props: ChatWidgetProps = {
 *   region: 'us-east-1',
 *   startChat: (details) => api.startChat({ name: details?.name }),
 *   title: 'Acme support',
 * };
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

/**
 * Where focus goes after an action: `inside` the panel on open (the form, else the composer),
 * the `composer` once a chat was started, the `launcher`, the confirmation, back to End chat, or
 * the `ended` view's new-chat button.
 */
type FocusRequest = 'inside' | 'composer' | 'launcher' | 'confirm' | 'end-button' | 'ended';

const ACTIVE: ReadonlySet<string> = new Set(['connecting', 'open', 'reconnecting', 'closed']);

const preloadBody = (): void => {
  loadChatWidgetBody().catch(() => undefined);
};

function activeElementOf(node: Element): Element | null {
  const root = node.getRootNode() as Document | ShadowRoot;
  return root.activeElement ?? null;
}

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
  const [openState, setOpenState] = useState(() => props.defaultOpen || takeReopenAfterSignIn());
  const controlled = props.open !== undefined;
  const open = props.open ?? openState;
  const [confirming, setConfirming] = useState<'end' | 'end-and-close' | undefined>(undefined);
  const [lastDetails, setLastDetails] = useState<PreChatValues | undefined>(undefined);
  const launcher = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  // Without a launcher, closing gives focus back to what had it when the panel opened.
  const returnFocus = useRef<Element | null>(null);
  const panel = useRef<HTMLElement>(null);
  const endButton = useRef<HTMLButtonElement>(null);
  const confirmCancel = useRef<HTMLButtonElement>(null);
  const newChat = useRef<HTMLButtonElement>(null);
  const formHandle = useRef<PreChatFormHandle>(null);
  // Opening by default (on page load) does not take focus from the page.
  const focusRequest = useRef<FocusRequest | undefined>(undefined);
  // True while the panel itself holds focus, waiting for the composer to become usable.
  const holdingFocus = useRef(false);

  const sheetMedia = useMediaQuery(SHEET_MEDIA_QUERY);
  const sheet = chooseLayout(props.layout, position, sheetMedia) === 'sheet';
  useScrollLock(open && sheet);
  const keyboardBox = useVisualViewport(open && sheet);

  const onOpenChange = props.onOpenChange;
  const setOpen = useCallback(
    (next: boolean) => {
      if (!controlled) {
        setOpenState(next);
      }
      onOpenChange?.(next);
    },
    [controlled, onOpenChange],
  );

  // Controlled from outside (a "Chat with us" link on the page): focus follows the panel as it
  // does for the launcher. A change the widget asked for already set its own focus request.
  const shownOpen = useRef(open);
  useEffect(() => {
    if (shownOpen.current === open) {
      return;
    }
    shownOpen.current = open;
    if (open && !props.showLauncher) {
      const active = root.current?.ownerDocument.activeElement;
      returnFocus.current = active && !root.current?.contains(active) ? active : null;
    }
    if (controlled && focusRequest.current === undefined) {
      const owner = root.current?.ownerDocument;
      const focusLeftWithPanel =
        !open && (owner?.activeElement === owner?.body || owner?.activeElement == null);
      if (open || focusLeftWithPanel) {
        focusRequest.current = open ? 'inside' : 'launcher';
      }
    }
  });

  const { status, start } = chat;
  const { Body, failed: bodyFailed, retry: retryBody } = useChatWidgetBody(open);

  // The body loads on first open; fetch it ahead once the page has settled, so that open is
  // instant. The launcher's hover and focus fetch it sooner.
  useEffect(() => whenIdle(preloadBody), []);
  const showForm = form !== undefined && (status === 'idle' || status === 'starting');
  const isActive = ACTIVE.has(status);

  // Without a form, opening the panel starts the chat (once; a failure shows "Try again").
  useEffect(() => {
    if (open && status === 'idle' && !form && kit) {
      start().catch(() => undefined);
    }
  }, [open, status, form, kit, start]);

  // Runs after every render: a focus move waits until its target exists (the composer appears
  // once the chat has a session; the launcher once the panel is gone).
  useEffect(() => {
    const request = focusRequest.current;
    if (!request) {
      return;
    }
    let target: HTMLElement | null | undefined;
    switch (request) {
      case 'launcher': {
        const before = returnFocus.current;
        target =
          launcher.current ??
          (before instanceof HTMLElement && before.isConnected ? before : undefined);
        if (!target) {
          focusRequest.current = undefined;
        }
        break;
      }
      case 'confirm':
        target = confirmCancel.current;
        break;
      case 'end-button':
        target = endButton.current ?? panel.current;
        break;
      case 'ended':
        target = newChat.current;
        break;
      default: {
        const box = panel.current;
        if (!box) {
          return;
        }
        // While focus waits on the panel (for the body to load, then for the composer), the
        // customer may move it elsewhere: then it stays where they put it.
        if (holdingFocus.current && activeElementOf(box) !== box) {
          holdingFocus.current = false;
          focusRequest.current = undefined;
          return;
        }
        if (!Body) {
          holdingFocus.current = true;
          box.focus();
          return;
        }
        if (showForm && request === 'inside') {
          formHandle.current?.focus();
          focusRequest.current = undefined;
          return;
        }
        const composer = box.querySelector<HTMLTextAreaElement>('textarea:not(:disabled)');
        if (composer) {
          composer.focus();
          focusRequest.current = undefined;
          return;
        }
        if (status === 'ended') {
          newChat.current?.focus();
          focusRequest.current = undefined;
          return;
        }
        // Nothing to type in yet: hold focus on the panel and move on once the composer is ready.
        holdingFocus.current = true;
        box.focus();
        return;
      }
    }
    if (target) {
      target.focus();
      focusRequest.current = undefined;
    }
  });
  useEffect(() => {
    if (focusRequest.current === undefined) {
      holdingFocus.current = false;
    }
  });

  const openPanel = () => {
    focusRequest.current = 'inside';
    setOpen(true);
  };
  const minimise = () => {
    focusRequest.current = 'launcher';
    setConfirming(undefined);
    setOpen(false);
  };
  const close = () => {
    if (isActive) {
      focusRequest.current = 'confirm';
      setConfirming('end-and-close');
      return;
    }
    if (status === 'ended' || status === 'failed') {
      // The ended chat is done with: the next open starts afresh.
      kit?.forget();
    }
    minimise();
  };
  const askToEnd = () => {
    focusRequest.current = 'confirm';
    setConfirming('end');
  };
  const cancelEnd = () => {
    focusRequest.current = 'end-button';
    setConfirming(undefined);
  };
  const confirmEnd = () => {
    const andClose = confirming === 'end-and-close';
    setConfirming(undefined);
    chat.end().catch(() => undefined);
    if (andClose) {
      kit?.forget();
      minimise();
    } else {
      focusRequest.current = 'ended';
    }
  };
  const download = () => {
    // The panel's code (and with it the transcript writer) is loaded once the panel shows.
    void import('./downloadTranscript').then(({ downloadTranscript }) =>
      downloadTranscript(
        session?.getSnapshot().items ?? [],
        { t, format, ...(props.title !== undefined ? { title: props.title } : {}) },
        panel.current ?? document.body,
      ),
    );
  };
  const startNew = () => {
    focusRequest.current = 'composer';
    start().catch(() => undefined);
  };
  const continueEnded = () => {
    focusRequest.current = 'composer';
    chat.continueChat().catch(() => undefined);
  };
  const submitForm = (values: PreChatValues) => {
    setLastDetails(values);
    props.onDetails(values);
    focusRequest.current = 'composer';
    start().catch(() => undefined);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (sheet && event.key === 'Tab') {
      trapFocus(event.nativeEvent, event.currentTarget);
      return;
    }
    if (event.key !== 'Escape' || event.defaultPrevented) {
      return;
    }
    event.preventDefault();
    if (confirming) {
      cancelEnd();
    } else {
      minimise();
    }
  };

  const subtitle = agent
    ? t('chattingWith', { name: agent.displayName ?? t('agent') })
    : status === 'ended'
      ? t('chatEndedTitle')
      : status === 'starting'
        ? t('startingChat')
        : isActive
          ? t('waitingForAgent')
          : undefined;

  let body: ReactNode;
  if (Body) {
    body = (
      <Body
        status={status}
        showForm={showForm}
        form={form}
        formRef={formHandle}
        lastDetails={lastDetails}
        onSubmitForm={submitForm}
        canRetry={!session}
        onRetry={startNew}
        onNewChat={kit ? startNew : undefined}
        onContinue={kit && chat.previousContactId !== undefined ? continueEnded : undefined}
        newChatRef={newChat}
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
    <S.Root ref={root} $position={position} data-ck-widget="" data-state={open ? 'open' : 'closed'}>
      <UnreadSignals unreadInTitle={props.unreadInTitle} callbacks={props.callbacks} />
      {open ? (
        <S.Panel
          ref={panel}
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
            onEndChat={isActive && !confirming ? askToEnd : undefined}
            endChatRef={endButton}
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
            <Confirm onConfirm={confirmEnd} onCancel={cancelEnd} cancelRef={confirmCancel} />
          ) : null}
          <S.Body>{body}</S.Body>
        </S.Panel>
      ) : props.showLauncher ? (
        <CountedLauncher
          Launcher={Launcher}
          buttonRef={launcher}
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
