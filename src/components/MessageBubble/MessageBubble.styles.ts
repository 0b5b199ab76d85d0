import { css } from 'styled-components';
import { styled } from '../../theme/styled';
import { focusRing, textButton, visuallyHidden } from '../../theme/mixins';
import { themeVars } from '../../theme/tokens';

export const Row = styled.div<{ $own: boolean; $groupStart: boolean }>`
  display: flex;
  flex-direction: column;
  align-items: ${(p) => (p.$own ? 'flex-end' : 'flex-start')};
  padding-inline: ${themeVars.space.md};
  padding-top: ${(p) => (p.$groupStart ? themeVars.space.md : '2px')};
`;

export const Sender = styled.span`
  display: flex;
  align-items: center;
  gap: ${themeVars.space.xs};
  font-size: ${themeVars.font.sizeSm};
  color: ${themeVars.color.textMuted};
  margin-bottom: 2px;
  padding-inline: ${themeVars.space.xs};
`;

export const Bubble = styled.div<{ $own: boolean }>`
  max-width: min(85%, 34rem);
  padding: ${themeVars.space.sm} ${themeVars.space.md};
  border-radius: ${themeVars.radius.lg};
  overflow-wrap: anywhere;
  ${(p) =>
    p.$own
      ? css`
          background: ${themeVars.color.ownBubble};
          color: ${themeVars.color.onOwnBubble};
          border-end-end-radius: ${themeVars.radius.sm};
        `
      : css`
          background: ${themeVars.color.otherBubble};
          color: ${themeVars.color.onOtherBubble};
          border-end-start-radius: ${themeVars.radius.sm};
        `}

  &[data-state='sending'] {
    opacity: 0.8;
  }
  &[data-state='failed'] {
    outline: 2px solid ${themeVars.color.danger};
    outline-offset: 1px;
  }
  &[data-streaming] {
    opacity: 0.9;
  }
`;

export const PlainText = styled.p`
  margin: 0;
  white-space: pre-wrap;

  a {
    color: inherit;
    text-decoration: underline;
    text-underline-offset: 2px;
    border-radius: 2px;
    ${focusRing}
  }
`;

export const Meta = styled.div<{ $failed?: boolean }>`
  display: flex;
  align-items: center;
  gap: ${themeVars.space.xs};
  margin-top: 2px;
  padding-inline: ${themeVars.space.xs};
  font-size: ${themeVars.font.sizeSm};
  color: ${(p) => (p.$failed ? themeVars.color.danger : themeVars.color.textMuted)};
`;

export const Receipt = styled.span`
  &[data-state='read'] {
    color: ${themeVars.color.success};
  }
`;

export const RetryButton = styled.button`
  ${textButton}
  color: ${themeVars.color.danger};
`;

export const Hidden = styled.span`
  ${visuallyHidden}
`;

export const Note = styled.p`
  margin: ${themeVars.space.sm} auto;
  padding: ${themeVars.space.xs} ${themeVars.space.md};
  max-width: 85%;
  text-align: center;
  font-size: ${themeVars.font.sizeSm};
  color: ${themeVars.color.textMuted};
  background: ${themeVars.color.surfaceMuted};
  border-radius: ${themeVars.radius.pill};
  width: fit-content;
`;

export const NoteRow = styled.div`
  display: flex;
  justify-content: center;
  padding-inline: ${themeVars.space.md};
`;
