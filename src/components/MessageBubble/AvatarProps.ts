import type { ChatItem } from '../../core/chat/transcript/chatItem';

/**
 * Props of an `Avatar` replacement (see `ContactKitComponents`): the kit shows no avatar, and
 * renders yours beside the first message of each run from someone else.
 *
 * @example
 * ```tsx
 * function Avatar({ name }: AvatarProps) {
 *   return <span className="avatar" aria-hidden="true">{name.slice(0, 1)}</span>;
 * }
 * ```
 */
export interface AvatarProps {
  /** The run's first item. */
  item: ChatItem;
  /** The sender's name as shown ("Sam", or the role when the service gave no name). */
  name: string;
}
