import { createContext } from 'react';
import type { ReactNode } from 'react';
import type { ChatItem } from '../../core/chat/transcript/chatItem';

/**
 * Renders an interactive message (ListPicker, Panel, QuickReply, TimePicker, Carousel).
 *
 * @example
 * ```tsx
 * <InteractiveRendererContext.Provider value={(item) => <InteractiveMessage item={item} />}>
 *   <MessageList />
 * </InteractiveRendererContext.Provider>
 * ```
 */
export type InteractiveRenderer = (item: ChatItem) => ReactNode;

/**
 * Where {@link MessageList} finds its interactive-message renderer when no `renderInteractive`
 * prop is given. Prefabs such as `ChatWidget` provide it; without either, interactive messages
 * show their title as text.
 *
 * @example
 * ```tsx
 * <InteractiveRendererContext.Provider value={(item) => <InteractiveMessage item={item} />}>
 *   <MessageList />
 * </InteractiveRendererContext.Provider>
 * ```
 */
export const InteractiveRendererContext = createContext<InteractiveRenderer | undefined>(undefined);
InteractiveRendererContext.displayName = 'InteractiveRendererContext';
