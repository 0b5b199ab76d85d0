import { ChatError } from '../../protocol/errors';
import type {
  CarouselCard,
  InteractiveImage,
  InteractiveReplyMessage,
  InteractiveTemplate,
  ListPickerElement,
  ListPickerTemplate,
  PanelTemplate,
  QuickReplyTemplate,
  TimePickerLocation,
  TimePickerTemplate,
  TimeSlot,
} from './interactiveTemplate';

/**
 * The outcome of reading an interactive message: the typed template, or why it cannot be read.
 *
 * @example
 * ```ts
 * const result = parseInteractiveContent(item.Content ?? '');
 * if (!result.ok) logger.warn(result.error.message);
 * ```
 */
export type ParseInteractiveResult =
  { ok: true; template: InteractiveTemplate } | { ok: false; error: ChatError };

type Json = Record<string, unknown>;

/** Thrown internally by the field readers, turned into the `ok: false` result at the top. */
class Invalid extends Error {}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function object(value: unknown, path: string): Json {
  if (!isObject(value)) {
    throw new Invalid(`${path} must be an object`);
  }
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new Invalid(`${path} must be a non-empty string`);
  }
  return value;
}

function optionalString(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new Invalid(`${path} must be a string`);
  }
  return value;
}

function number(value: unknown, path: string): number {
  // Bots built from flow JSON sometimes quote numbers; a numeric string is read as its number.
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof parsed !== 'number' || !Number.isFinite(parsed)) {
    throw new Invalid(`${path} must be a number`);
  }
  return parsed;
}

function optionalNumber(value: unknown, path: string): number | undefined {
  return value === undefined || value === null ? undefined : number(value, path);
}

function optionalIndex(value: unknown, path: string): number | string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value === 'number' || typeof value === 'string') {
    return value;
  }
  throw new Invalid(`${path} must be a number or a string`);
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new Invalid(`${path} must be a non-empty array`);
  }
  return value;
}

/** Copies only the defined members, so parsed objects carry no `undefined` keys. */
function defined<T extends object>(value: T): T {
  const out: Json = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) {
      out[key] = member;
    }
  }
  return out as T;
}

function image(source: Json, path: string): InteractiveImage {
  return defined({
    imageType: optionalString(source.imageType, `${path}.imageType`),
    imageData: optionalString(source.imageData, `${path}.imageData`),
    imageDescription: optionalString(source.imageDescription, `${path}.imageDescription`),
  });
}

function replyMessage(value: unknown, path: string): InteractiveReplyMessage | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const source = object(value, path);
  return defined({
    title: string(source.title, `${path}.title`),
    subtitle: optionalString(source.subtitle, `${path}.subtitle`),
    ...image(source, path),
  });
}

function titled(value: unknown, path: string): { title: string } {
  return { title: string(object(value, path).title, `${path}.title`) };
}

function titledList(value: unknown, path: string): Array<{ title: string }> {
  return list(value, path).map((element, index) => titled(element, `${path}[${index}]`));
}

function listPickerElement(value: unknown, path: string): ListPickerElement {
  const source = object(value, path);
  const actionDetail = source.actionDetail;
  if (
    actionDetail !== undefined &&
    actionDetail !== null &&
    actionDetail !== 'SHOW_MORE' &&
    actionDetail !== 'PREVIOUS_OPTIONS'
  ) {
    throw new Invalid(`${path}.actionDetail must be SHOW_MORE or PREVIOUS_OPTIONS`);
  }
  const element: ListPickerElement = defined({
    title: string(source.title, `${path}.title`),
    subtitle: optionalString(source.subtitle, `${path}.subtitle`),
    ...image(source, path),
    type: optionalString(source.type, `${path}.type`),
    url: optionalString(source.url, `${path}.url`),
    actionDetail: actionDetail ?? undefined,
  });
  if (element.type === 'hyperlink' && !element.url) {
    throw new Invalid(`${path}.url is required on a hyperlink element`);
  }
  return element;
}

function version(source: Json): string {
  return optionalString(source.version, 'version') || '1.0';
}

/**
 * A picker template (ListPicker, Panel, QuickReply, TimePicker): its `data` has an optional
 * `replyMessage` and a `content` with a `title` and an optional `subtitle`, followed by the
 * members `rest` reads from the content. Fields are read in document order, so the first bad one
 * is the one reported.
 */
function pickerTemplate<TType extends string, TRest extends object>(
  templateType: TType,
  source: Json,
  data: Json,
  path: string,
  rest: (content: Json, contentPath: string) => TRest,
): {
  templateType: TType;
  version: string;
  data: {
    replyMessage: InteractiveReplyMessage | undefined;
    content: { title: string; subtitle: string | undefined } & TRest;
  };
} {
  const content = object(data.content, `${path}.content`);
  return {
    templateType,
    version: version(source),
    data: defined({
      replyMessage: replyMessage(data.replyMessage, `${path}.replyMessage`),
      content: defined({
        title: string(content.title, `${path}.content.title`),
        subtitle: optionalString(content.subtitle, `${path}.content.subtitle`),
        ...rest(content, `${path}.content`),
      }),
    }),
  };
}

function listPicker(source: Json, data: Json, path: string): ListPickerTemplate {
  return pickerTemplate('ListPicker', source, data, path, (content, contentPath) => ({
    ...image(content, contentPath),
    elements: list(content.elements, `${contentPath}.elements`).map((element, index) =>
      listPickerElement(element, `${contentPath}.elements[${index}]`),
    ),
    listId: optionalString(content.listId, `${contentPath}.listId`),
    referenceId: optionalString(content.referenceId, `${contentPath}.referenceId`),
    preIndex: optionalIndex(content.preIndex, `${contentPath}.preIndex`),
    nextIndex: optionalIndex(content.nextIndex, `${contentPath}.nextIndex`),
  }));
}

function panel(source: Json, data: Json, path: string): PanelTemplate {
  return pickerTemplate('Panel', source, data, path, (content, contentPath) => ({
    ...image(content, contentPath),
    elements: titledList(content.elements, `${contentPath}.elements`),
  }));
}

function quickReply(source: Json, data: Json, path: string): QuickReplyTemplate {
  return pickerTemplate('QuickReply', source, data, path, (content, contentPath) => ({
    elements: titledList(content.elements, `${contentPath}.elements`),
  }));
}

function timePicker(source: Json, data: Json, path: string): TimePickerTemplate {
  return pickerTemplate('TimePicker', source, data, path, (content, contentPath) => ({
    timeZoneOffset: optionalNumber(content.timeZoneOffset, `${contentPath}.timeZoneOffset`),
    location: location(content.location, `${contentPath}.location`),
    timeslots: list(content.timeslots, `${contentPath}.timeslots`).map((slot, index) =>
      timeslot(slot, `${contentPath}.timeslots[${index}]`),
    ),
  }));
}

function location(value: unknown, path: string): TimePickerLocation | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const source = object(value, path);
  return defined({
    latitude: number(source.latitude, `${path}.latitude`),
    longitude: number(source.longitude, `${path}.longitude`),
    title: string(source.title, `${path}.title`),
    radius: optionalNumber(source.radius, `${path}.radius`),
  });
}

function timeslot(value: unknown, path: string): TimeSlot {
  const source = object(value, path);
  const date = string(source.date, `${path}.date`);
  if (Number.isNaN(Date.parse(date))) {
    throw new Invalid(`${path}.date must be an ISO-8601 date`);
  }
  return { date, duration: number(source.duration, `${path}.duration`) };
}

function carouselCard(value: unknown, path: string): CarouselCard {
  const source = object(value, path);
  const templateIdentifier = string(source.templateIdentifier, `${path}.templateIdentifier`);
  const data = object(source.data, `${path}.data`);
  if (source.templateType === 'ListPicker') {
    return { ...listPicker(source, data, `${path}.data`), templateIdentifier };
  }
  if (source.templateType === 'Panel') {
    return { ...panel(source, data, `${path}.data`), templateIdentifier };
  }
  throw new Invalid(`${path}.templateType must be ListPicker or Panel`);
}

/** `viewData` may be a JSON string, and so may its values; objects hidden in strings are opened. */
function viewData(value: unknown): unknown {
  const open = (member: unknown): unknown => {
    if (typeof member !== 'string') {
      return member;
    }
    const trimmed = member.trim();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
      return member;
    }
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return member;
    }
  };
  const opened = open(value);
  if (!isObject(opened)) {
    return opened;
  }
  return Object.fromEntries(Object.entries(opened).map(([key, member]) => [key, open(member)]));
}

function template(source: Json): InteractiveTemplate {
  const templateType = string(source.templateType, 'templateType');
  const data = object(source.data, 'data');
  switch (templateType) {
    case 'ListPicker':
      return listPicker(source, data, 'data');
    case 'Panel':
      return panel(source, data, 'data');
    case 'QuickReply':
      return quickReply(source, data, 'data');
    case 'TimePicker':
      return timePicker(source, data, 'data');
    case 'Carousel': {
      const content = object(data.content, 'data.content');
      return {
        templateType,
        version: version(source),
        data: {
          content: defined({
            title: optionalString(content.title, 'data.content.title'),
            elements: list(content.elements, 'data.content.elements').map((card, index) =>
              carouselCard(card, `data.content.elements[${index}]`),
            ),
          }),
        },
      };
    }
    case 'ViewResource': {
      const content = object(data.content, 'data.content');
      return {
        templateType,
        version: version(source),
        data: {
          content: defined({
            viewId: string(content.viewId, 'data.content.viewId'),
            viewToken: string(content.viewToken, 'data.content.viewToken'),
            viewData: content.viewData === undefined ? undefined : viewData(content.viewData),
          }),
        },
      };
    }
    default:
      throw new Invalid(`unknown templateType "${templateType}"`);
  }
}

/**
 * Reads the `Content` of an interactive message (protocol §7) into a typed template. Never throws
 * on bad server data: a malformed template comes back as `ok: false` with an `INTERACTIVE_INVALID`
 * {@link ChatError} naming the offending field. Unknown extra fields are ignored.
 *
 * @example
 * ```ts
 * const result = parseInteractiveContent(
 *   '{"templateType":"QuickReply","version":"1.0","data":{"content":{"title":"OK?","elements":[{"title":"Yes"}]}}}',
 * );
 * if (result.ok && result.template.templateType === 'QuickReply') {
 *   result.template.data.content.elements; // [{ title: 'Yes' }]
 * }
 * ```
 */
export function parseInteractiveContent(content: string): ParseInteractiveResult {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return {
      ok: false,
      error: new ChatError('INTERACTIVE_INVALID', 'Interactive message content is not JSON'),
    };
  }
  try {
    return { ok: true, template: template(object(json, 'content')) };
  } catch (error) {
    if (error instanceof Invalid) {
      return {
        ok: false,
        error: new ChatError(
          'INTERACTIVE_INVALID',
          `Invalid interactive template: ${error.message}`,
        ),
      };
    }
    throw error;
  }
}
