import { createContext, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { ContactKitComponents } from './ContactKitComponents';

const ComponentsContext = /* @__PURE__ */ createContext<ContactKitComponents>({});
ComponentsContext.displayName = 'ContactKitComponentsContext';

/**
 * Props of {@link WithComponents}.
 *
 * @example
 * ```tsx
 * <WithComponents overrides={{ TypingIndicator: () => null }}>
 *   <MessageList />
 * </WithComponents>
 * ```
 */
export interface WithComponentsProps {
  /** Replacements by slot; slots left out (or `undefined`) keep what is above. */
  overrides: ContactKitComponents | undefined;
  children?: ReactNode;
}

function sameOverrides(a: ContactKitComponents, b: ContactKitComponents): boolean {
  const keys = Object.keys(a) as (keyof ContactKitComponents)[];
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

/**
 * Replaces parts of the kit's UI for everything below it: the prefab (`ChatWidget`), the lists
 * and the bubbles all take their parts from here. Nested `WithComponents` merge, the inner one
 * winning slot by slot. An inline `overrides={{ … }}` is fine: a new object with the same
 * components does not re-render the transcript.
 *
 * @example
 * ```tsx
 * function BrandBubble(props: MessageBubbleProps) {
 *   return <div className="brand-bubble"><MessageBubble {...props} /></div>;
 * }
 *
 * <ChatProvider>
 *   <WithComponents overrides={{ MessageBubble: BrandBubble, DaySeparator: () => <hr /> }}>
 *     <MessageList />
 *     <Composer />
 *   </WithComponents>
 * </ChatProvider>
 * ```
 */
export function WithComponents({ overrides, children }: WithComponentsProps): ReactNode {
  const parent = useContext(ComponentsContext);
  const own: ContactKitComponents = {};
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value !== undefined) {
      (own as Record<string, unknown>)[key] = value;
    }
  }
  // Keep one object while the slots stay the same, whatever the caller's object identity.
  const [kept, setKept] = useState(own);
  let ownStable = kept;
  if (!sameOverrides(kept, own)) {
    setKept(own);
    ownStable = own;
  }
  const value = useMemo(
    () => (Object.keys(ownStable).length === 0 ? parent : { ...parent, ...ownStable }),
    [parent, ownStable],
  );
  return <ComponentsContext.Provider value={value}>{children}</ComponentsContext.Provider>;
}

/**
 * The replacements in effect here (from every {@link WithComponents} above). Use it in your
 * own parts to honour the app's replacements: `const { MessageBubble: Bubble = MessageBubble } = useComponentOverrides();`.
 *
 * @example
 * ```tsx
 * function MyRow({ item }: { item: ChatItem }) {
 *   const { MessageBubble: Bubble = MessageBubble } = useComponentOverrides();
 *   return <Bubble item={item} />;
 * }
 * ```
 */
export function useComponentOverrides(): ContactKitComponents {
  return useContext(ComponentsContext);
}
