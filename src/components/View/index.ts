export { ViewMessage } from './ViewMessage';
export type { ViewMessageProps, ViewMessageState } from './ViewMessage';
export { ViewBody } from './ViewBody';
export type { ViewBodyProps } from './ViewBody';
