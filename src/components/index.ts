/**
 * The styled chat components. Each one renders from the public hooks; theme and strings come
 * from `ContactKitThemeProvider`.
 *
 * @packageDocumentation
 */

// Core chat components (transcript, messages, composer, status).
export * from './MessageList/index';
export * from './MessageBubble/index';
export * from './Markdown/index';
export * from './AttachmentView/index';
export * from './Composer/index';
export * from './TypingIndicator/index';
export * from './ConnectionBanner/index';
export * from './SignInPrompt/index';
export * from './View/index';

// Replacing parts of the UI.
export * from './WithComponents/index';
