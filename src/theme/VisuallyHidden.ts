import { styled } from './styled';
import { visuallyHidden } from './mixins';

/**
 * Text for screen readers only (a launcher's label, a fieldset's legend). Use `as` for another
 * element.
 *
 * @example
 * ```tsx
 * <button type="button" onClick={open}>
 *   <ChatIcon aria-hidden />
 *   <VisuallyHidden>Open chat</VisuallyHidden>
 * </button>
 * ```
 */
export const VisuallyHidden = styled.span`
  ${visuallyHidden}
`;
