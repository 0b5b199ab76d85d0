export { WithComponents, useComponentOverrides } from './WithComponents';
export type { WithComponentsProps } from './WithComponents';
export type { ContactKitComponents } from './ContactKitComponents';
