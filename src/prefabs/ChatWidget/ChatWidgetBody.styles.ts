// Styles the widget's shell never renders: they load with its body (see ChatWidgetBody).
import { css } from 'styled-components';
import { styled } from '../../theme/styled';
import { focusRing } from '../../theme/mixins';
import { themeVars } from '../../theme/tokens';

export const Footer = styled.div`
  display: grid;
  gap: ${themeVars.space.sm};
  padding: ${themeVars.space.md} ${themeVars.space.lg} ${themeVars.space.lg};
  border-block-start: 1px solid ${themeVars.color.border};
  background: ${themeVars.color.surface};
`;

export const Form = styled.form`
  display: grid;
  align-content: start;
  gap: ${themeVars.space.md};
  flex: 1;
  padding: ${themeVars.space.lg};
  overflow-y: auto;
`;

export const FormTitle = styled.h3`
  margin: 0;
  font-size: ${themeVars.font.sizeLg};
  font-weight: ${themeVars.font.weightBold};
`;

export const FormIntro = styled.p`
  margin: 0;
  color: ${themeVars.color.textMuted};
`;

export const Field = styled.div`
  display: grid;
  gap: ${themeVars.space.xs};
`;

export const Label = styled.label`
  font-weight: ${themeVars.font.weightBold};
  font-size: ${themeVars.font.sizeSm};
`;

export const FieldHint = styled.span`
  font-weight: normal;
  color: ${themeVars.color.textMuted};
`;

const control = css`
  inline-size: 100%;
  min-block-size: 40px;
  padding: ${themeVars.space.sm} ${themeVars.space.md};
  border: 1px solid ${themeVars.color.border};
  border-radius: ${themeVars.radius.sm};
  background: ${themeVars.color.background};
  color: ${themeVars.color.text};
  font: inherit;
  ${focusRing}

  &[aria-invalid='true'] {
    border-color: ${themeVars.color.danger};
  }
`;

export const Input = styled.input`
  ${control}
`;

export const TextArea = styled.textarea`
  ${control}
  resize: vertical;
`;

export const Select = styled.select`
  ${control}
`;

export const FieldError = styled.p`
  margin: 0;
  color: ${themeVars.color.danger};
  font-size: ${themeVars.font.sizeSm};
`;
