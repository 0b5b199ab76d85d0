import { Suspense, lazy } from 'react';
import type { ReactNode } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';
import { useInteractiveMessage } from '../../react/hooks/useInteractiveMessage';
import { Carousel } from './Carousel';
import * as S from './Interactive.styles';
import { useMessages } from '../../i18n/I18nProvider';
import { ListPicker } from './ListPicker';
import { Panel } from './Panel';
import { QuickReply } from './QuickReply';
import { TimePicker } from './TimePicker';
import { useComponentOverrides } from '../WithComponents/WithComponents';

// The view renderer is only needed when a step-by-step guide arrives: a chunk of its own.
const LazyViewMessage = lazy(() =>
  import('../View/ViewMessage').then((module) => ({ default: module.ViewMessage })),
);

/**
 * Props of {@link InteractiveMessage}.
 *
 * @example
 * ```tsx
 * <MessageList
 *   renderInteractive={(item) => <InteractiveMessage item={item} timeZone="America/New_York" />}
 * />
 * ```
 */
export interface InteractiveMessageProps {
  /** A transcript item with the interactive content type. */
  item: ChatItem;
  /** Time zone of TimePicker slots. Defaults to the customer's. */
  timeZone?: string;
}

/**
 * Renders an interactive message with the component for its `templateType`: {@link ListPicker},
 * {@link Panel}, {@link QuickReply}, {@link TimePicker}, {@link Carousel}, or a step-by-step guide
 * view (ViewResource, loaded on demand: see `ViewMessage`). Malformed content becomes a neutral note.
 *
 * @example
 * ```tsx
 * function Row({ item }: { item: ChatItem }) {
 *   return interactiveOf(item) ? <InteractiveMessage item={item} /> : <p>{item.content}</p>;
 * }
 * ```
 */
export function InteractiveMessage({ item, timeZone }: InteractiveMessageProps): ReactNode {
  const { template } = useInteractiveMessage(item);
  const t = useMessages();
  const overrides = useComponentOverrides();
  switch (template?.templateType) {
    case 'ListPicker': {
      const Template = overrides.ListPicker ?? ListPicker;
      return <Template item={item} />;
    }
    case 'Panel': {
      const Template = overrides.Panel ?? Panel;
      return <Template item={item} />;
    }
    case 'QuickReply': {
      const Template = overrides.QuickReply ?? QuickReply;
      return <Template item={item} />;
    }
    case 'TimePicker': {
      const Template = overrides.TimePicker ?? TimePicker;
      return timeZone === undefined ? (
        <Template item={item} />
      ) : (
        <Template item={item} timeZone={timeZone} />
      );
    }
    case 'Carousel': {
      const Template = overrides.Carousel ?? Carousel;
      return <Template item={item} />;
    }
    case 'ViewResource': {
      const Custom = overrides.ViewMessage;
      if (Custom) {
        return <Custom item={item} />;
      }
      return (
        <Suspense fallback={<S.Note data-template="ViewResource">{t('viewLoading')}</S.Note>}>
          <LazyViewMessage item={item} />
        </Suspense>
      );
    }
    default:
      return <S.Note data-template="unsupported">{t('unsupportedMessage')}</S.Note>;
  }
}
