import { styled } from '../../../theme/styled';
import { accentButton, focusRing } from '../../../theme/mixins';
import { themeVars } from '../../../theme/tokens';

export const Root = styled.section`
  display: flex;
  flex-direction: column;
  gap: ${themeVars.space.md};
  inline-size: 100%;
  max-inline-size: 960px;
  padding: ${themeVars.space.lg};
  box-sizing: border-box;
  border: 1px solid ${themeVars.color.border};
  border-radius: ${themeVars.radius.lg};
  background: ${themeVars.color.background};
  color: ${themeVars.color.text};
  font-family: ${themeVars.font.family};
  font-size: ${themeVars.font.sizeMd};
  line-height: ${themeVars.font.lineHeight};
`;

export const Title = styled.h2`
  margin: 0;
  font-size: ${themeVars.font.sizeLg};
  font-weight: ${themeVars.font.weightBold};
`;

export const Status = styled.div`
  padding: ${themeVars.space.sm} ${themeVars.space.md};
  border-radius: ${themeVars.radius.md};
  font-size: ${themeVars.font.sizeSm};
  background: ${themeVars.color.surfaceMuted};
  color: ${themeVars.color.text};

  &[data-state='reconnecting'] {
    background: ${themeVars.color.warningSurface};
    color: ${themeVars.color.onWarningSurface};
  }
  /* Stays in the accessibility tree while empty, so screen readers announce what appears. */
  &:empty {
    padding: 0;
    background: none;
  }
`;

export const PreJoinLayout = styled.div`
  display: grid;
  gap: ${themeVars.space.lg};
  grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);

  @media (max-width: 640px) {
    grid-template-columns: 1fr;
  }
`;

export const Column = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${themeVars.space.md};
  min-inline-size: 0;
`;

export const Stage = styled.div`
  position: relative;
  aspect-ratio: 16 / 9;
  overflow: hidden;
  border-radius: ${themeVars.radius.md};
  background: ${themeVars.color.surfaceMuted};
`;

export const Video = styled.video`
  display: block;
  inline-size: 100%;
  block-size: 100%;
  object-fit: cover;
  background: #000;

  &[hidden] {
    display: none;
  }
`;

export const Placeholder = styled.div`
  position: absolute;
  inset: 0;
  display: flex;
  flex-direction: column;
  align-items: center;
  justify-content: center;
  gap: ${themeVars.space.sm};
  padding: ${themeVars.space.md};
  text-align: center;
  color: ${themeVars.color.text};
`;

export const Avatar = styled.span`
  display: inline-flex;
  align-items: center;
  justify-content: center;
  inline-size: 64px;
  block-size: 64px;
  border-radius: ${themeVars.radius.pill};
  background: ${themeVars.color.accent};
  color: ${themeVars.color.onAccent};
  font-size: 1.75rem;
  font-weight: ${themeVars.font.weightBold};
`;

export const Field = styled.label`
  display: flex;
  flex-direction: column;
  gap: ${themeVars.space.xs};
  font-size: ${themeVars.font.sizeSm};
  font-weight: ${themeVars.font.weightBold};

  & select {
    font: inherit;
    font-weight: normal;
    padding: ${themeVars.space.sm};
    border: 1px solid ${themeVars.color.border};
    border-radius: ${themeVars.radius.sm};
    background: ${themeVars.color.surface};
    color: ${themeVars.color.text};
    ${focusRing}
  }
`;

export const Check = styled.label`
  display: flex;
  align-items: center;
  gap: ${themeVars.space.sm};

  & input {
    inline-size: 18px;
    block-size: 18px;
    margin: 0;
    accent-color: ${themeVars.color.accent};
    ${focusRing}
  }
`;

export const Meter = styled.meter`
  inline-size: 100%;
  block-size: 10px;
`;

export const PrimaryButton = styled.button`
  appearance: none;
  ${accentButton}
  padding: ${themeVars.space.sm} ${themeVars.space.lg};
  border-radius: ${themeVars.radius.pill};

  &[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`;

export const Problem = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${themeVars.space.xs};
  padding: ${themeVars.space.md};
  border-radius: ${themeVars.radius.md};
  background: ${themeVars.color.dangerSurface};
  color: ${themeVars.color.onDangerSurface};

  & strong {
    font-weight: ${themeVars.font.weightBold};
  }
  & p {
    margin: 0;
  }
  & button {
    align-self: flex-start;
    appearance: none;
    border: 1px solid currentColor;
    background: none;
    color: inherit;
    font: inherit;
    padding: ${themeVars.space.xs} ${themeVars.space.md};
    border-radius: ${themeVars.radius.pill};
    cursor: pointer;
    ${focusRing}
  }
`;

export const CallStage = styled.div`
  position: relative;
  display: grid;
  gap: ${themeVars.space.sm};
  grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
  /* A shared screen takes the stage; the cameras move to a strip beside it (below on phones). */
  &[data-layout='content'] {
    grid-template-columns: minmax(0, 1fr) clamp(120px, 24%, 220px);
    align-items: start;
    @media (max-width: 640px) {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;

export const Filmstrip = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${themeVars.space.sm};
  min-inline-size: 0;
  @media (max-width: 640px) {
    flex-direction: row;
    & > * {
      flex: 1 1 0;
      min-inline-size: 0;
      max-inline-size: 50%;
    }
  }
`;

export const ContentVideo = styled(Video)`
  object-fit: contain;
`;

export const ShareBanner = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: ${themeVars.space.sm};
  padding: ${themeVars.space.sm} ${themeVars.space.md};
  border-radius: ${themeVars.radius.md};
  background: ${themeVars.color.accent};
  color: ${themeVars.color.onAccent};
  font-weight: ${themeVars.font.weightBold};
  & p {
    margin: 0;
    display: inline-flex;
    align-items: center;
    gap: ${themeVars.space.sm};
  }
  & svg {
    inline-size: 18px;
    block-size: 18px;
  }
  & button {
    appearance: none;
    border: 1px solid currentColor;
    background: ${themeVars.color.background};
    color: ${themeVars.color.text};
    font: inherit;
    padding: ${themeVars.space.xs} ${themeVars.space.md};
    border-radius: ${themeVars.radius.pill};
    cursor: pointer;
    ${focusRing}
  }
`;

export const CallNote = styled.p`
  margin: 0;
  padding: ${themeVars.space.sm} ${themeVars.space.md};
  border-radius: ${themeVars.radius.md};
  font-size: ${themeVars.font.sizeSm};
  background: ${themeVars.color.warningSurface};
  color: ${themeVars.color.onWarningSurface};
`;

export const Tile = styled.div`
  position: relative;
  aspect-ratio: 16 / 9;
  overflow: hidden;
  border-radius: ${themeVars.radius.md};
  background: ${themeVars.color.surfaceMuted};

  /* The microphone activity ring: its strength follows --ck-mic-level (0 to 1). */
  &::after {
    content: '';
    position: absolute;
    inset: 0;
    z-index: 2;
    border-radius: inherit;
    pointer-events: none;
    box-shadow: inset 0 0 0 3px ${themeVars.color.accent};
    opacity: calc(var(--ck-mic-level, 0) * 0.8);
    transition: opacity 120ms linear;
  }
  /* The active speaker keeps a full ring. */
  &[data-speaking='true']::after {
    opacity: 1;
  }
  @media (prefers-reduced-motion: reduce) {
    &::after {
      transition: none;
    }
  }
  &[data-size='small'] {
    position: absolute;
    z-index: 1;
    inset-block-end: ${themeVars.space.md};
    inset-inline-end: ${themeVars.space.md};
    inline-size: clamp(120px, 25%, 220px);
    border: 2px solid ${themeVars.color.background};
    box-shadow: ${themeVars.shadow.raised};
  }
`;

export const Nameplate = styled.span`
  position: absolute;
  z-index: 1;
  inset-block-end: ${themeVars.space.sm};
  inset-inline-start: ${themeVars.space.sm};
  display: inline-flex;
  align-items: center;
  gap: ${themeVars.space.xs};
  padding: 2px ${themeVars.space.sm};
  border-radius: ${themeVars.radius.pill};
  background: ${themeVars.color.surface};
  color: ${themeVars.color.text};
  font-size: ${themeVars.font.sizeSm};
  /* One line: a long name in a small tile ends in an ellipsis instead of covering the video. */
  max-inline-size: calc(100% - 2 * ${themeVars.space.sm});
  box-sizing: border-box;
  white-space: nowrap;

  & svg {
    inline-size: 14px;
    block-size: 14px;
    flex: none;
  }
`;

export const Name = styled.span`
  min-inline-size: 0;
  overflow: hidden;
  text-overflow: ellipsis;
`;

export const ControlBar = styled.div`
  display: flex;
  flex-wrap: wrap;
  justify-content: center;
  gap: ${themeVars.space.sm};
`;

export const ControlButton = styled.button`
  appearance: none;
  display: inline-flex;
  align-items: center;
  gap: ${themeVars.space.xs};
  padding: ${themeVars.space.sm} ${themeVars.space.md};
  border: 1px solid ${themeVars.color.border};
  border-radius: ${themeVars.radius.pill};
  background: ${themeVars.color.surface};
  color: ${themeVars.color.text};
  font: inherit;
  cursor: pointer;
  ${focusRing}

  & svg {
    inline-size: 18px;
    block-size: 18px;
  }
  &[data-variant='danger'] {
    border-color: transparent;
    background: ${themeVars.color.dangerSurface};
    color: ${themeVars.color.onDangerSurface};
  }
  &[data-active='true'] {
    background: ${themeVars.color.surfaceMuted};
  }
`;

export const DevicePanel = styled.div`
  display: grid;
  gap: ${themeVars.space.md};
  grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
  padding: ${themeVars.space.md};
  border-radius: ${themeVars.radius.md};
  background: ${themeVars.color.surface};

  /* display: grid above would otherwise override the closed panel's hidden attribute. */
  &[hidden] {
    display: none;
  }
`;

export const Notice = styled.div`
  display: flex;
  flex-direction: column;
  align-items: flex-start;
  gap: ${themeVars.space.sm};

  & p {
    margin: 0;
  }
`;

export { VisuallyHidden as Hidden } from '../../../theme/VisuallyHidden';
