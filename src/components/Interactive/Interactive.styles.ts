import { css } from 'styled-components';
import { styled } from '../../theme/styled';
import { focusRing } from '../../theme/mixins';
import { themeVars } from '../../theme/tokens';

/**
 * Styles shared by the interactive message components. Colours, radii and spacing come from the
 * `--ck-*` custom properties the theme provider sets, so CSS-only overrides work too.
 */

export const Card = styled.div`
  box-sizing: border-box;
  max-inline-size: 100%;
  inline-size: 20rem;
  border: 1px solid ${themeVars.color.border};
  border-radius: ${themeVars.radius.lg};
  background: ${themeVars.color.background};
  color: ${themeVars.color.text};
  font: inherit;
  overflow: hidden;

  &[data-state='superseded'] {
    display: none;
  }
`;

export const Header = styled.div`
  display: grid;
  gap: 2px;
  padding: ${themeVars.space.md} ${themeVars.space.md} ${themeVars.space.sm};
`;

export const Title = styled.p`
  margin: 0;
  font-weight: ${themeVars.font.weightBold};
  line-height: 1.35;
  overflow-wrap: anywhere;
`;

export const Subtitle = styled.p`
  margin: 0;
  color: ${themeVars.color.textMuted};
  font-size: ${themeVars.font.sizeSm};
  line-height: 1.35;
  overflow-wrap: anywhere;
`;

export const HeroImage = styled.img`
  display: block;
  inline-size: 100%;
  max-block-size: 9rem;
  object-fit: cover;
  background: ${themeVars.color.surfaceMuted};
`;

export const Choices = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${themeVars.space.xs};
  padding: 0 ${themeVars.space.sm} ${themeVars.space.sm};

  &[data-orientation='horizontal'] {
    flex-direction: row;
    flex-wrap: wrap;
    gap: ${themeVars.space.sm};
    padding: 0;
  }
`;

const choiceBase = css`
  box-sizing: border-box;
  display: flex;
  align-items: center;
  gap: ${themeVars.space.sm};
  inline-size: 100%;
  min-block-size: 2.75rem;
  padding: ${themeVars.space.sm} ${themeVars.space.md};
  border: 1px solid ${themeVars.color.border};
  border-radius: ${themeVars.radius.md};
  background: ${themeVars.color.background};
  color: ${themeVars.color.text};
  font: inherit;
  text-align: start;
  text-decoration: none;
  cursor: pointer;
  ${focusRing}

  &:hover:not([aria-disabled='true']) {
    background: ${themeVars.color.surfaceMuted};
    border-color: ${themeVars.color.accent};
  }

  &[aria-pressed='true'],
  &[aria-checked='true'] {
    border-color: ${themeVars.color.accent};
    background: ${themeVars.color.accent};
    color: ${themeVars.color.onAccent};
  }

  &[aria-disabled='true']:not([aria-pressed='true']) {
    cursor: default;
    color: ${themeVars.color.textMuted};
    background: ${themeVars.color.surfaceMuted};
  }

  &[aria-disabled='true'] {
    cursor: default;
  }

  @media (prefers-reduced-motion: no-preference) {
    transition:
      background-color ${themeVars.motion.duration} ${themeVars.motion.easing},
      border-color ${themeVars.motion.duration} ${themeVars.motion.easing};
  }
`;

export const Choice = styled.button`
  ${choiceBase}

  &[data-kind='action'] {
    justify-content: center;
    color: ${themeVars.color.link};
    font-weight: ${themeVars.font.weightBold};
  }
`;

export const ChoiceLink = styled.a`
  ${choiceBase}
  color: ${themeVars.color.link};
`;

export const Chip = styled.button`
  ${choiceBase}
  inline-size: auto;
  min-block-size: 2.25rem;
  border-radius: ${themeVars.radius.pill};
  padding: ${themeVars.space.xs} ${themeVars.space.md};
`;

export const ChoiceImage = styled.img`
  flex: none;
  inline-size: 2.75rem;
  block-size: 2.75rem;
  border-radius: ${themeVars.radius.sm};
  object-fit: cover;
  background: ${themeVars.color.surfaceMuted};
`;

/** Where an image that failed to load was: a flat neutral box of the same size. */
export const HeroPlaceholder = styled.span`
  display: block;
  inline-size: 100%;
  block-size: 6rem;
  background: ${themeVars.color.surfaceMuted};
`;

export const ChoicePlaceholder = styled.span`
  flex: none;
  inline-size: 2.75rem;
  block-size: 2.75rem;
  border-radius: ${themeVars.radius.sm};
  background: ${themeVars.color.surfaceMuted};
`;

export const ChoiceText = styled.span`
  display: grid;
  gap: 2px;
  min-inline-size: 0;
  flex: 1;
`;

export const ChoiceTitle = styled.span`
  overflow-wrap: anywhere;
`;

export const ChoiceSubtitle = styled.span`
  font-size: ${themeVars.font.sizeSm};
  opacity: 0.85;
  overflow-wrap: anywhere;
`;

export const Note = styled.p`
  margin: 0;
  padding: 0 ${themeVars.space.md} ${themeVars.space.md};
  color: ${themeVars.color.textMuted};
  font-size: ${themeVars.font.sizeSm};

  &[data-tone='error'] {
    color: ${themeVars.color.danger};
  }
`;

export { VisuallyHidden } from '../../theme/VisuallyHidden';

export const LinkMark = styled.span`
  flex: none;

  [dir='rtl'] & {
    transform: scaleX(-1);
  }
`;
