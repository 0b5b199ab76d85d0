/**
 * `contact-kit`: React hooks and components for Amazon Connect chat. Re-exports the headless core
 * so one import serves both layers.
 *
 * @packageDocumentation
 */
export * from './core/index';
export * from './react/index';
export * from './theme/index';
export * from './i18n/index';
export * from './components/index';
export * from './components/Interactive/index';
export * from './prefabs/index';
