import type { ContactTabs, ContactTabsOptions } from './contactTabs';

type CreateContactTabs = (options: ContactTabsOptions) => ContactTabs;

/** The tab layer's code, loaded once per page on first use; a failed load is tried again. */
let loading: Promise<CreateContactTabs> | undefined;
const loadContactTabs = (): Promise<CreateContactTabs> =>
  (loading ??= import('./contactTabs').then(
    (module) => module.createContactTabs,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));

/**
 * The tabs layer, with its code (election, host, mirror: most of what sharing a chat between
 * tabs takes) loaded when the controller is first used rather than with the page. Calls made
 * before it arrived run in order once it did. If it cannot load, the tab runs alone: every
 * contact is led here, as with `tabs: 'single'`.
 *
 * @example
 * ```ts
 * const tabs = createLazyContactTabs({ name, tabId, openChannel, locks, clock, logger, onContact, onReadMarker, current });
 * tabs.ask(); // runs once the code is there
 * ```
 */
export function createLazyContactTabs(
  options: ContactTabsOptions & { readonly tabId: string },
  load: () => Promise<CreateContactTabs> = loadContactTabs,
): ContactTabs {
  let real: ContactTabs | undefined;
  let failed = false;
  let destroyed = false;
  const waiting: Array<(tabs: ContactTabs | undefined) => void> = [];

  const ready: Promise<ContactTabs | undefined> = load().then(
    (create) => {
      if (destroyed) {
        return undefined;
      }
      real = create(options);
      return real;
    },
    (error: unknown) => {
      failed = true;
      options.logger.warn('The tab layer could not be loaded; this tab chats on its own', error);
      return undefined;
    },
  );
  void ready.then((tabs) => {
    for (const call of waiting.splice(0)) {
      call(tabs);
    }
  });

  /** Runs `call` with the layer (or `undefined`, when it failed to load) in call order. */
  const when = (call: (tabs: ContactTabs | undefined) => void): void => {
    if (destroyed) {
      return;
    }
    if ((real !== undefined || failed) && waiting.length === 0) {
      call(real);
    } else {
      waiting.push(call);
    }
  };

  return {
    tabId: options.tabId,
    ask: () => when((tabs) => tabs?.ask()),
    announce: (shared) => when((tabs) => tabs?.announce(shared)),
    beforeStart: () => ready.then((tabs) => tabs?.beforeStart()),
    afterStart: () => when((tabs) => tabs?.afterStart()),
    run: (contact, placement) =>
      when((tabs) => (tabs ? tabs.run(contact, placement) : placement.lead(0))),
    host: (session, epoch) => (real ? real.host(session, epoch) : () => undefined),
    stop: () => when((tabs) => tabs?.stop()),
    shareReadMarker: (marker) => when((tabs) => tabs?.shareReadMarker(marker)),
    destroy() {
      destroyed = true;
      waiting.length = 0;
      real?.destroy();
    },
  };
}
