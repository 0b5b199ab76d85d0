import { styled } from '../../theme/styled';
import { themeVars } from '../../theme/tokens';

export const Root = styled.div`
  display: flex;
  align-items: center;
  gap: ${themeVars.space.sm};
  min-height: 1.5rem;
  padding: 0 ${themeVars.space.md};
  font-size: ${themeVars.font.sizeSm};
  color: ${themeVars.color.textMuted};

  &[data-state='idle'] {
    min-height: 0;
  }
`;

// Plain @keyframes rather than styled-components' keyframes(), which probes navigator at import.
export const Dots = styled.span`
  @keyframes ck-typing-dot {
    0%,
    80%,
    100% {
      transform: translateY(0);
      opacity: 0.5;
    }
    40% {
      transform: translateY(-3px);
      opacity: 1;
    }
  }
  display: inline-flex;
  gap: 3px;

  & > span {
    width: 6px;
    height: 6px;
    border-radius: 50%;
    background: currentColor;
    animation: ck-typing-dot 1.2s infinite ease-in-out;
  }
  & > span:nth-child(2) {
    animation-delay: 0.15s;
  }
  & > span:nth-child(3) {
    animation-delay: 0.3s;
  }
  @media (prefers-reduced-motion: reduce) {
    & > span {
      animation: none;
      opacity: 0.8;
    }
  }
`;
