/**
 * Ready-made compositions of the chat components.
 *
 * @packageDocumentation
 */
export * from './ChatWidget/index';
