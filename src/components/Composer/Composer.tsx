import { forwardRef, useCallback, useId, useImperativeHandle, useRef, useState } from 'react';
import type { ClipboardEvent, ComponentPropsWithoutRef, DragEvent, ReactNode } from 'react';
import type { ChatErrorCode } from '../../core/protocol/errors';
import { useFormatter, useMessages } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { useAttachmentUpload } from '../../react/hooks/useAttachmentUpload';
import { useChat } from '../../react/hooks/useChat';
import { useComposer } from '../../react/hooks/useComposer';
import type { ComposerState, UseComposerOptions } from '../../react/hooks/useComposer';
import { useIsomorphicLayoutEffect } from '../MessageList/useIsomorphicLayoutEffect';
import * as S from './Composer.styles';

const UPLOAD_ERRORS: Partial<Record<ChatErrorCode, MessageKey>> = {
  ATTACHMENT_TYPE_NOT_ALLOWED: 'errorAttachmentType',
  ATTACHMENT_TOO_LARGE: 'errorAttachmentSize',
  ATTACHMENT_EMPTY: 'errorAttachmentEmpty',
  ATTACHMENT_QUOTA_EXCEEDED: 'errorAttachmentQuota',
};

/**
 * Props of {@link Composer}. Other props go to its `<form>`; the `ref` is the textarea (to focus
 * it).
 *
 * @example
 * ```tsx
 * <Composer maxLength={500} allowAttachments={false} />
 * ```
 */
export interface ComposerProps
  extends
    Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit' | 'defaultValue'>,
    Pick<
      UseComposerOptions,
      | 'contentType'
      | 'maxLength'
      | 'sendOnEnter'
      | 'defaultValue'
      | 'onSent'
      | 'value'
      | 'onValueChange'
    > {
  /** Show the attachment picker and accept dropped and pasted files. Defaults to `true`. */
  allowAttachments?: boolean;
  /** The file picker's `accept`. Defaults to any file (the session checks types). */
  accept?: string;
  /** The counter shows once fewer than this many characters are left. Defaults to `100`. */
  counterThreshold?: number;
}

function SendIcon(): ReactNode {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6l-.01 6.53L15 12 3.39 13.87z" />
    </svg>
  );
}

function AttachIcon(): ReactNode {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z"
      />
    </svg>
  );
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * The message composer: an autosizing textarea named "Message" (Enter sends, Shift+Enter starts a
 * new line), a "Send" button, a character counter near the limit (1,024 for text), and an
 * attachment picker that also takes dropped and pasted files. When the chat has ended it is
 * disabled and says why. `data-state` is the composer's state (`empty`, `ready`, `too-long`,
 * `disabled`).
 *
 * @example
 * ```tsx
 * const textarea = useRef<HTMLTextAreaElement>(null);
 * <Composer ref={textarea} onSent={() => analytics.track('chat_message')} />;
 * ```
 */
export const Composer = /* @__PURE__ */ forwardRef<HTMLTextAreaElement, ComposerProps>(
  function Composer(props, ref) {
    const {
      contentType,
      maxLength,
      sendOnEnter,
      defaultValue,
      onSent,
      value,
      onValueChange,
      allowAttachments = true,
      accept,
      counterThreshold = 100,
      ...rest
    } = props;
    const t = useMessages();
    const format = useFormatter();
    const composer = useComposer({
      ...(contentType !== undefined ? { contentType } : {}),
      ...(maxLength !== undefined ? { maxLength } : {}),
      ...(sendOnEnter !== undefined ? { sendOnEnter } : {}),
      ...(defaultValue !== undefined ? { defaultValue } : {}),
      ...(onSent !== undefined ? { onSent } : {}),
      ...(value !== undefined ? { value } : {}),
      ...(onValueChange !== undefined ? { onValueChange } : {}),
    });
    const { upload, error: uploadError, clearError } = useAttachmentUpload();
    const { status } = useChat();
    const textareaRef = useRef<HTMLTextAreaElement>(null);
    const fileRef = useRef<HTMLInputElement>(null);
    const [dragging, setDragging] = useState(false);
    const id = useId();
    useImperativeHandle(ref, () => textareaRef.current as HTMLTextAreaElement, []);

    const state: ComposerState = composer.state;
    const disabled = state === 'disabled';
    const reason = disabled
      ? status === 'ended'
        ? t('composerEnded')
        : t('composerNotConnected')
      : undefined;

    // Grow with the text up to the CSS max-height, then scroll.
    useIsomorphicLayoutEffect(() => {
      const element = textareaRef.current;
      if (!element) {
        return;
      }
      element.style.height = 'auto';
      if (element.scrollHeight > 0) {
        element.style.height = `${element.scrollHeight + 2}px`;
      }
    }, [composer.value]);

    const sendFiles = useCallback(
      (files: readonly File[]) => {
        for (const file of files) {
          try {
            upload(file);
          } catch {
            // A refused call lands in `uploadError`, shown above the textarea; a refused file
            // shows as a failed attachment in the transcript.
          }
        }
      },
      [upload],
    );

    const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
      const files = Array.from(event.clipboardData?.files ?? []);
      if (!allowAttachments || disabled || files.length === 0) {
        return;
      }
      if (!event.clipboardData.getData('text/plain')) {
        event.preventDefault();
      }
      sendFiles(files);
    };

    const dropHandlers =
      allowAttachments && !disabled
        ? {
            onDragOver: (event: DragEvent<HTMLFormElement>) => {
              if (hasFiles(event)) {
                event.preventDefault();
                setDragging(true);
              }
            },
            onDragLeave: (event: DragEvent<HTMLFormElement>) => {
              if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
                setDragging(false);
              }
            },
            onDrop: (event: DragEvent<HTMLFormElement>) => {
              const files = Array.from(event.dataTransfer?.files ?? []);
              setDragging(false);
              if (files.length > 0) {
                event.preventDefault();
                sendFiles(files);
              }
            },
          }
        : {};

    const remaining = composer.remaining;
    const showCounter = !disabled && remaining < counterThreshold;
    const counterText =
      remaining >= 0
        ? t('charactersLeft', { count: remaining })
        : t('charactersOver', { count: -remaining });
    const uploadErrorKey = uploadError
      ? (UPLOAD_ERRORS[uploadError.code as ChatErrorCode] ?? 'errorAttachmentUpload')
      : undefined;
    const describedBy =
      [reason ? `${id}-reason` : '', showCounter ? `${id}-counter` : '']
        .filter(Boolean)
        .join(' ') || undefined;

    const formProps = composer.getFormProps();
    const textareaProps = composer.getTextareaProps();

    return (
      <S.Form
        {...rest}
        {...formProps}
        data-state={state}
        data-dragging={dragging || undefined}
        {...dropHandlers}
      >
        {uploadErrorKey && (
          <S.Error role="alert">
            <span>{t(uploadErrorKey)}</span>
            <S.Dismiss type="button" onClick={clearError}>
              {t('dismiss')}
            </S.Dismiss>
          </S.Error>
        )}
        <S.Row>
          {allowAttachments && (
            <>
              <S.IconButton
                type="button"
                aria-label={t('attachFile')}
                disabled={disabled}
                onClick={() => fileRef.current?.click()}
              >
                <AttachIcon />
              </S.IconButton>
              <input
                ref={fileRef}
                type="file"
                multiple
                hidden
                tabIndex={-1}
                aria-label={t('attachFile')}
                {...(accept !== undefined ? { accept } : {})}
                onChange={(event) => {
                  sendFiles(Array.from(event.target.files ?? []));
                  event.target.value = '';
                }}
              />
            </>
          )}
          <S.Textarea
            ref={textareaRef}
            rows={1}
            aria-label={t('messageLabel')}
            placeholder={disabled ? undefined : t('messagePlaceholder')}
            aria-describedby={describedBy}
            onPaste={onPaste}
            {...textareaProps}
          />
          <S.SendButton {...composer.getSendButtonProps()} aria-label={t('send')}>
            <SendIcon />
          </S.SendButton>
        </S.Row>
        {(reason || showCounter) && (
          <S.Footer>
            {reason && <S.Reason id={`${id}-reason`}>{reason}</S.Reason>}
            {showCounter && (
              <S.Counter id={`${id}-counter`} data-state={state} data-remaining={remaining}>
                {counterText}
                <S.Hidden>
                  {' '}
                  ({format.number(composer.value.length)} / {format.number(composer.maxLength)})
                </S.Hidden>
              </S.Counter>
            )}
          </S.Footer>
        )}
        {dragging && <S.DropHint aria-hidden="true">{t('dropFiles')}</S.DropHint>}
      </S.Form>
    );
  },
);
