/**
 * The sign-in landing page (`signed-in.html`), the RedirectUri the storefront's chat gives
 * GetAuthenticationUrl: in the sign-in popup it tells the chat window and closes; after a same-tab
 * sign-in it goes back to the storefront, where the chat resumes.
 */
import { completeAuthenticationRedirect } from 'contact-kit/core';

completeAuthenticationRedirect();
