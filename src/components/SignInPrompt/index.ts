export { SignInPrompt, SignInPromptView } from './SignInPrompt';
export type { SignInPromptProps, SignInPromptViewProps } from './SignInPrompt';
export { CustomerAuthenticationOptionsContext } from './CustomerAuthenticationOptionsContext';
