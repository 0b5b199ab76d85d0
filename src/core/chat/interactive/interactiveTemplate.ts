/**
 * Typed shapes of the interactive message templates a bot or flow sends with ContentType
 * `application/vnd.amazonaws.connect.message.interactive` (participant protocol §7). The content is
 * `{"templateType", "version", "data": {...}}`; unknown extra fields are tolerated and kept out of
 * these types.
 *
 * @packageDocumentation
 */

/**
 * An optional image on a template, a reply message or an element.
 *
 * @example
 * ```ts
 * const image = template.data.content.elements[0]?.image;
 * if (image?.imageType === 'URL') thumbnail.src = image.imageData;
 * ```
 */
export interface InteractiveImage {
  /** How `imageData` is to be read; `"URL"` in practice. */
  imageType?: string;
  /** The image, e.g. its URL. */
  imageData?: string;
  /** Alternative text of the image. */
  imageDescription?: string;
}

/**
 * What the UI shows as the customer's reply bubble once a choice is made (optional in templates).
 *
 * @example
 * ```ts
 * const thanks = template.data.replyMessage?.title; // shown after the customer's choice
 * ```
 */
export interface InteractiveReplyMessage extends InteractiveImage {
  /** Title of the reply bubble. */
  title: string;
  /** Subtitle of the reply bubble. */
  subtitle?: string;
}

/**
 * One choice of a ListPicker. A `type: "hyperlink"` element opens `url` and sends nothing; an
 * element with `actionDetail` asks the bot for another page of choices.
 *
 * @example
 * ```ts
 * const choices = template.data.content.elements.filter((element) => element.actionDetail !== 'SHOW_MORE');
 * ```
 */
export interface ListPickerElement extends InteractiveImage {
  /** Text of the choice; sent back as the reply. */
  title: string;
  /** Second line of the choice. */
  subtitle?: string;
  /** `"hyperlink"` for a link element (no reply is sent). */
  type?: string;
  /** Target of a hyperlink element. */
  url?: string;
  /** Pagination action of this element. */
  actionDetail?: 'SHOW_MORE' | 'PREVIOUS_OPTIONS';
}

/**
 * The `data.content` of a ListPicker, with the optional pagination extension.
 *
 * @example
 * ```ts
 * if (template?.templateType === 'ListPicker') heading.textContent = template.data.content.title;
 * ```
 */
export interface ListPickerContent extends InteractiveImage {
  /** Title of the picker. */
  title: string;
  /** Subtitle of the picker. */
  subtitle?: string;
  /** The choices (at least one). */
  elements: readonly ListPickerElement[];
  /** Pagination: the bot's list id. */
  listId?: string;
  /** Pagination: a re-sent picker with the same `referenceId` replaces the previous one. */
  referenceId?: string;
  /** Pagination: index of the previous page. */
  preIndex?: number | string;
  /** Pagination: index of the next page. */
  nextIndex?: number | string;
}

/**
 * A list of up to six choices, each with an optional image (protocol §7.1).
 *
 * @example
 * ```ts
 * if (template.templateType === 'ListPicker') render(template.data.content.elements);
 * ```
 */
export interface ListPickerTemplate {
  /** Discriminant. */
  templateType: 'ListPicker';
  /** Template version, `"1.0"` when absent. */
  version: string;
  /** The template's data. */
  data: { replyMessage?: InteractiveReplyMessage; content: ListPickerContent };
}

/**
 * One button of a Panel.
 *
 * @example
 * ```ts
 * await respond({ choice: template.data.content.elements[0]! }); // e.g. { title: 'Track my order' }
 * ```
 */
export interface PanelElement {
  /** Text of the button; sent back as the reply. */
  title: string;
}

/**
 * The `data.content` of a Panel.
 *
 * @example
 * ```ts
 * const labels = template.data.content.elements.map((element) => element.title);
 * ```
 */
export interface PanelContent extends InteractiveImage {
  /** Title of the panel. */
  title: string;
  /** Subtitle of the panel. */
  subtitle?: string;
  /** The buttons (at least one). */
  elements: readonly PanelElement[];
}

/**
 * A title with a column of buttons (protocol §7.2).
 *
 * @example
 * ```ts
 * if (template.templateType === 'Panel') render(template.data.content.elements);
 * ```
 */
export interface PanelTemplate {
  /** Discriminant. */
  templateType: 'Panel';
  /** Template version, `"1.0"` when absent. */
  version: string;
  /** The template's data. */
  data: { replyMessage?: InteractiveReplyMessage; content: PanelContent };
}

/**
 * One chip of a QuickReply.
 *
 * @example
 * ```ts
 * const yes = template.data.content.elements.find((element) => element.title === 'Yes');
 * if (yes) await respond({ choice: yes });
 * ```
 */
export interface QuickReplyElement {
  /** Text of the chip; sent back as the reply. */
  title: string;
}

/**
 * A question with short reply chips (protocol §7.4).
 *
 * @example
 * ```ts
 * if (template.templateType === 'QuickReply') render(template.data.content.elements);
 * ```
 */
export interface QuickReplyTemplate {
  /** Discriminant. */
  templateType: 'QuickReply';
  /** Template version, `"1.0"` when absent. */
  version: string;
  /** The template's data. */
  data: {
    replyMessage?: InteractiveReplyMessage;
    content: { title: string; subtitle?: string; elements: readonly QuickReplyElement[] };
  };
}

/**
 * One bookable slot of a TimePicker.
 *
 * @example
 * ```ts
 * const [first] = template.data.content.timeslots;
 * if (first) await respond({ timeslot: first }); // { date: '2020-10-31T17:00+00:00', duration: 60 }
 * ```
 */
export interface TimeSlot {
  /** Start, an ISO-8601 string as the bot wrote it; sent back verbatim as the reply. */
  date: string;
  /** Length in minutes. */
  duration: number;
}

/**
 * Where an appointment takes place.
 *
 * @example
 * ```ts
 * const where = template.data.content.location;
 * if (where) mapLink.href = `https://maps.example/?q=${where.latitude},${where.longitude}`;
 * ```
 */
export interface TimePickerLocation {
  /** Latitude in degrees. */
  latitude: number;
  /** Longitude in degrees. */
  longitude: number;
  /** Name of the place. */
  title: string;
  /** Radius in meters. */
  radius?: number;
}

/**
 * An appointment picker (protocol §7.3).
 *
 * @example
 * ```ts
 * if (template.templateType === 'TimePicker') render(template.data.content.timeslots);
 * ```
 */
export interface TimePickerTemplate {
  /** Discriminant. */
  templateType: 'TimePicker';
  /** Template version, `"1.0"` when absent. */
  version: string;
  /** The template's data. */
  data: {
    replyMessage?: InteractiveReplyMessage;
    content: {
      title: string;
      subtitle?: string;
      /** Offset of the slots' time zone from UTC, in minutes (e.g. -450). */
      timeZoneOffset?: number;
      location?: TimePickerLocation;
      /** The slots (at least one). */
      timeslots: readonly TimeSlot[];
    };
  };
}

/**
 * A card of a Carousel: a full ListPicker or Panel template with its `templateIdentifier`.
 *
 * @example
 * ```ts
 * const title = card.data.content.title;
 * ```
 */
export type CarouselCard = (ListPickerTemplate | PanelTemplate) & {
  /** The card's id, sent back with the choice. */
  templateIdentifier: string;
};

/**
 * A horizontal row of cards, each a ListPicker or Panel (protocol §7.5).
 *
 * @example
 * ```ts
 * if (template.templateType === 'Carousel') render(template.data.content.elements);
 * ```
 */
export interface CarouselTemplate {
  /** Discriminant. */
  templateType: 'Carousel';
  /** Template version, `"1.0"` when absent. */
  version: string;
  /** The template's data. */
  data: { content: { title?: string; elements: readonly CarouselCard[] } };
}

/**
 * A step-by-step guide view: the client calls DescribeView with `viewToken` and renders the view
 * with `viewData` as input (protocol §7.6).
 *
 * @example
 * ```ts
 * if (template.templateType === 'ViewResource') describeView(template.data.content.viewToken);
 * ```
 */
export interface ViewResourceTemplate {
  /** Discriminant. */
  templateType: 'ViewResource';
  /** Template version, `"1.0"` when absent. */
  version: string;
  /** The template's data. */
  data: {
    content: {
      /** The view's id. */
      viewId: string;
      /** Token for DescribeView. */
      viewToken: string;
      /** Input of the view; JSON strings in it are parsed when they hold an object. */
      viewData?: unknown;
    };
  };
}

/**
 * Any interactive template, discriminated on `templateType`.
 *
 * @example
 * ```ts
 * switch (template.templateType) {
 *   case 'ListPicker': return <ListPicker template={template} />;
 *   case 'TimePicker': return <TimePicker template={template} />;
 * }
 * ```
 */
export type InteractiveTemplate =
  | ListPickerTemplate
  | PanelTemplate
  | QuickReplyTemplate
  | TimePickerTemplate
  | CarouselTemplate
  | ViewResourceTemplate;

/**
 * The `templateType` values we can read.
 *
 * @example
 * ```ts
 * const inline = (type: InteractiveTemplateType) => type === 'QuickReply'; // chips under the message
 * ```
 */
export type InteractiveTemplateType = InteractiveTemplate['templateType'];
