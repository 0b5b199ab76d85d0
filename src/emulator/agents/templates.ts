/**
 * Samples and builders of the interactive message templates (participant-protocol.md §7) the
 * emulator's agents send. The wire shapes are the core's (`src/core/chat/interactive`): what the
 * emulator sends is typed by the same definitions the kit's parser reads it into. The module
 * imports nothing at runtime, so the chat components and Storybook can reuse the samples as
 * fixtures in the browser.
 *
 * @packageDocumentation
 */
import type {
  CarouselTemplate,
  InteractiveImage,
  InteractiveReplyMessage,
  InteractiveTemplate,
  ListPickerContent,
  ListPickerElement,
  ListPickerTemplate,
  PanelContent,
  PanelTemplate,
  QuickReplyTemplate,
  TimePickerTemplate,
  TimeSlot,
  ViewResourceTemplate,
} from '../../core/chat/interactive/interactiveTemplate';

/**
 * Builds a ListPicker template.
 *
 * @example
 * ```ts
 * const picker = createListPicker({ title: 'Pick one', elements: [{ title: 'Tea' }, { title: 'Coffee' }] });
 * ```
 */
export function createListPicker(
  content: ListPickerContent,
  replyMessage?: InteractiveReplyMessage,
): ListPickerTemplate {
  return {
    templateType: 'ListPicker',
    version: '1.0',
    data: replyMessage ? { replyMessage, content } : { content },
  };
}

/**
 * Builds a Panel template.
 *
 * @example
 * ```ts
 * const panel = createPanel({ title: 'Need help?', elements: [{ title: 'Yes' }, { title: 'No' }] });
 * ```
 */
export function createPanel(
  content: PanelContent,
  replyMessage?: InteractiveReplyMessage,
): PanelTemplate {
  return {
    templateType: 'Panel',
    version: '1.0',
    data: replyMessage ? { replyMessage, content } : { content },
  };
}

/**
 * Builds a QuickReply template.
 *
 * @example
 * ```ts
 * const quick = createQuickReply({ title: 'Was this helpful?', elements: [{ title: 'Yes' }, { title: 'No' }] });
 * ```
 */
export function createQuickReply(
  content: QuickReplyTemplate['data']['content'],
  replyMessage?: InteractiveReplyMessage,
): QuickReplyTemplate {
  return {
    templateType: 'QuickReply',
    version: '1.0',
    data: replyMessage ? { replyMessage, content } : { content },
  };
}

/**
 * Builds a TimePicker template.
 *
 * @example
 * ```ts
 * const picker = createTimePicker({ title: 'When?', timeslots: [{ date: '2026-03-02T09:00+00:00', duration: 30 }] });
 * ```
 */
export function createTimePicker(
  content: TimePickerTemplate['data']['content'],
  replyMessage?: InteractiveReplyMessage,
): TimePickerTemplate {
  return {
    templateType: 'TimePicker',
    version: '1.0',
    data: replyMessage ? { replyMessage, content } : { content },
  };
}

/**
 * Builds a Carousel template from ListPicker/Panel templates, giving each its `templateIdentifier`.
 *
 * @example
 * ```ts
 * const carousel = createCarousel('Our plans', [['basic', basicPanel], ['pro', proPanel]]);
 * ```
 */
export function createCarousel(
  title: string,
  elements: ReadonlyArray<
    readonly [templateIdentifier: string, template: ListPickerTemplate | PanelTemplate]
  >,
): CarouselTemplate {
  return {
    templateType: 'Carousel',
    version: '1.0',
    data: {
      content: {
        title,
        elements: elements.map(([templateIdentifier, template]) => ({
          ...template,
          templateIdentifier,
        })),
      },
    },
  };
}

/**
 * Builds a ViewResource template: the message a Show view block sends, whose `viewToken` the
 * client redeems with DescribeView (§7.6). `viewData` is left out when undefined.
 *
 * @example
 * ```ts
 * const message = createViewResource({ viewId: 'form', viewToken: token, viewData: { orderId: '42' } });
 * ```
 */
export function createViewResource(
  content: ViewResourceTemplate['data']['content'],
): ViewResourceTemplate {
  const { viewId, viewToken, viewData } = content;
  return {
    templateType: 'ViewResource',
    version: '1.0',
    data: { content: { viewId, viewToken, ...(viewData !== undefined ? { viewData } : {}) } },
  };
}

/**
 * Serialises a template into the `Content` string of an
 * `application/vnd.amazonaws.connect.message.interactive` message.
 *
 * @example
 * ```ts
 * await sendItem({ ContentType: ContentType.interactive, Content: serializeTemplate(sampleListPicker) });
 * ```
 */
export function serializeTemplate(template: InteractiveTemplate): string {
  return JSON.stringify(template);
}

const image = (path: string, description: string): InteractiveImage => ({
  imageType: 'URL',
  imageData: `https://example.com/contact-kit/${path}`,
  imageDescription: description,
});

/**
 * A ListPicker of four products with images (https://example.com URLs) and a link element.
 *
 * @example
 * ```tsx
 * <InteractiveMessage content={serializeTemplate(sampleListPicker)} />
 * ```
 */
export const sampleListPicker: ListPickerTemplate = createListPicker(
  {
    title: 'Which product can I help you with?',
    subtitle: 'Tap to choose',
    ...image('products.png', 'Our products'),
    elements: [
      { title: 'Trail shoes', subtitle: '$89.00', ...image('trail-shoes.png', 'Trail shoes') },
      { title: 'Rain jacket', subtitle: '$129.00', ...image('rain-jacket.png', 'Rain jacket') },
      { title: 'Day pack', subtitle: '$59.00', ...image('day-pack.png', 'Day pack') },
      { title: 'Water bottle', subtitle: '$19.00', ...image('water-bottle.png', 'Water bottle') },
      { title: 'See the full catalog', type: 'hyperlink', url: 'https://example.com/catalog' },
    ],
  },
  { title: 'Thanks for choosing', subtitle: 'One moment please' },
);

/**
 * A Panel with three choices.
 *
 * @example
 * ```tsx
 * <InteractiveMessage content={serializeTemplate(samplePanel)} />
 * ```
 */
export const samplePanel: PanelTemplate = createPanel(
  {
    title: 'How can we help with your order?',
    subtitle: 'Choose a topic',
    ...image('support.png', 'Support'),
    elements: [
      { title: 'Track my order' },
      { title: 'Change my address' },
      { title: 'Return an item' },
    ],
  },
  { title: 'Got it', subtitle: 'Let me look into that' },
);

/**
 * A QuickReply asking for feedback.
 *
 * @example
 * ```tsx
 * <InteractiveMessage content={serializeTemplate(sampleQuickReply)} />
 * ```
 */
export const sampleQuickReply: QuickReplyTemplate = createQuickReply({
  title: 'How would you rate this chat so far?',
  elements: [{ title: 'Great' }, { title: 'Okay' }, { title: 'Not good' }],
});

/**
 * A Carousel of two Panels and a ListPicker, each with its `templateIdentifier`.
 *
 * @example
 * ```tsx
 * <InteractiveMessage content={serializeTemplate(sampleCarousel)} />
 * ```
 */
export const sampleCarousel: CarouselTemplate = createCarousel('Pick a plan', [
  [
    'plan-basic',
    createPanel({
      title: 'Basic',
      subtitle: '$5 a month',
      ...image('plan-basic.png', 'Basic plan'),
      elements: [{ title: 'Choose Basic' }, { title: 'Basic details' }],
    }),
  ],
  [
    'plan-plus',
    createPanel({
      title: 'Plus',
      subtitle: '$12 a month',
      ...image('plan-plus.png', 'Plus plan'),
      elements: [{ title: 'Choose Plus' }, { title: 'Plus details' }],
    }),
  ],
  [
    'plan-extras',
    createListPicker({
      title: 'Add-ons',
      subtitle: 'Optional extras',
      elements: [
        { title: 'Extra storage', subtitle: '$2 a month' },
        { title: 'Priority support', subtitle: '$3 a month' },
      ],
    }),
  ],
]);

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Formats a UTC instant as local time at `offsetMinutes`, e.g. `2026-03-02T09:00+01:00`. */
function isoWithOffset(utcMs: number, offsetMinutes: number): string {
  const local = new Date(utcMs + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}` +
    `T${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}` +
    `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
  );
}

/**
 * A TimePicker with six slots over the three days after `now` (10:00 and 14:30 local time at UTC+1),
 * and a location. Pass a fixed date for stable fixtures.
 *
 * @example
 * ```ts
 * const picker = createSampleTimePicker(new Date('2026-03-01T12:00:00Z'));
 * picker.data.content.timeslots[0]; // { date: '2026-03-02T10:00+01:00', duration: 30 }
 * ```
 */
export function createSampleTimePicker(now: Date, timeZoneOffset = 60): TimePickerTemplate {
  const localNow = new Date(now.getTime() + timeZoneOffset * 60_000);
  const localMidnightUtc =
    Date.UTC(localNow.getUTCFullYear(), localNow.getUTCMonth(), localNow.getUTCDate()) -
    timeZoneOffset * 60_000;
  const timeslots: TimeSlot[] = [];
  for (let day = 1; day <= 3; day += 1) {
    for (const minutes of [10 * 60, 14 * 60 + 30]) {
      const start = localMidnightUtc + day * 86_400_000 + minutes * 60_000;
      timeslots.push({ date: isoWithOffset(start, timeZoneOffset), duration: 30 });
    }
  }
  return createTimePicker(
    {
      title: 'When would you like to visit the store?',
      subtitle: 'Appointments last 30 minutes',
      timeZoneOffset,
      location: { latitude: 47.6062, longitude: -122.3321, title: 'Main Street store', radius: 1 },
      timeslots,
    },
    { title: 'Appointment requested', subtitle: 'We will confirm shortly' },
  );
}

/**
 * The catalog behind {@link createPagedListPicker}: ten services, shown four at a time.
 *
 * @example
 * ```ts
 * catalogItems.length; // 10
 * ```
 */
export const catalogItems: readonly { title: string; subtitle: string }[] = [
  { title: 'Screen repair', subtitle: '$79' },
  { title: 'Battery swap', subtitle: '$49' },
  { title: 'Data recovery', subtitle: '$99' },
  { title: 'Device setup', subtitle: '$29' },
  { title: 'Virus removal', subtitle: '$59' },
  { title: 'Camera repair', subtitle: '$69' },
  { title: 'Speaker repair', subtitle: '$39' },
  { title: 'Port cleaning', subtitle: '$19' },
  { title: 'Water damage check', subtitle: '$45' },
  { title: 'Trade-in quote', subtitle: 'Free' },
];

/**
 * The `listId` of the paginated sample list.
 *
 * @example
 * ```ts
 * if (response.data.listId === CATALOG_LIST_ID) sendNextPage();
 * ```
 */
export const CATALOG_LIST_ID = 'repairServices';

const CATALOG_PAGE_SIZE = 4;

/**
 * One page of the paginated sample ListPicker (pagination extension of §7.1): up to four catalog items
 * starting at `startIndex`, a `PREVIOUS_OPTIONS` element when there are earlier items and a
 * `SHOW_MORE` element when there are later ones. `preIndex` is the index just before the page (`-1`
 * on the first page) and `nextIndex` the first index of the next page.
 *
 * @example
 * ```ts
 * const first = createPagedListPicker(0, 'ref-1'); // items 0–3 + Show more, nextIndex 4
 * const second = createPagedListPicker(first.data.content.nextIndex!, 'ref-1');
 * ```
 */
export function createPagedListPicker(startIndex: number, referenceId: string): ListPickerTemplate {
  const start = Math.min(Math.max(0, Math.trunc(startIndex)), catalogItems.length - 1);
  const page = catalogItems.slice(start, start + CATALOG_PAGE_SIZE);
  const end = start + page.length;
  const elements: ListPickerElement[] = [];
  if (start > 0) {
    elements.push({ title: 'Previous options', actionDetail: 'PREVIOUS_OPTIONS' });
  }
  elements.push(...page.map((item) => ({ ...item })));
  if (end < catalogItems.length) {
    elements.push({ title: 'Show more', actionDetail: 'SHOW_MORE' });
  }
  return createListPicker({
    title: 'Which repair service do you need?',
    subtitle: `Showing ${start + 1}–${end} of ${catalogItems.length}`,
    elements,
    listId: CATALOG_LIST_ID,
    referenceId,
    preIndex: start - 1,
    nextIndex: end,
  });
}

/**
 * The start index of the page a pagination button asks for: `nextIndex` for `SHOW_MORE`, the page
 * ending at `preIndex` for `PREVIOUS_OPTIONS`.
 *
 * @example
 * ```ts
 * pageStartFor('PREVIOUS_OPTIONS', { preIndex: 3, nextIndex: 8 }); // 0
 * ```
 */
export function pageStartFor(
  action: 'SHOW_MORE' | 'PREVIOUS_OPTIONS',
  indices: { preIndex: number; nextIndex: number },
): number {
  return action === 'SHOW_MORE'
    ? indices.nextIndex
    : Math.max(0, indices.preIndex - CATALOG_PAGE_SIZE + 1);
}

/**
 * One sample of each template type, for fixtures and stories. The TimePicker's slots are fixed in
 * March 2026 so snapshots stay stable.
 *
 * @example
 * ```ts
 * await session.sendInteractive(sampleTemplates.Panel); // as a contact flow would post it
 * ```
 */
export const sampleTemplates: {
  ListPicker: ListPickerTemplate;
  PagedListPicker: ListPickerTemplate;
  Panel: PanelTemplate;
  QuickReply: QuickReplyTemplate;
  TimePicker: TimePickerTemplate;
  Carousel: CarouselTemplate;
} = {
  ListPicker: sampleListPicker,
  PagedListPicker: createPagedListPicker(4, 'sample-reference'),
  Panel: samplePanel,
  QuickReply: sampleQuickReply,
  TimePicker: createSampleTimePicker(new Date('2026-03-01T12:00:00Z')),
  Carousel: sampleCarousel,
};

/**
 * Checks a parsed value against the template shapes of participant-protocol.md §7 and returns the
 * problems found (empty when valid). Used by tests and handy when hand-writing fixtures.
 *
 * @example
 * ```ts
 * templateProblems(JSON.parse(item.Content)); // []
 * templateProblems({ templateType: 'Panel' }); // ['version must be "1.0"', ...]
 * ```
 */
export function templateProblems(value: unknown): string[] {
  const problems: string[] = [];
  checkTemplate(value, '', problems, true);
  return problems;
}

type Dict = Record<string, unknown>;
const isDict = (value: unknown): value is Dict =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkString(
  owner: Dict,
  key: string,
  path: string,
  problems: string[],
  required: boolean,
): void {
  const value = owner[key];
  if (value === undefined) {
    if (required) {
      problems.push(`${path}${key} is required`);
    }
  } else if (typeof value !== 'string' || value.length === 0) {
    problems.push(`${path}${key} must be a non-empty string`);
  }
}

function checkImage(owner: Dict, path: string, problems: string[]): void {
  if (owner.imageType !== undefined && owner.imageType !== 'URL') {
    problems.push(`${path}imageType must be "URL"`);
  }
  checkString(owner, 'imageData', path, problems, false);
  checkString(owner, 'imageDescription', path, problems, false);
  if (typeof owner.imageData === 'string' && !owner.imageData.startsWith('https://')) {
    problems.push(`${path}imageData must be an https URL`);
  }
}

function checkElements(
  content: Dict,
  path: string,
  problems: string[],
  max: number,
  check: (element: Dict, elementPath: string) => void,
): void {
  const elements = content.elements;
  if (!Array.isArray(elements) || elements.length < 1 || elements.length > max) {
    problems.push(`${path}elements must hold 1–${max} elements`);
    return;
  }
  elements.forEach((element: unknown, index) => {
    const elementPath = `${path}elements[${index}].`;
    if (!isDict(element)) {
      problems.push(`${elementPath.slice(0, -1)} must be an object`);
      return;
    }
    checkString(element, 'title', elementPath, problems, true);
    check(element, elementPath);
  });
}

function checkTemplate(
  value: unknown,
  path: string,
  problems: string[],
  allowCarousel: boolean,
): void {
  if (!isDict(value)) {
    problems.push(`${path || 'template'} must be an object`);
    return;
  }
  if (value.version !== '1.0') {
    problems.push(`${path}version must be "1.0"`);
  }
  const data = value.data;
  if (!isDict(data)) {
    problems.push(`${path}data must be an object`);
    return;
  }
  const content = data.content;
  if (!isDict(content)) {
    problems.push(`${path}data.content must be an object`);
    return;
  }
  const contentPath = `${path}data.content.`;
  if (data.replyMessage !== undefined) {
    if (isDict(data.replyMessage)) {
      checkString(data.replyMessage, 'title', `${path}data.replyMessage.`, problems, true);
      checkImage(data.replyMessage, `${path}data.replyMessage.`, problems);
    } else {
      problems.push(`${path}data.replyMessage must be an object`);
    }
  }
  checkString(content, 'title', contentPath, problems, true);
  checkString(content, 'subtitle', contentPath, problems, false);
  switch (value.templateType) {
    case 'ListPicker':
      checkImage(content, contentPath, problems);
      checkElements(content, contentPath, problems, 6, (element, elementPath) => {
        checkImage(element, elementPath, problems);
        if (element.type !== undefined && element.type !== 'hyperlink') {
          problems.push(`${elementPath}type must be "hyperlink"`);
        }
        if (element.type === 'hyperlink') {
          checkString(element, 'url', elementPath, problems, true);
        }
        if (
          element.actionDetail !== undefined &&
          element.actionDetail !== 'SHOW_MORE' &&
          element.actionDetail !== 'PREVIOUS_OPTIONS'
        ) {
          problems.push(`${elementPath}actionDetail must be SHOW_MORE or PREVIOUS_OPTIONS`);
        }
      });
      if (
        Array.isArray(content.elements) &&
        content.elements.some(
          (element: unknown) => isDict(element) && element.actionDetail !== undefined,
        )
      ) {
        checkString(content, 'listId', contentPath, problems, true);
        checkString(content, 'referenceId', contentPath, problems, true);
        for (const key of ['preIndex', 'nextIndex']) {
          if (!Number.isInteger(content[key])) {
            problems.push(`${contentPath}${key} must be an integer`);
          }
        }
      }
      break;
    case 'Panel':
      checkImage(content, contentPath, problems);
      checkElements(content, contentPath, problems, 10, () => {});
      break;
    case 'QuickReply':
      checkElements(content, contentPath, problems, 10, () => {});
      break;
    case 'TimePicker': {
      const slots = content.timeslots;
      if (!Array.isArray(slots) || slots.length < 1 || slots.length > 20) {
        problems.push(`${contentPath}timeslots must hold 1–20 slots`);
      } else {
        slots.forEach((slot: unknown, index) => {
          const slotPath = `${contentPath}timeslots[${index}].`;
          if (
            !isDict(slot) ||
            typeof slot.date !== 'string' ||
            Number.isNaN(Date.parse(slot.date))
          ) {
            problems.push(`${slotPath}date must be an ISO date`);
          }
          if (!isDict(slot) || !Number.isInteger(slot.duration) || (slot.duration as number) <= 0) {
            problems.push(`${slotPath}duration must be a positive number of minutes`);
          }
        });
      }
      if (content.timeZoneOffset !== undefined && !Number.isInteger(content.timeZoneOffset)) {
        problems.push(`${contentPath}timeZoneOffset must be an integer`);
      }
      if (content.location !== undefined) {
        const location = content.location;
        if (
          !isDict(location) ||
          typeof location.latitude !== 'number' ||
          typeof location.longitude !== 'number' ||
          typeof location.title !== 'string'
        ) {
          problems.push(`${contentPath}location needs latitude, longitude and title`);
        }
      }
      break;
    }
    case 'Carousel':
      if (!allowCarousel) {
        problems.push(`${path}templateType Carousel cannot be nested`);
        break;
      }
      if (
        !Array.isArray(content.elements) ||
        content.elements.length < 1 ||
        content.elements.length > 10
      ) {
        problems.push(`${contentPath}elements must hold 1–10 templates`);
      } else {
        content.elements.forEach((element: unknown, index) => {
          const elementPath = `${contentPath}elements[${index}].`;
          if (!isDict(element)) {
            problems.push(`${elementPath.slice(0, -1)} must be an object`);
            return;
          }
          checkString(element, 'templateIdentifier', elementPath, problems, true);
          if (element.templateType !== 'ListPicker' && element.templateType !== 'Panel') {
            problems.push(`${elementPath}templateType must be ListPicker or Panel`);
          }
          checkTemplate(element, elementPath, problems, false);
        });
      }
      break;
    default:
      problems.push(
        `${path}templateType ${JSON.stringify(value.templateType)} is not a known template`,
      );
  }
}
