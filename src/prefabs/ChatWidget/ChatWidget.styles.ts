import { css } from 'styled-components';
import { styled } from '../../theme/styled';
import { accentButton, focusRing } from '../../theme/mixins';
import { themeVars } from '../../theme/tokens';

/** Where the widget sits: fixed in a corner of the page, or in the normal flow (`inline`). */
export type WidgetPosition = 'bottom-right' | 'bottom-left' | 'inline';

// Clear of a phone's home indicator and rounded corners (needs viewport-fit=cover on the page).
const corner = css<{ $position: WidgetPosition }>`
  position: fixed;
  z-index: 2147483000;
  inset-block-end: calc(${themeVars.space.lg} + env(safe-area-inset-bottom, 0px));
  ${(p) =>
    p.$position === 'bottom-left'
      ? css`
          left: calc(${themeVars.space.lg} + env(safe-area-inset-left, 0px));
        `
      : css`
          right: calc(${themeVars.space.lg} + env(safe-area-inset-right, 0px));
        `}
`;

// Hover feedback only where there is hover: on touch screens it would stick after a tap.
const hoverBackground = css`
  @media (hover: hover) {
    &:hover {
      background: ${themeVars.color.surfaceMuted};
    }
  }
`;

export const Root = styled.div<{ $position: WidgetPosition }>`
  ${(p) => (p.$position === 'inline' ? 'position: relative;' : corner)}
  display: flex;
  flex-direction: column;
  align-items: ${(p) => (p.$position === 'bottom-left' ? 'flex-start' : 'flex-end')};
  gap: ${themeVars.space.md};
  font-family: ${themeVars.font.family};
  font-size: ${themeVars.font.sizeMd};
  line-height: ${themeVars.font.lineHeight};
  color: ${themeVars.color.text};
`;

export const Launcher = styled.button`
  position: relative;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  inline-size: ${themeVars.size.launcher};
  block-size: ${themeVars.size.launcher};
  padding: 0;
  border: 0;
  border-radius: ${themeVars.radius.pill};
  background: ${themeVars.color.accent};
  color: ${themeVars.color.onAccent};
  box-shadow: ${themeVars.shadow.panel};
  cursor: pointer;
  ${focusRing}

  & svg {
    inline-size: 26px;
    block-size: 26px;
  }
`;

export const Badge = styled.span`
  position: absolute;
  inset-block-start: -4px;
  inset-inline-end: -4px;
  min-inline-size: 22px;
  block-size: 22px;
  padding: 0 6px;
  border-radius: ${themeVars.radius.pill};
  border: 2px solid ${themeVars.color.background};
  background: ${themeVars.color.danger};
  color: ${themeVars.color.background};
  font-size: 12px;
  font-weight: ${themeVars.font.weightBold};
  line-height: 18px;
  text-align: center;
`;

export const Panel = styled.section`
  display: flex;
  flex-direction: column;
  inline-size: min(${themeVars.size.panelWidth}, calc(100vw - 32px));
  block-size: min(${themeVars.size.panelHeight}, calc(100vh - 120px));
  overflow: hidden;
  border: 1px solid ${themeVars.color.border};
  border-radius: ${themeVars.radius.lg};
  background: ${themeVars.color.background};
  box-shadow: ${themeVars.shadow.panel};

  @media (prefers-reduced-motion: no-preference) {
    animation: ck-panel-in ${themeVars.motion.duration} ${themeVars.motion.easing};
  }

  @keyframes ck-panel-in {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }

  /* The phone layout: the whole screen, clear of the notch and the home indicator. */
  &[data-layout='sheet'] {
    position: fixed;
    z-index: 2147483000;
    inset-block-start: 0;
    inset-inline: 0;
    box-sizing: border-box;
    inline-size: 100%;
    block-size: 100vh;
    padding: env(safe-area-inset-top, 0px) env(safe-area-inset-right, 0px)
      env(safe-area-inset-bottom, 0px) env(safe-area-inset-left, 0px);
    border: 0;
    border-radius: 0;
    box-shadow: none;
    overscroll-behavior: contain;
  }

  @supports (block-size: 100dvh) {
    &[data-layout='sheet'] {
      block-size: 100dvh;
    }
  }

  /* An on-screen keyboard covers the bottom: the sheet fits the visible part above it, where the
     home indicator no longer needs room. */
  &[data-layout='sheet'][data-keyboard] {
    inset-block-start: var(--ck-sheet-top, 0px);
    block-size: var(--ck-sheet-height, 100dvh);
    padding-block-end: 0;
  }

  /* Touch screens: every control at least 44x44 CSS px, and form text at 16px so that focusing
     it does not make iOS zoom the page. */
  @media (pointer: coarse) {
    & button,
    & [role='button'],
    & select,
    & input:not([type='checkbox'], [type='radio'], [type='file']) {
      min-block-size: 44px;
      min-inline-size: 44px;
    }

    & textarea,
    & input,
    & select {
      font-size: max(16px, 1em);
    }
  }
`;

export const Header = styled.div`
  display: flex;
  align-items: center;
  gap: ${themeVars.space.sm};
  padding: ${themeVars.space.md} ${themeVars.space.md} ${themeVars.space.md} ${themeVars.space.lg};
  border-block-end: 1px solid ${themeVars.color.border};
  background: ${themeVars.color.surface};
`;

export const HeaderText = styled.div`
  flex: 1;
  min-inline-size: 0;
  display: grid;
`;

export const Title = styled.h2`
  margin: 0;
  font-size: ${themeVars.font.sizeLg};
  font-weight: ${themeVars.font.weightBold};
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
`;

export const Subtitle = styled.p`
  margin: 0;
  font-size: ${themeVars.font.sizeSm};
  color: ${themeVars.color.textMuted};
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
`;

export const IconButton = styled.button`
  display: inline-flex;
  align-items: center;
  justify-content: center;
  flex: none;
  inline-size: 36px;
  block-size: 36px;
  padding: 0;
  border: 0;
  border-radius: ${themeVars.radius.pill};
  background: transparent;
  color: ${themeVars.color.text};
  cursor: pointer;
  ${focusRing}
  ${hoverBackground}

  & svg {
    inline-size: 20px;
    block-size: 20px;
  }
`;

export const TextButton = styled.button`
  flex: none;
  min-block-size: 36px;
  padding: 0 ${themeVars.space.md};
  border: 1px solid ${themeVars.color.border};
  border-radius: ${themeVars.radius.pill};
  background: ${themeVars.color.background};
  color: ${themeVars.color.text};
  font: inherit;
  font-size: ${themeVars.font.sizeSm};
  font-weight: ${themeVars.font.weightBold};
  cursor: pointer;
  ${focusRing}
  ${hoverBackground}
`;

export const PrimaryButton = styled.button`
  ${accentButton}
  min-block-size: 40px;
  padding: 0 ${themeVars.space.lg};
  border-radius: ${themeVars.radius.pill};

  &[aria-disabled='true'] {
    cursor: progress;
  }

  &[data-tone='danger'] {
    background: ${themeVars.color.danger};
    color: ${themeVars.color.background};
  }
`;

export const Body = styled.div`
  position: relative;
  display: flex;
  flex-direction: column;
  flex: 1;
  min-block-size: 0;
`;

export const Confirm = styled.div`
  display: grid;
  gap: ${themeVars.space.sm};
  padding: ${themeVars.space.lg};
  border-block-end: 1px solid ${themeVars.color.border};
  background: ${themeVars.color.surfaceMuted};
`;

export const ConfirmTitle = styled.h3`
  margin: 0;
  font-size: ${themeVars.font.sizeMd};
  font-weight: ${themeVars.font.weightBold};
`;

export const ConfirmBody = styled.p`
  margin: 0;
  color: ${themeVars.color.textMuted};
  font-size: ${themeVars.font.sizeSm};
`;

export const Actions = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${themeVars.space.sm};
`;

export const Centered = styled.div`
  display: grid;
  place-content: center;
  gap: ${themeVars.space.md};
  flex: 1;
  padding: ${themeVars.space.xl};
  text-align: center;
  color: ${themeVars.color.textMuted};
`;

/**
 * Stands in for the panel's body while it loads: a spinner that shows only when the load takes
 * long enough to notice (a quick load does not flash it), and stays still under reduced motion.
 */
export const Loading = styled.div`
  display: grid;
  place-items: center;
  flex: 1;

  &::after {
    content: '';
    inline-size: 24px;
    block-size: 24px;
    border: 3px solid ${themeVars.color.border};
    border-block-start-color: ${themeVars.color.accent};
    border-radius: 50%;
    opacity: 0;
    animation:
      ck-loading-in 0s linear 400ms forwards,
      ck-loading-spin 800ms linear infinite;
  }

  @media (prefers-reduced-motion: reduce) {
    &::after {
      animation: ck-loading-in 0s linear 400ms forwards;
    }
  }

  @keyframes ck-loading-in {
    to {
      opacity: 1;
    }
  }

  @keyframes ck-loading-spin {
    to {
      transform: rotate(1turn);
    }
  }
`;

export { VisuallyHidden } from '../../theme/VisuallyHidden';

/** The offer to turn on notifications, a slim row under the header. */
export const NotifyOffer = styled.div`
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: ${themeVars.space.sm};
  padding: ${themeVars.space.xs} ${themeVars.space.md} ${themeVars.space.xs} ${themeVars.space.lg};
  border-block-end: 1px solid ${themeVars.color.border};
  background: ${themeVars.color.surfaceMuted};
  font-size: ${themeVars.font.sizeSm};

  & > p {
    margin: 0;
  }
`;
