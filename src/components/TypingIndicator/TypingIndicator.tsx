import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { useTyping } from '../../react/hooks/useTyping';
import { senderName } from '../MessageBubble/SystemNote';
import * as S from './TypingIndicator.styles';

/**
 * Props of {@link TypingIndicator}; they go to its root `<div>`.
 *
 * @example
 * ```tsx
 * <TypingIndicator className="typing" />
 * ```
 */
export type TypingIndicatorProps = ComponentPropsWithoutRef<'div'>;

/**
 * "Sam is typing…" with animated dots (still under reduced motion). The element is a polite live
 * region that stays mounted, so screen readers hear when someone starts typing. `data-state` is
 * `typing` or `idle`.
 *
 * @example
 * ```tsx
 * <MessageList />
 * <TypingIndicator />
 * <Composer />
 * ```
 */
export const TypingIndicator = /* @__PURE__ */ forwardRef<HTMLDivElement, TypingIndicatorProps>(
  function TypingIndicator(props, ref) {
    const { t, format } = useI18n();
    const { typing } = useTyping();
    const names = typing.map((participant) =>
      senderName({ isOwn: false, displayName: participant.displayName, role: participant.role }, t),
    );
    const text =
      names.length === 0
        ? ''
        : names.length === 1
          ? t('typingOne', { name: names[0]! })
          : t('typingMany', {
              names: new Intl.ListFormat(format.locale, { type: 'conjunction' }).format(names),
            });
    return (
      <S.Root
        ref={ref}
        aria-live="polite"
        aria-atomic="true"
        data-state={names.length > 0 ? 'typing' : 'idle'}
        {...props}
      >
        {names.length > 0 && (
          <>
            <S.Dots aria-hidden="true">
              <span />
              <span />
              <span />
            </S.Dots>
            <span>{text}</span>
          </>
        )}
      </S.Root>
    );
  },
);
