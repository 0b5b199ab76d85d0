import { randomUUID } from 'node:crypto';
import type { View } from '../core/protocol/types';
import { MANAGED_VIEWS } from './managedViews';
import { SAMPLE_VIEWS } from './sampleViews';

/**
 * The views the emulator knows: the AWS managed ones, the views registered through
 * `POST /admin/views`, and the view tokens handed out with ViewResource messages (a token
 * belongs to one contact, as a Show view block's token does).
 *
 * @example
 * ```ts
 * const views = createViewRegistry();
 * const token = views.issueToken('form', contactId);
 * views.describe(token, contactId)?.Name; // 'Form'
 * ```
 */
export interface ViewRegistry {
  /** A managed or registered view by id. */
  get(viewId: string): View | undefined;
  /** Adds or replaces a custom view; returns it as DescribeView will. */
  register(view: View & { Id: string }): View;
  /** A new token for showing `viewId` on `contactId`. */
  issueToken(viewId: string, contactId: string): string;
  /** The view behind `token` for a caller of `contactId` (the sample tokens work for anyone). */
  describe(token: string, contactId: string): View | undefined;
}

/**
 * Creates an empty registry (managed views included).
 *
 * @example
 * ```ts
 * const ctx = { ...otherParts, views: createViewRegistry() };
 * ```
 */
export function createViewRegistry(newToken: () => string = randomUUID): ViewRegistry {
  const custom = new Map<string, View>();
  const tokens = new Map<string, { viewId: string; contactId: string }>();
  const get = (viewId: string) => custom.get(viewId) ?? MANAGED_VIEWS.get(viewId);
  return {
    get,
    register(view) {
      custom.set(view.Id, view);
      return view;
    },
    issueToken(viewId, contactId) {
      const token = newToken();
      tokens.set(token, { viewId, contactId });
      return token;
    },
    describe(token, contactId) {
      const issued = tokens.get(token);
      if (issued) {
        return issued.contactId === contactId ? get(issued.viewId) : undefined;
      }
      return SAMPLE_VIEWS.get(token);
    },
  };
}
