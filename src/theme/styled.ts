import * as styledComponents from 'styled-components';

type Styled = typeof styledComponents.default;

/**
 * The `styled` factory of styled-components, the same under bundlers and under Node's own ESM loader.
 *
 * @remarks
 * styled-components 6 publishes CommonJS as `main` with no `exports` map. Bundlers hand a default
 * import the `styled` function, but Node's ESM loader (e.g. SSR frameworks that leave
 * node_modules external) hands it the whole CommonJS exports object, whose `.div` is undefined.
 * Every component imports `styled` from here instead of `import styled from 'styled-components'`
 * (ESLint enforces it).
 *
 * @example
 * ```ts
 * import { styled } from '../../theme/styled';
 * export const Bubble = styled.div`padding: 8px;`;
 * ```
 * @internal
 */
export const styled: Styled = (() => {
  const imported = styledComponents.default as Styled | { default?: Styled };
  return typeof imported === 'function' ? imported : (imported.default as Styled);
})();
