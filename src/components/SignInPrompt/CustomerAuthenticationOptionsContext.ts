import { createContext } from 'react';
import type { UseCustomerAuthenticationOptions } from '../../react/hooks/useCustomerAuthentication';

/**
 * The sign-in options the transcript's sign-in prompts use (`redirectUri`, popup features). The
 * chat widget provides it from its `authenticationRedirectUri` prop; provide it yourself around a
 * `MessageList`.
 *
 * @example
 * ```tsx
 * <CustomerAuthenticationOptionsContext.Provider value={{ redirectUri: `${location.origin}/signed-in.html` }}>
 *   <MessageList />
 * </CustomerAuthenticationOptionsContext.Provider>
 * ```
 */
export const CustomerAuthenticationOptionsContext = createContext<UseCustomerAuthenticationOptions>(
  {},
);
