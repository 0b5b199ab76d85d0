import type { ReactNode } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import { ContentType } from '../../core/protocol/contentTypes';
import { LinkifiedText, Markdown } from '../Markdown/Markdown';
import * as S from './MessageBubble.styles';

/**
 * Props of {@link MessageContent}.
 *
 * @example
 * ```tsx
 * <WithComponents overrides={{ MessageBubble: ({ item }) => <div className="bubble"><MessageContent item={item} /></div> }}>
 *   <MessageList />
 * </WithComponents>
 * ```
 */
export interface MessageContentProps {
  /** A message item (`text/plain` or `text/markdown`). */
  item: Pick<ChatItem, 'content' | 'contentType'>;
}

/**
 * The text of a message: `text/markdown` through the safe {@link Markdown} renderer, anything
 * else as plain text with its http(s) URLs linked.
 *
 * @example
 * ```tsx
 * <MessageContent item={{ contentType: 'text/markdown', content: '**Hi**' }} />
 * ```
 */
export function MessageContent({ item }: MessageContentProps): ReactNode {
  const content = item.content ?? '';
  if (item.contentType === ContentType.markdown) {
    return <Markdown source={content} />;
  }
  return (
    <S.PlainText data-content-type="plain" dir="auto">
      <LinkifiedText text={content} />
    </S.PlainText>
  );
}
