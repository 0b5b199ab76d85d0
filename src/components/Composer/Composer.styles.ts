import { styled } from '../../theme/styled';
import { focusRing, textButton, visuallyHidden } from '../../theme/mixins';
import { themeVars } from '../../theme/tokens';

export const Form = styled.form`
  position: relative;
  display: flex;
  flex-direction: column;
  gap: ${themeVars.space.xs};
  padding: ${themeVars.space.sm} ${themeVars.space.md};
  background: ${themeVars.color.surface};
  border-top: 1px solid ${themeVars.color.border};
  color: ${themeVars.color.text};

  &[data-dragging] {
    outline: 2px dashed ${themeVars.color.accent};
    outline-offset: -4px;
  }
`;

export const Row = styled.div`
  display: flex;
  align-items: flex-end;
  gap: ${themeVars.space.sm};
`;

export const Textarea = styled.textarea`
  flex: 1 1 auto;
  min-height: 2.5rem;
  max-height: 10rem;
  resize: none;
  padding: ${themeVars.space.sm} ${themeVars.space.md};
  border: 1px solid ${themeVars.color.border};
  border-radius: ${themeVars.radius.md};
  background: ${themeVars.color.background};
  color: ${themeVars.color.text};
  font: inherit;
  line-height: ${themeVars.font.lineHeight};

  &::placeholder {
    color: ${themeVars.color.textMuted};
    opacity: 1;
  }
  &:focus-visible {
    outline: ${themeVars.size.focusWidth} solid ${themeVars.color.focus};
    outline-offset: 1px;
  }
  &[aria-invalid='true'] {
    border-color: ${themeVars.color.danger};
  }
  &:disabled {
    cursor: not-allowed;
    background: ${themeVars.color.surfaceMuted};
  }
`;

export const IconButton = styled.button`
  flex: none;
  display: inline-grid;
  place-items: center;
  width: 2.5rem;
  height: 2.5rem;
  border-radius: ${themeVars.radius.pill};
  border: 1px solid transparent;
  background: transparent;
  color: ${themeVars.color.textMuted};
  cursor: pointer;
  transition: background-color ${themeVars.motion.duration} ${themeVars.motion.easing};

  &:hover:not(:disabled) {
    background: ${themeVars.color.surfaceMuted};
  }
  &:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  svg {
    width: 1.25rem;
    height: 1.25rem;
  }
  ${focusRing}
`;

export const SendButton = styled(IconButton)`
  background: ${themeVars.color.accent};
  color: ${themeVars.color.onAccent};

  &:hover:not(:disabled) {
    background: ${themeVars.color.accent};
    filter: brightness(1.08);
  }
  [dir='rtl'] & svg {
    transform: scaleX(-1);
  }
`;

export const Hidden = styled.span`
  ${visuallyHidden}
`;

export const Footer = styled.div`
  display: flex;
  justify-content: space-between;
  gap: ${themeVars.space.sm};
  font-size: ${themeVars.font.sizeSm};
  color: ${themeVars.color.textMuted};
  min-height: 0;
`;

export const Counter = styled.span`
  margin-inline-start: auto;

  &[data-state='too-long'] {
    color: ${themeVars.color.danger};
    font-weight: ${themeVars.font.weightBold};
  }
`;

export const Reason = styled.p`
  margin: 0;
  font-size: ${themeVars.font.sizeSm};
  color: ${themeVars.color.textMuted};
`;

export const Error = styled.div`
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: ${themeVars.space.sm};
  padding: ${themeVars.space.xs} ${themeVars.space.sm};
  border-radius: ${themeVars.radius.sm};
  font-size: ${themeVars.font.sizeSm};
  background: ${themeVars.color.dangerSurface};
  color: ${themeVars.color.onDangerSurface};
`;

export const Dismiss = styled.button`
  ${textButton}
`;

export const DropHint = styled.div`
  position: absolute;
  inset: 0;
  display: grid;
  place-items: center;
  background: ${themeVars.color.surface};
  color: ${themeVars.color.text};
  font-weight: ${themeVars.font.weightBold};
  pointer-events: none;
`;
