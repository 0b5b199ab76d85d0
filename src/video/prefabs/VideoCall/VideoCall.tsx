import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useI18n, useMessages } from '../../../i18n/I18nProvider';
import type { MessageOverrides } from '../../../i18n/messages';
import { enVideoMessages } from '../../../i18n/videoMessages';
import {
  ContactKitThemeProvider,
  useContactKitTheme,
} from '../../../theme/ContactKitThemeProvider';
import type { ThemeInput } from '../../../theme/ContactKitThemeProvider';
import { useVideoCall } from '../../hooks/useVideoCall';
import { CallEndScreen } from './CallEndScreen';
import { InCallView } from './InCallView';
import { PreJoinScreen } from './PreJoinScreen';
import * as S from './VideoCall.styles';

/**
 * Props of {@link VideoCall}; other props go to its root `<section>`.
 *
 * @example
 * ```tsx
 * <VideoProvider participantToken={token}>
 *   <VideoCall title="Video support" agentName="Sam" theme="dark" />
 * </VideoProvider>
 * ```
 */
export interface VideoCallProps extends ComponentPropsWithoutRef<'section'> {
  /** Heading of the call. Defaults to "Video call" in the UI language. */
  title?: string;
  /** Name shown on the agent's tile when the meeting gives none. Defaults to "Agent". */
  agentName?: string;
  /** `light`, `dark`, `auto`, or token overrides (like the chat components). */
  theme?: ThemeInput;
  /** UI language (BCP 47). */
  locale?: string;
  /** Strings that replace the catalog's. */
  messages?: MessageOverrides;
  /** CSP nonce for the injected `<style>` tags. */
  nonce?: string;
}

const VideoCallView = forwardRef<
  HTMLElement,
  Omit<VideoCallProps, 'theme' | 'locale' | 'messages' | 'nonce'>
>(function VideoCallView({ title, agentName, ...rest }, ref) {
  const t = useMessages();
  const { status } = useVideoCall();
  const statusText =
    status === 'reconnecting'
      ? t('reconnectingCall')
      : status === 'joining'
        ? t('joiningCall')
        : '';
  return (
    <S.Root ref={ref} aria-label={title ?? t('videoCallTitle')} data-status={status} {...rest}>
      <S.Title>{title ?? t('videoCallTitle')}</S.Title>
      <S.Status role="status" data-state={status}>
        {statusText}
      </S.Status>
      {(status === 'idle' || status === 'joining') && <PreJoinScreen />}
      {(status === 'joined' || status === 'reconnecting') && <InCallView agentName={agentName} />}
      {(status === 'left' || status === 'ended' || status === 'failed') && <CallEndScreen />}
    </S.Root>
  );
});

/**
 * The customer's web-call UI, inside a `<VideoProvider>`: a pre-join screen (camera preview,
 * microphone level, device pickers, permission doctor, "Join with camera off", "Join call"), the
 * call (agent large, self view small, a tile with `data-attendee-id` per participant, controls
 * to mute, switch the camera, pick devices and leave), a `role="status"` banner while joining
 * or reconnecting, and an end screen. Themed and translated like the chat components; without
 * `theme`/`locale` it follows the enclosing theme root and language.
 *
 * @example
 * ```tsx
 * <VideoProvider participantToken={token} endpoint="http://127.0.0.1:4010">
 *   <VideoCall agentName="Support" />
 * </VideoProvider>
 * ```
 */
export const VideoCall = /* @__PURE__ */ forwardRef<HTMLElement, VideoCallProps>(function VideoCall(
  { theme, locale, messages, nonce, ...rest },
  ref,
) {
  // Without props of its own it follows the theme root and language it is rendered in.
  const outer = useContactKitTheme();
  const { requestedLocale } = useI18n();
  const inherited: ThemeInput =
    outer.mode === 'auto' ? 'auto' : { ...outer.tokens, base: outer.mode };
  return (
    <ContactKitThemeProvider
      theme={theme ?? inherited}
      fallbackMessages={enVideoMessages}
      locale={locale ?? requestedLocale}
      {...(messages !== undefined ? { messages } : {})}
      {...(nonce !== undefined ? { nonce } : {})}
    >
      <VideoCallView ref={ref} {...rest} />
    </ContactKitThemeProvider>
  );
});
