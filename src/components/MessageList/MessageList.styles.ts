import { styled } from '../../theme/styled';
import { focusRing, textButton, visuallyHidden } from '../../theme/mixins';
import { themeVars } from '../../theme/tokens';

export const Root = styled.div`
  position: relative;
  display: flex;
  flex-direction: column;
  min-height: 0;
  height: 100%;
  background: ${themeVars.color.background};
  color: ${themeVars.color.text};
`;

export const Scroller = styled.div`
  flex: 1 1 auto;
  min-height: 0;
  overflow-y: auto;
  overscroll-behavior: contain;
  outline: none;
  border-radius: ${themeVars.radius.sm};

  &:focus-visible {
    box-shadow: inset 0 0 0 ${themeVars.size.focusWidth} ${themeVars.color.focus};
  }
`;

export const Sizer = styled.div`
  position: relative;
  width: 100%;
`;

export const VirtualRow = styled.div`
  position: absolute;
  top: 0;
  inset-inline: 0;
  padding-bottom: 2px;
`;

export const DaySeparator = styled.div`
  display: flex;
  align-items: center;
  gap: ${themeVars.space.sm};
  padding: ${themeVars.space.md} ${themeVars.space.md} ${themeVars.space.xs};
  font-size: ${themeVars.font.sizeSm};
  font-weight: ${themeVars.font.weightBold};
  color: ${themeVars.color.textMuted};

  &::before,
  &::after {
    content: '';
    flex: 1;
    border-top: 1px solid ${themeVars.color.border};
  }
`;

export const Older = styled.div`
  display: flex;
  justify-content: center;
  padding: ${themeVars.space.sm};
  font-size: ${themeVars.font.sizeSm};
  color: ${themeVars.color.textMuted};
`;

export const OlderButton = styled.button`
  ${textButton}
  color: ${themeVars.color.link};
`;

export const Empty = styled.p`
  margin: auto;
  padding: ${themeVars.space.xl};
  text-align: center;
  color: ${themeVars.color.textMuted};
`;

export const Jump = styled.button`
  position: absolute;
  inset-inline-end: ${themeVars.space.md};
  bottom: ${themeVars.space.md};
  appearance: none;
  border: 1px solid ${themeVars.color.border};
  border-radius: ${themeVars.radius.pill};
  padding: ${themeVars.space.xs} ${themeVars.space.md};
  font: inherit;
  font-size: ${themeVars.font.sizeSm};
  font-weight: ${themeVars.font.weightBold};
  background: ${themeVars.color.accent};
  color: ${themeVars.color.onAccent};
  box-shadow: ${themeVars.shadow.raised};
  cursor: pointer;
  transition: transform ${themeVars.motion.duration} ${themeVars.motion.easing};

  &:hover {
    transform: translateY(-1px);
  }
  ${focusRing}
`;

export const RowError = styled.p`
  margin: 4px 12px;
  text-align: center;
  font-size: ${themeVars.font.sizeSm};
  color: ${themeVars.color.textMuted};
`;

/** The live region that reads arrivals (the log itself stays silent while rows mount). */
export const Announcer = styled.div`
  ${visuallyHidden}
`;
