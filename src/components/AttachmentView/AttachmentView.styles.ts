import { styled } from '../../theme/styled';
import { textButton } from '../../theme/mixins';
import { themeVars } from '../../theme/tokens';

export const Root = styled.div`
  display: grid;
  grid-template-columns: auto 1fr;
  column-gap: ${themeVars.space.sm};
  align-items: center;
  min-width: 12rem;

  &[data-state='rejected'],
  &[data-state='failed'] {
    text-decoration: none;
  }
`;

export const Icon = styled.span`
  grid-row: span 2;
  display: inline-grid;
  place-items: center;
  width: 2rem;
  height: 2.5rem;
  border-radius: ${themeVars.radius.sm};
  border: 1px solid currentColor;
  font-size: 0.625rem;
  font-weight: ${themeVars.font.weightBold};
  text-transform: uppercase;
  opacity: 0.85;
`;

export const Name = styled.span`
  font-weight: ${themeVars.font.weightBold};
  overflow-wrap: anywhere;
`;

export const Details = styled.span`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${themeVars.space.xs} ${themeVars.space.sm};
  font-size: ${themeVars.font.sizeSm};
`;

export const Status = styled.span`
  &[data-state='rejected'],
  &[data-state='failed'] {
    font-weight: ${themeVars.font.weightBold};
  }
`;

export const Progress = styled.progress`
  grid-column: 1 / -1;
  width: 100%;
  height: 4px;
  margin-top: ${themeVars.space.xs};
  accent-color: currentColor;
`;

export const Download = styled.button`
  ${textButton}
  padding-inline: 0;
`;

export const Thumbnail = styled.button`
  grid-column: 1 / -1;
  display: block;
  margin-block-start: ${themeVars.space.xs};
  padding: 0;
  border: 1px solid ${themeVars.color.border};
  border-radius: ${themeVars.radius.sm};
  background: ${themeVars.color.surfaceMuted};
  inline-size: 100%;
  max-inline-size: 14rem;
  min-block-size: 44px;
  overflow: hidden;
  cursor: zoom-in;

  & > img {
    display: block;
    inline-size: 100%;
    max-block-size: 12rem;
    object-fit: cover;
  }

  &:focus-visible {
    outline: 2px solid ${themeVars.color.accent};
    outline-offset: 2px;
  }
`;

export const ImageFallback = styled.div`
  grid-column: 1 / -1;
  margin-block-start: ${themeVars.space.xs};
  padding: ${themeVars.space.md};
  border: 1px dashed ${themeVars.color.border};
  border-radius: ${themeVars.radius.sm};
  font-size: ${themeVars.font.sizeSm};
  text-align: center;
`;

export const Viewer = styled.div`
  position: fixed;
  inset: 0;
  z-index: 2147483647;
  display: grid;
  place-items: center;
  gap: ${themeVars.space.md};
  padding: ${themeVars.space.xl};
  background: rgb(0 0 0 / 0.8);

  & > img {
    max-inline-size: 100%;
    max-block-size: calc(100dvh - 8rem);
    object-fit: contain;
  }
`;

export const ViewerClose = styled.button`
  min-block-size: 44px;
  min-inline-size: 44px;
  padding: ${themeVars.space.sm} ${themeVars.space.lg};
  border: 0;
  border-radius: ${themeVars.radius.sm};
  background: #fff;
  color: #111;
  font: inherit;
  font-weight: ${themeVars.font.weightBold};
  cursor: pointer;

  &:focus-visible {
    outline: 3px solid ${themeVars.color.accent};
    outline-offset: 2px;
  }
`;
