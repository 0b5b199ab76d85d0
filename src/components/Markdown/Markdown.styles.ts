import { styled } from '../../theme/styled';
import { themeVars } from '../../theme/tokens';
import { focusRing } from '../../theme/mixins';

export const Root = styled.div`
  overflow-wrap: anywhere;

  & > * {
    margin: 0;
  }
  & > * + * {
    margin-top: ${themeVars.space.sm};
  }
  ul,
  ol {
    padding-inline-start: 1.25em;
  }
  blockquote {
    margin-inline: 0;
    padding-inline-start: ${themeVars.space.sm};
    border-inline-start: 3px solid currentColor;
    opacity: 0.9;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
    padding: 0 0.25em;
    border-radius: 4px;
    background: color-mix(in srgb, currentColor 12%, transparent);
  }
  pre {
    overflow-x: auto;
    padding: ${themeVars.space.sm};
    border-radius: ${themeVars.radius.sm};
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
  pre code {
    padding: 0;
    background: none;
  }
  hr {
    border: 0;
    border-top: 1px solid currentColor;
    opacity: 0.4;
  }
`;

export const Heading = styled.p`
  font-weight: ${themeVars.font.weightBold};
  font-size: ${themeVars.font.sizeLg};
`;

export const Link = styled.a`
  color: inherit;
  text-decoration: underline;
  text-underline-offset: 2px;
  border-radius: 2px;
  ${focusRing}
`;
