import { useMaybeChatSession } from '../../react/context/ChatSessionContext';

/**
 * Resolves an attachment id into a short-lived download URL.
 *
 * @example
 * ```tsx
 * <MessageList getAttachmentUrl={(id) => fetch(`/api/attachments/${id}`).then((r) => r.text())} />
 * ```
 */
export type GetAttachmentUrl = (attachmentId: string) => Promise<string>;

/**
 * @internal The download URL getter: the one given, else the session's `getAttachmentUrl` when
 * the component is inside a `<ChatProvider>` whose session can download (components also render
 * outside a provider, e.g. in stories, hence not `useAttachmentUrl`).
 *
 * @example
 * ```ts
 * const getUrl = useAttachmentUrlGetter(props.getAttachmentUrl);
 * const url = getUrl ? await getUrl('attachment-id') : undefined;
 * ```
 */
export function useAttachmentUrlGetter(
  given: GetAttachmentUrl | undefined,
): GetAttachmentUrl | undefined {
  const session = useMaybeChatSession();
  if (given) {
    return given;
  }
  const method = session?.getAttachmentUrl;
  return typeof method === 'function' ? (id) => method.call(session, id) : undefined;
}
