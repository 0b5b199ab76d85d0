import type { ChatSnapshot } from '../../core/chat/session/chatSession';
import { useCallback, useEffect, useRef } from 'react';
import type { ChangeEvent, FormEvent, KeyboardEvent, MouseEvent } from 'react';
import { ContentType, MESSAGE_CONTENT_LIMITS } from '../../core/protocol/contentTypes';

import type { ContactController } from '../../core/chat/contact/contactController';
import { useChatContext } from '../context/ChatSessionContext';
import { useMaybeContactKit } from '../context/ContactKitContext';
import { useControllableState } from './internal/useControllableState';
import { useStoreSelector } from './internal/useStoreSelector';
import { replyToViewResourceWithText } from '../../core/chat/interactive/interactiveReply';
import { openViewOf } from '../../core/chat/view/viewStatus';
import { recordViewAnswer, viewAnswerOf } from '../internal/viewAnswers';

/**
 * The composer's state, for `data-state`: no chat to send to (`disabled`), nothing to send
 * (`empty`), something to send (`ready`), or more than `maxLength` characters (`too-long`).
 *
 * @example
 * ```tsx
 * <form data-state={state} />
 * ```
 */
export type ComposerState = 'disabled' | 'empty' | 'ready' | 'too-long';

/**
 * Options of {@link useComposer}.
 *
 * @example
 * ```tsx
 * const { getTextareaProps } = useComposer({ maxLength: 500, sendOnEnter: true });
 * return <textarea aria-label="Message" {...getTextareaProps()} />;
 * ```
 */
export interface UseComposerOptions {
  /** Content type of the messages. Defaults to `text/plain`. */
  contentType?: typeof ContentType.plainText | typeof ContentType.markdown;
  /** Longest message, in characters. Defaults to the content type's limit (1024). */
  maxLength?: number;
  /** Enter sends, Shift+Enter makes a new line. Defaults to `true`. */
  sendOnEnter?: boolean;
  /**
   * Initial text. Without it, the composer starts with the customer's unsent draft of the running
   * contact (kept across minimise and reload).
   */
  defaultValue?: string;
  /** Called after a message was handed to the session. */
  onSent?: (content: string) => void;
  /**
   * The text, when the app holds it (controlled). The composer then neither restores nor keeps
   * the draft: the app does. Use with `onValueChange`.
   */
  value?: string;
  /** Called with every new text (typing, clearing after a send). */
  onValueChange?: (value: string) => void;
}

/**
 * Props a textarea (or input) needs; spread them, yours are merged in.
 *
 * @example
 * ```tsx
 * const { getTextareaProps } = useComposer();
 * <textarea aria-label="Message" rows={2} {...getTextareaProps()} />;
 * ```
 */
export interface ComposerTextareaProps {
  value: string;
  onChange: (event: ChangeEvent<HTMLTextAreaElement | HTMLInputElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>) => void;
  disabled: boolean;
  'aria-invalid': boolean;
}

/**
 * Props a form needs: submitting sends.
 *
 * @example
 * ```tsx
 * <form {...getFormProps()} />
 * ```
 */
export interface ComposerFormProps {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  'data-state': ComposerState;
}

/**
 * Props a send button needs.
 *
 * @example
 * ```tsx
 * <button {...getSendButtonProps()}>Send</button>
 * ```
 */
export interface ComposerSendButtonProps {
  type: 'submit';
  disabled: boolean;
  onClick?: (event: MouseEvent<HTMLButtonElement>) => void;
}

/**
 * What {@link useComposer} returns.
 *
 * @example
 * ```tsx
 * const { getTextareaProps, getFormProps, getSendButtonProps, state, remaining } = useComposer();
 * return (
 *   <form {...getFormProps()} data-state={state}>
 *     <textarea aria-label="Message" {...getTextareaProps()} />
 *     <small>{remaining} left</small>
 *     <button {...getSendButtonProps()}>Send</button>
 *   </form>
 * );
 * ```
 */
export interface UseComposerResult {
  value: string;
  setValue: (value: string) => void;
  state: ComposerState;
  /** Characters left before `maxLength` (negative when over). */
  remaining: number;
  maxLength: number;
  /**
   * Sends the text and clears the composer; `false` when there was nothing to send. Throws (and
   * keeps the draft) when the session refuses the message.
   */
  submit: () => boolean;
  getTextareaProps: (props?: {
    onChange?: ((event: ChangeEvent<HTMLTextAreaElement | HTMLInputElement>) => void) | undefined;
    onKeyDown?:
      ((event: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>) => void) | undefined;
  }) => ComposerTextareaProps;
  getFormProps: (props?: {
    onSubmit?: ((event: FormEvent<HTMLFormElement>) => void) | undefined;
  }) => ComposerFormProps;
  getSendButtonProps: (props?: {
    onClick?: ((event: MouseEvent<HTMLButtonElement>) => void) | undefined;
  }) => ComposerSendButtonProps;
}

const selectWritable = (snapshot: ChatSnapshot) => snapshot.chat.status === 'active';

/** The role of this session's participant, when the snapshot tells it. */
const ownRole = (snapshot: ChatSnapshot) =>
  snapshot.participants.find((participant) => participant.participantId === snapshot.participantId)
    ?.role ?? snapshot.items.find((item) => item.isOwn && item.role !== undefined)?.role;

/**
 * A headless message composer: the draft, its state, and prop getters for a textarea, a form and
 * a send button. Enter sends (Shift+Enter and IME composition do not), typing notifies the agent
 * (throttled by the session), and text over `maxLength` cannot be sent.
 *
 * @example
 * ```tsx
 * function Composer() {
 *   const { getFormProps, getTextareaProps, getSendButtonProps, remaining } = useComposer();
 *   return (
 *     <form {...getFormProps()}>
 *       <textarea aria-label="Message" {...getTextareaProps()} />
 *       {remaining < 50 && <span>{remaining}</span>}
 *       <button {...getSendButtonProps()}>Send</button>
 *     </form>
 *   );
 * }
 * ```
 */
export function useComposer(options: UseComposerOptions = {}): UseComposerResult {
  const { session, store, controller } = useChatContext();
  const logger = useMaybeContactKit()?.logger;
  const contentType = options.contentType ?? ContentType.plainText;
  const maxLength = options.maxLength ?? MESSAGE_CONTENT_LIMITS[contentType];
  const sendOnEnter = options.sendOnEnter ?? true;
  const [value, setValue, controlled] = useControllableState(
    options.value,
    () => options.defaultValue ?? controller?.draft() ?? '',
    options.onValueChange,
  );
  useDraftKeeping(
    controlled ? undefined : controller,
    session,
    value,
    setValue,
    options.defaultValue === undefined,
  );
  const writable = useStoreSelector(store, selectWritable) && session !== undefined;

  const state: ComposerState = !writable
    ? 'disabled'
    : value.trim() === ''
      ? 'empty'
      : value.length > maxLength
        ? 'too-long'
        : 'ready';

  const latest = useRef({ value, state, onSent: options.onSent, contentType });
  latest.current = { value, state, onSent: options.onSent, contentType };

  const submit = useCallback((): boolean => {
    const { value: draft, state: current, onSent, contentType: type } = latest.current;
    if (current !== 'ready' || !session) {
      return false;
    }
    // Misuse (an ended chat, invalid content) throws before anything is shown: the draft stays.
    // Text typed while a step-by-step guide view is shown answers that view (protocol §7.7).
    const snapshot = store.getSnapshot();
    const open =
      type === ContentType.plainText ? openViewOf(snapshot.items, ownRole(snapshot)) : undefined;
    if (open && viewAnswerOf(session, open.item.id) === undefined) {
      const reply = replyToViewResourceWithText(open.template, draft);
      session.sendMessage(reply.content, { contentType: reply.contentType });
      recordViewAnswer(session, open.item.id, { kind: 'text', text: draft });
    } else {
      session.sendMessage(draft, { contentType: type });
    }
    setValue('');
    controller?.saveDraft('');
    onSent?.(draft);
    return true;
  }, [session, store, controller, setValue]);

  // From a key or a submit event there is no caller to throw to: the refusal is logged and the
  // draft stays for the customer to fix.
  const submitQuietly = (): void => {
    try {
      submit();
    } catch (error) {
      logger?.warn('The message was not sent', error);
    }
  };

  const getTextareaProps: UseComposerResult['getTextareaProps'] = (props = {}) => ({
    value,
    disabled: !writable,
    'aria-invalid': state === 'too-long',
    onChange: (event) => {
      props.onChange?.(event);
      const next = event.target.value;
      setValue(next);
      if (next.length > latest.current.value.length && next.trim() !== '') {
        session?.sendTyping();
      }
    },
    onKeyDown: (event) => {
      props.onKeyDown?.(event);
      if (
        !sendOnEnter ||
        event.defaultPrevented ||
        event.key !== 'Enter' ||
        event.shiftKey ||
        event.nativeEvent.isComposing ||
        // Safari ends an IME composition with a keydown of keyCode 229 and isComposing false.
        event.keyCode === 229
      ) {
        return;
      }
      event.preventDefault();
      submitQuietly();
    },
  });

  const getFormProps: UseComposerResult['getFormProps'] = (props = {}) => ({
    'data-state': state,
    onSubmit: (event) => {
      props.onSubmit?.(event);
      event.preventDefault();
      submitQuietly();
    },
  });

  const getSendButtonProps: UseComposerResult['getSendButtonProps'] = (props = {}) => ({
    type: 'submit',
    disabled: state !== 'ready',
    ...(props.onClick ? { onClick: props.onClick } : {}),
  });

  return {
    value,
    setValue,
    state,
    remaining: maxLength - value.length,
    maxLength,
    submit,
    getTextareaProps,
    getFormProps,
    getSendButtonProps,
  };
}

/** How long typing pauses before the draft is written to storage. */
const DRAFT_SAVE_DELAY_MS = 300;

/**
 * Keeps the composer's text with the contact: restores it when the contact's session arrives after
 * the composer mounted, writes it once typing pauses, and at once when the composer goes away or
 * the page is hidden or left (minimise, close, reload).
 */
function useDraftKeeping(
  controller: ContactController | undefined,
  session: unknown,
  value: string,
  setValue: (value: string) => void,
  restore: boolean,
): void {
  const latest = useRef(value);
  latest.current = value;
  const restored = useRef(false);
  useEffect(() => {
    if (!controller || !session || !restore || restored.current) {
      return;
    }
    restored.current = true;
    const kept = controller.draft();
    if (kept !== '' && latest.current === '') {
      setValue(kept);
    }
  }, [controller, session, restore, setValue]);
  useEffect(() => {
    if (!controller || !session) {
      return undefined;
    }
    const timer = setTimeout(() => controller.saveDraft(value), DRAFT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [controller, session, value]);
  useEffect(() => {
    if (!controller || !session) {
      return undefined;
    }
    const save = () => controller.saveDraft(latest.current);
    const onHidden = () => {
      if (document.visibilityState === 'hidden') {
        save();
      }
    };
    window.addEventListener('pagehide', save);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', save);
      document.removeEventListener('visibilitychange', onHidden);
      save();
    };
  }, [controller, session]);
}
