import { css } from 'styled-components';
import { styled } from '../../theme/styled';
import { accentButton, focusRing } from '../../theme/mixins';
import { themeVars } from '../../theme/tokens';

/**
 * Styles of the step-by-step guide renderer. Like the interactive messages, everything comes from
 * the `--ck-*` custom properties of the theme.
 */

export const Root = styled.div`
  box-sizing: border-box;
  display: grid;
  gap: ${themeVars.space.sm};
  inline-size: 22rem;
  max-inline-size: 100%;
  padding: ${themeVars.space.md};
  border: 1px solid ${themeVars.color.border};
  border-radius: ${themeVars.radius.lg};
  background: ${themeVars.color.background};
  color: ${themeVars.color.text};
  font: inherit;
`;

/** Locks every control of an answered or expired view at once. */
export const Fields = styled.fieldset`
  display: grid;
  gap: ${themeVars.space.sm};
  min-inline-size: 0;
  margin: 0;
  padding: 0;
  border: 0;
`;

export const Title = styled.p`
  margin: 0;
  font-weight: ${themeVars.font.weightBold};
  line-height: 1.35;
  overflow-wrap: anywhere;
`;

export const Muted = styled.p`
  margin: 0;
  color: ${themeVars.color.textMuted};
  font-size: ${themeVars.font.sizeSm};
  line-height: 1.35;
  overflow-wrap: anywhere;
`;

export const Text = styled.p`
  margin: 0;
  line-height: 1.4;
  overflow-wrap: anywhere;
  white-space: pre-line;
`;

export const Group = styled.div`
  display: grid;
  gap: ${themeVars.space.sm};

  &[data-columns='row'] {
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
  }
`;

export const Attributes = styled.dl`
  display: grid;
  grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
  gap: ${themeVars.space.xs} ${themeVars.space.md};
  margin: 0;

  & > dt {
    color: ${themeVars.color.textMuted};
    font-size: ${themeVars.font.sizeSm};
  }

  & > dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;

export const Choices = styled.ul`
  display: grid;
  gap: ${themeVars.space.xs};
  margin: 0;
  padding: 0;
  list-style: none;
`;

export const Choice = styled.button`
  box-sizing: border-box;
  display: grid;
  gap: 2px;
  inline-size: 100%;
  min-block-size: 2.75rem;
  padding: ${themeVars.space.sm} ${themeVars.space.md};
  border: 1px solid ${themeVars.color.border};
  border-radius: ${themeVars.radius.md};
  background: ${themeVars.color.background};
  color: ${themeVars.color.text};
  font: inherit;
  text-align: start;
  cursor: pointer;
  ${focusRing}

  &:hover:enabled {
    background: ${themeVars.color.surfaceMuted};
    border-color: ${themeVars.color.accent};
  }

  &:disabled {
    cursor: default;
  }

  &:disabled:not([aria-pressed='true']) {
    opacity: 0.6;
  }

  &[aria-pressed='true'] {
    border-color: ${themeVars.color.accent};
    background: ${themeVars.color.accent};
    color: ${themeVars.color.onAccent};
  }
`;

export const ChoiceHeading = styled.span`
  font-weight: ${themeVars.font.weightBold};
  overflow-wrap: anywhere;
`;

export const ChoiceDetail = styled.span`
  font-size: ${themeVars.font.sizeSm};
  overflow-wrap: anywhere;
`;

export const Actions = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${themeVars.space.sm};
`;

export const Button = styled.button`
  ${accentButton}
  justify-self: start;
  min-block-size: 2.5rem;
  padding: ${themeVars.space.xs} ${themeVars.space.md};
  border: 1px solid ${themeVars.color.accent};
  border-radius: ${themeVars.radius.md};

  &[data-variant='secondary'] {
    background: ${themeVars.color.background};
    color: ${themeVars.color.text};
    border-color: ${themeVars.color.border};
  }

  &:disabled {
    cursor: default;
  }

  &:disabled:not([aria-pressed='true']) {
    opacity: 0.6;
  }

  &[aria-pressed='true'] {
    outline: 2px solid ${themeVars.color.accent};
    outline-offset: 2px;
  }
`;

export const Link = styled.a`
  color: ${themeVars.color.link};
  overflow-wrap: anywhere;
  ${focusRing}
`;

export const Field = styled.div`
  display: grid;
  gap: ${themeVars.space.xs};

  & > label,
  & > legend {
    padding: 0;
    font-size: ${themeVars.font.sizeSm};
    font-weight: ${themeVars.font.weightBold};
  }
`;

export const FieldSet = styled.fieldset`
  display: grid;
  gap: ${themeVars.space.xs};
  margin: 0;
  padding: 0;
  border: 0;

  & > legend {
    padding: 0;
    font-size: ${themeVars.font.sizeSm};
    font-weight: ${themeVars.font.weightBold};
  }
`;

const control = css`
  box-sizing: border-box;
  inline-size: 100%;
  min-block-size: 2.5rem;
  padding: ${themeVars.space.xs} ${themeVars.space.sm};
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
  min-block-size: 4.5rem;
  resize: vertical;
`;

export const Select = styled.select`
  ${control}
`;

export const Check = styled.label`
  display: flex;
  align-items: center;
  gap: ${themeVars.space.sm};
  min-block-size: 2rem;

  & > input {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: ${themeVars.color.accent};
  }
`;

export const FieldError = styled.p`
  margin: 0;
  color: ${themeVars.color.danger};
  font-size: ${themeVars.font.sizeSm};
`;

export const Note = styled.p`
  margin: 0;
  color: ${themeVars.color.textMuted};
  font-size: ${themeVars.font.sizeSm};

  &[data-tone='error'] {
    color: ${themeVars.color.danger};
  }
`;

export const Fallback = styled.p`
  margin: 0;
  padding: ${themeVars.space.xs} ${themeVars.space.sm};
  border: 1px dashed ${themeVars.color.border};
  border-radius: ${themeVars.radius.sm};
  color: ${themeVars.color.textMuted};
  font-size: ${themeVars.font.sizeSm};
`;
