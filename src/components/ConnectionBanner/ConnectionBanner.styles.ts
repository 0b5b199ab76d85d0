import { styled } from '../../theme/styled';
import { textButton } from '../../theme/mixins';
import { themeVars } from '../../theme/tokens';

export const Root = styled.div`
  flex: none;
`;

export const Banner = styled.div`
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: ${themeVars.space.sm};
  padding: ${themeVars.space.sm} ${themeVars.space.md};
  font-size: ${themeVars.font.sizeSm};
  background: ${themeVars.color.warningSurface};
  color: ${themeVars.color.onWarningSurface};

  &[data-state='failed'] {
    background: ${themeVars.color.dangerSurface};
    color: ${themeVars.color.onDangerSurface};
  }
  &[data-state='connecting'] {
    background: ${themeVars.color.surfaceMuted};
    color: ${themeVars.color.text};
  }
`;

export const Retry = styled.button`
  ${textButton}
`;
