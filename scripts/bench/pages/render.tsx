// Bench page of part 2 (rendering): the ChatWidget over an in-page story session holding N items,
// with the shipped virtualized MessageList or with PlainMessageList. The bench (Node) drives it
// through `window.renderBench` and reads Chromium's own timings over the DevTools protocol.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { ChatWidget, ContentType, preloadChatWidget } from 'contact-kit';
import type { ChatItem } from 'contact-kit';
import type { FakeChatSession } from 'contact-kit/testing';
import { storyChatSession } from '../../../stories/fixtures/storyChatSession';
import { storyLongTranscript } from '../../../stories/fixtures/storyItems';
import { PlainMessageList } from './PlainMessageList';

interface Timing {
  renderMs: number;
  frameMs: number;
}

interface RenderBench {
  /**
   * Mounts the open widget with `count` items; resolves after the next two frames. `renderMs`:
   * the synchronous React render and commit (with layout effects and any layout they force);
   * `frameMs`: from the start until two frames were produced (style, layout and paint included).
   */
  mount(mode: 'virtual' | 'plain', count: number): Promise<Timing>;
  /**
   * Unmounts the widget and mounts it again in the same page over a new session of the same
   * length: the code is compiled and the theme's styles are in the document, so what is left is
   * the cost that depends on the transcript. Timed like `mount`.
   */
  remount(): Promise<Timing>;
  /** Appends one agent message synchronously; timed like `mount`. */
  append(): Promise<Timing>;
  /** Elements in the document, and message rows among them. */
  nodes(): { elements: number; messageRows: number };
}

const frames = (): Promise<void> =>
  new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))),
  );

let session: FakeChatSession | undefined;
let appended = 0;
let mounted: { root: Root; mode: 'virtual' | 'plain'; count: number } | undefined;

/** Mounts the open widget over a new session of `count` items, timed. */
const mountWidget = async (mode: 'virtual' | 'plain', count: number): Promise<Timing> => {
  session = storyChatSession({ items: storyLongTranscript(count), agent: 'silent' });
  const root = createRoot(document.getElementById('root')!);
  mounted = { root, mode, count };
  const current = session;
  const started = performance.now();
  flushSync(() =>
    root.render(
      <ChatWidget
        session={current}
        defaultOpen
        {...(mode === 'plain' ? { components: { MessageList: PlainMessageList } } : {})}
      />,
    ),
  );
  const renderMs = performance.now() - started;
  await frames();
  return { renderMs, frameMs: performance.now() - started };
};

const bench: RenderBench = {
  async mount(mode, count) {
    // The widget's body is a lazy chunk: load it first, so the mount renders the transcript.
    await preloadChatWidget();
    return mountWidget(mode, count);
  },
  async remount() {
    const { root, mode, count } = mounted!;
    root.unmount();
    await frames();
    return mountWidget(mode, count);
  },
  async append() {
    const current = session!;
    appended += 1;
    const items = current.getSnapshot().items;
    const last = items[items.length - 1]!;
    const item: ChatItem = {
      ...last,
      id: `appended-${appended}`,
      type: 'message',
      contentType: ContentType.plainText,
      content: `Appended message ${appended}`,
      participantId: 'agent-sam',
      displayName: 'Sam',
      role: 'AGENT',
      isOwn: false,
      status: undefined,
      receipts: [],
      time: new Date(Date.parse(last.time) + 1000).toISOString(),
    };
    // The session's new array is made before the clock starts: what is timed is React's update.
    const next = [...items, item];
    const started = performance.now();
    flushSync(() => current.update({ items: next }));
    const renderMs = performance.now() - started;
    await frames();
    return { renderMs, frameMs: performance.now() - started };
  },
  nodes() {
    return {
      elements: document.getElementsByTagName('*').length,
      messageRows: document.querySelectorAll('[data-message-id]').length,
    };
  },
};

(window as unknown as { renderBench: RenderBench }).renderBench = bench;
