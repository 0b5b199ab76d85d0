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
