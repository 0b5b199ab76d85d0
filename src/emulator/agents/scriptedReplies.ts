/**
 * The scripted agent's brain: a pure function from (state, customer message) to the next state and
 * the actions to take. The agent shell runs the actions over the Participant Service API.
 *
 * @packageDocumentation
 */
import {
  CATALOG_LIST_ID,
  createPagedListPicker,
  createSampleTimePicker,
  pageStartFor,
  sampleCarousel,
  sampleListPicker,
  samplePanel,
  sampleQuickReply,
} from './templates';
import type { InteractiveTemplate } from '../../core/chat/interactive/interactiveTemplate';

/**
 * One thing the scripted agent does in reply.
 *
 * @example
 * ```ts
 * for (const action of scriptedReply(state, message, context).actions) {
 *   if (action.type === 'sendMessage') await session.sendMessage(action.contentType, action.content, clientToken);
 * }
 * ```
 */
export type ScriptedAction =
  | { type: 'sendMessage'; contentType: 'text/plain' | 'text/markdown'; content: string }
  /** Sent the way a contact flow or Lex bot sends it (role SYSTEM, name BOT). */
  | { type: 'sendInteractive'; template: InteractiveTemplate }
  /** Show a step-by-step guide view with its sample data, as a Show view block does. */
  | { type: 'showView'; viewId: string }
  /** Upload and send the sample attachment. */
  | { type: 'sendAttachment' }
  /** End the whole contact (StopContact). */
  | { type: 'endChat' }
  /** Run an "Authenticate customer" flow block (the customer is asked to sign in). */
  | { type: 'startAuthentication'; timeoutSeconds: number }
  /** Turn on message processing that rejects customer messages containing `match`. */
  | { type: 'setProcessing'; status: 'REJECTED' | 'FAILED'; match: string };

/**
 * What the scripted agent remembers between messages: the choices it offered (lower-cased title →
 * confirmation text) and whether a TimePicker is waiting for an answer.
 *
 * @example
 * ```ts
 * let state = initialScriptedState;
 * ({ state } = scriptedReply(state, message, context));
 * ```
 */
export interface ScriptedState {
  readonly choices: Readonly<Record<string, string>>;
  readonly awaitingTime: boolean;
}

/**
 * The state of a fresh conversation.
 *
 * @example
 * ```ts
 * scriptedReply(initialScriptedState, { contentType: 'text/plain', content: 'help' }, context);
 * ```
 */
export const initialScriptedState: ScriptedState = { choices: {}, awaitingTime: false };

/**
 * A customer message as the scripted agent sees it.
 *
 * @example
 * ```ts
 * scriptedReply(state, { contentType: item.ContentType ?? 'text/plain', content: item.Content ?? '' }, context);
 * ```
 */
export interface CustomerMessage {
  contentType: string;
  content: string;
}

/**
 * Inputs the reply may depend on besides the message: the current time (TimePicker slots) and the
 * message's `Id` (seeds the `referenceId` of a paginated list).
 *
 * @example
 * ```ts
 * scriptedReply(state, message, { now: new Date(clock.now()), messageId: item.Id });
 * ```
 */
export interface ScriptedContext {
  now: Date;
  messageId: string;
}

/** The word the `reject` keyword's processing rule rejects. */
const REJECTED_WORD = 'secret';
/** How long the `signin` keyword's sign-in request waits, in seconds. */
const SIGN_IN_TIMEOUT_SECONDS = 120;

/**
 * The keywords the scripted agent understands (case-insensitive, anywhere in the message as a
 * word), with the description its `help` reply shows.
 *
 * @example
 * ```ts
 * SCRIPTED_KEYWORDS.map((k) => k.keyword); // ['help', 'markdown', 'list', ...]
 * ```
 */
export const SCRIPTED_KEYWORDS = [
  { keyword: 'help', description: 'this list of keywords' },
  { keyword: 'markdown', description: 'a formatted message (bold, a list and a link)' },
  { keyword: 'list', description: 'a list picker with images' },
  { keyword: 'more', description: 'a long list picker you can page with "Show more"' },
  { keyword: 'panel', description: 'a panel of choices' },
  { keyword: 'quick', description: 'quick reply buttons' },
  { keyword: 'time', description: 'a time picker to book an appointment' },
  { keyword: 'carousel', description: 'a carousel of plans' },
  { keyword: 'file', description: 'I send you a file' },
  { keyword: 'signin', description: 'the flow asks you to sign in (customer authentication)' },
  {
    keyword: 'reject',
    description: `message processing rejects your messages containing "${REJECTED_WORD}"`,
  },
  { keyword: 'form', description: 'a step-by-step guide: a return form' },
  { keyword: 'cards', description: 'a step-by-step guide: cards to choose a plan' },
  { keyword: 'list view', description: 'a step-by-step guide: a list of your orders' },
  { keyword: 'detail', description: 'a step-by-step guide: the details of an order' },
  { keyword: 'confirm', description: 'a step-by-step guide: a confirmation' },
  { keyword: 'bye', description: 'I say goodbye and end the chat' },
] as const;

/**
 * One of the scripted agent's keywords.
 *
 * @example
 * ```ts
 * const keyword = findKeyword('show me a carousel'); // 'carousel'
 * SCRIPTED_KEYWORDS.find((entry) => entry.keyword === keyword)?.description;
 * ```
 */
export type ScriptedKeyword = (typeof SCRIPTED_KEYWORDS)[number]['keyword'];

const KEYWORDS = new Set<string>(SCRIPTED_KEYWORDS.map((entry) => entry.keyword));

/**
 * The first keyword appearing as a word in `text`, or `undefined`.
 *
 * @example
 * ```ts
 * findKeyword('Show me a LIST please'); // 'list'
 * findKeyword('listing'); // undefined
 * findKeyword('list view'); // 'list view'
 * ```
 */
export function findKeyword(text: string): ScriptedKeyword | undefined {
  const words: string[] = text.toLowerCase().match(/[a-z]+/g) ?? [];
  // "list" alone is the list picker; with "view" or "guide" it is the List view guide.
  if (words.includes('list') && (words.includes('view') || words.includes('guide'))) {
    return 'list view';
  }
  return words.find((word) => KEYWORDS.has(word)) as ScriptedKeyword | undefined;
}

/** Longest quote the fallback reply repeats back. */
const QUOTE_LIMIT = 200;

const text = (content: string): ScriptedAction => ({
  type: 'sendMessage',
  contentType: 'text/plain',
  content,
});

/**
 * The first message of the scripted agent, addressing the customer by name.
 *
 * @example
 * ```ts
 * scriptedGreeting('Sam'); // [{ type: 'sendMessage', contentType: 'text/plain', content: 'Hi Sam, ...' }]
 * ```
 */
export function scriptedGreeting(customerDisplayName: string): ScriptedAction[] {
  const name = customerDisplayName.trim() || 'there';
  return [
    text(`Hi ${name}, I'm Alex. How can I help you today? Type "help" to see what I can show you.`),
  ];
}

/**
 * The `help` reply: every keyword with what it does.
 *
 * @example
 * ```ts
 * scriptedHelp().includes('markdown'); // true
 * ```
 */
export function scriptedHelp(): string {
  const lines = SCRIPTED_KEYWORDS.map((entry) => `• ${entry.keyword} — ${entry.description}`);
  return ['Here is what you can ask me (type a keyword):', ...lines].join('\n');
}

const MARKDOWN_SAMPLE = [
  'Here is some **formatted** text from your agent:',
  '',
  '- **Free shipping** on orders over $50',
  '- Returns within *30 days*',
  '- Support every day, 8am–8pm',
  '',
  'Read more in our [help center](https://example.com/help).',
].join('\n');

/** Choices offered by a template: lower-cased element title → confirmation text. */
function choicesOf(template: InteractiveTemplate): Record<string, string> {
  const choices: Record<string, string> = {};
  const add = (title: string, confirmation: string): void => {
    choices[title.toLowerCase()] = confirmation;
  };
  switch (template.templateType) {
    case 'ListPicker':
      for (const element of template.data.content.elements) {
        if (element.type !== 'hyperlink' && element.actionDetail === undefined) {
          add(element.title, `Great choice: ${element.title}. I've noted it on your request.`);
        }
      }
      break;
    case 'Panel':
      for (const element of template.data.content.elements) {
        add(element.title, `Okay, "${element.title}". Let me look into that for you.`);
      }
      break;
    case 'QuickReply':
      for (const element of template.data.content.elements) {
        add(element.title, `Thanks for the feedback: ${element.title}.`);
      }
      break;
    case 'Carousel':
      for (const inner of template.data.content.elements) {
        Object.assign(choices, choicesOf(inner));
      }
      break;
    case 'TimePicker':
    case 'ViewResource':
      break;
  }
  return choices;
}

function offer(
  state: ScriptedState,
  template: InteractiveTemplate,
): { state: ScriptedState; actions: ScriptedAction[] } {
  return {
    state: {
      choices: { ...state.choices, ...choicesOf(template) },
      awaitingTime: state.awaitingTime || template.templateType === 'TimePicker',
    },
    actions: [{ type: 'sendInteractive', template }],
  };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-03-02T10:00+01:00` → `Monday 2 March at 10:00 (UTC+01:00)`; undefined if not a slot date. */
function describeSlot(value: string): string | undefined {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      value.trim(),
    );
  if (!match || Number.isNaN(Date.parse(value.trim()))) {
    return undefined;
  }
  const [, year, month, day, hours, minutes, zone] = match;
  const weekday =
    WEEKDAYS[new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay()];
  const zoneText = zone === undefined ? '' : zone === 'Z' ? ' (UTC)' : ` (UTC${zone})`;
  return `${weekday} ${Number(day)} ${MONTHS[Number(month) - 1]} at ${hours}:${minutes}${zoneText}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    return undefined;
  }
}

const toIndex = (value: unknown): number | undefined => {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
};

/** The answer to a ListPicker "Show more"/"Previous options" button (§7.7). */
function pageReply(content: string): ScriptedAction[] {
  const response = parseJson(content);
  const data = isRecord(response) && isRecord(response.data) ? response.data : undefined;
  const action = isRecord(response) ? (response.action ?? data?.actionName) : undefined;
  const preIndex = toIndex(data?.preIndex);
  const nextIndex = toIndex(data?.nextIndex);
  if (
    data?.listId !== CATALOG_LIST_ID ||
    (action !== 'SHOW_MORE' && action !== 'PREVIOUS_OPTIONS') ||
    preIndex === undefined ||
    nextIndex === undefined
  ) {
    return [text('Sorry, I can\'t page that list. Type "more" to start it again.')];
  }
  const referenceId = typeof data.referenceId === 'string' ? data.referenceId : 'catalog';
  return [
    {
      type: 'sendInteractive',
      template: createPagedListPicker(pageStartFor(action, { preIndex, nextIndex }), referenceId),
    },
  ];
}

/** Shows a value of a view's output in one line. */
function outputValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The answer to a step-by-step guide (§7.7): the action and the output the customer sent, or
 * what they typed while the view was shown; `undefined` for any other interactive response.
 */
function viewReply(content: string): ScriptedAction[] | undefined {
  const response = parseJson(content);
  if (!isRecord(response) || response.templateType !== 'ViewResource') {
    return undefined;
  }
  const action = typeof response.action === 'string' ? response.action : '';
  const data = isRecord(response.data) ? response.data : {};
  if (action === ' ' && typeof data.content === 'string') {
    return [text(`You wrote "${data.content}" instead of using the guide. Noted!`)];
  }
  const fields = Object.entries(data)
    .filter(([, value]) => value !== '' && value !== undefined)
    .map(([key, value]) => `${key}: ${outputValue(value)}`);
  return [
    text(
      fields.length > 0
        ? `Guide answer: ${action} (${fields.join(', ')}).`
        : `Guide answer: ${action}.`,
    ),
  ];
}

function keywordReply(
  state: ScriptedState,
  keyword: ScriptedKeyword,
  context: ScriptedContext,
): { state: ScriptedState; actions: ScriptedAction[] } {
  switch (keyword) {
    case 'help':
      return { state, actions: [text(scriptedHelp())] };
    case 'markdown':
      return {
        state,
        actions: [{ type: 'sendMessage', contentType: 'text/markdown', content: MARKDOWN_SAMPLE }],
      };
    case 'list':
      return offer(state, sampleListPicker);
    case 'more':
      return offer(state, createPagedListPicker(0, `catalog-${context.messageId}`));
    case 'panel':
      return offer(state, samplePanel);
    case 'quick':
      return offer(state, sampleQuickReply);
    case 'time':
      return offer(state, createSampleTimePicker(context.now));
    case 'carousel':
      return offer(state, sampleCarousel);
    case 'file':
      return {
        state,
        actions: [text('Here is a file for you.'), { type: 'sendAttachment' }],
      };
    case 'signin':
      return {
        state,
        actions: [
          text('To look at your account I need you to sign in first.'),
          { type: 'startAuthentication', timeoutSeconds: SIGN_IN_TIMEOUT_SECONDS },
        ],
      };
    case 'reject':
      return {
        state,
        actions: [
          { type: 'setProcessing', status: 'REJECTED', match: REJECTED_WORD },
          text(
            `Message processing is on: a message containing "${REJECTED_WORD}" will be rejected and not delivered. Try it.`,
          ),
        ],
      };
    case 'form':
      return { state, actions: [{ type: 'showView', viewId: 'form' }] };
    case 'cards':
      return { state, actions: [{ type: 'showView', viewId: 'cards' }] };
    case 'list view':
      return { state, actions: [{ type: 'showView', viewId: 'list' }] };
    case 'detail':
      return { state, actions: [{ type: 'showView', viewId: 'detail' }] };
    case 'confirm':
      return { state, actions: [{ type: 'showView', viewId: 'confirmation' }] };
    case 'bye':
      return {
        state,
        actions: [text('Thanks for chatting with us. Goodbye!'), { type: 'endChat' }],
      };
  }
}

/**
 * Decides the scripted agent's reply to one customer message. In order: a ListPicker page button
 * (`…interactive.response`), a Carousel choice, a choice from an offered picker (text equal to an
 * element title), a TimePicker date, a keyword, else a friendly reply quoting the message.
 *
 * @example
 * ```ts
 * const { state, actions } = scriptedReply(initialScriptedState,
 *   { contentType: 'text/plain', content: 'panel' }, { now: new Date(), messageId: 'm1' });
 * actions[0]; // { type: 'sendInteractive', template: samplePanel }
 * ```
 */
export function scriptedReply(
  state: ScriptedState,
  message: CustomerMessage,
  context: ScriptedContext,
): { state: ScriptedState; actions: ScriptedAction[] } {
  if (message.contentType === 'application/vnd.amazonaws.connect.message.interactive.response') {
    const view = viewReply(message.content);
    return { state, actions: view ?? pageReply(message.content) };
  }
  const content = message.content.trim();
  const json = content.startsWith('{') ? parseJson(content) : undefined;
  if (isRecord(json) && typeof json.selectionText === 'string') {
    const plan = typeof json.listTitle === 'string' ? ` from ${json.listTitle}` : '';
    return { state, actions: [text(`You picked "${json.selectionText}"${plan}. Good choice!`)] };
  }
  const confirmation = state.choices[content.toLowerCase()];
  if (confirmation !== undefined) {
    return { state, actions: [text(confirmation)] };
  }
  const slot = state.awaitingTime ? describeSlot(content) : undefined;
  if (slot !== undefined) {
    return {
      state: { ...state, awaitingTime: false },
      actions: [text(`You're booked for ${slot}. See you at the Main Street store!`)],
    };
  }
  const keyword = findKeyword(content);
  if (keyword !== undefined) {
    return keywordReply(state, keyword, context);
  }
  const quote = content.length > QUOTE_LIMIT ? `${content.slice(0, QUOTE_LIMIT)}…` : content;
  return {
    state,
    actions: [
      text(`You said: "${quote}". I'm a demo agent; type "help" to see what I can show you.`),
    ],
  };
}
