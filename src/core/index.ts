/**
 * `contact-kit/core`: the framework-free layer. Wire types, the Participant Service client and the
 * headless chat session. Runs in browsers and Node; imports no UI framework.
 *
 * @packageDocumentation
 */
export * from './protocol/types';
export * from './protocol/contentTypes';
export * from './protocol/errors';
export * from './logger';
export * from './clock';
export * from './protocol/participantClient';
export * from './protocol/validateRequest';
export * from './protocol/checkItem';
export * from './protocol/retryPolicy';
export * from './protocol/participantOperations';
export * from './chat';
