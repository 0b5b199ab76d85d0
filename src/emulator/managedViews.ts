import type { View } from '../core/protocol/types';

/**
 * The AWS managed views of step-by-step guides (Detail, List, Form, Confirmation, Cards) as the
 * emulator's DescribeView serves them: a `Template` of documented components whose props bind to
 * the view data with `$.` paths, an `InputSchema`, and the `Actions` the view can answer with.
 * The view data fields follow the managed views' inputs (Heading, SubHeading, Items, Cards,
 * Sections, AttributeSection, Next, Back, Cancel, NoMatchFound).
 */

type Component = {
  _id: string;
  Type: string;
  Props: Record<string, unknown>;
  Content?: Component[];
};

const header = (id: string): Component => ({
  _id: id,
  Type: 'Header',
  Props: { Heading: '$.Heading', SubHeading: '$.SubHeading' },
});

const description = (id: string): Component => ({
  _id: id,
  Type: 'Text',
  Props: { Content: '$.Description' },
});

const attributes = (id: string): Component => ({
  _id: id,
  Type: 'AttributeSection',
  Props: { Heading: '$.AttributeSection.Heading', Attributes: '$.AttributeSection.Attributes' },
});

const button = (
  id: string,
  action: string,
  label: string,
  extra: Record<string, unknown> = {},
): Component => ({
  _id: id,
  Type: 'Button',
  Props: { Action: action, Label: label, ...extra },
});

const template = (title: string, body: Component[]): string =>
  JSON.stringify({
    Head: { Title: title, Configuration: { Layout: { Columns: ['12'] } } },
    Body: body,
  });

const schema = (properties: Record<string, unknown>, required: string[]): string =>
  JSON.stringify({ type: 'object', properties, required });

const LABEL = { type: 'object', properties: { Label: { type: 'string' } } };
const ATTRIBUTES = {
  type: 'object',
  properties: {
    Heading: { type: 'string' },
    Attributes: {
      type: 'array',
      items: {
        type: 'object',
        properties: { Label: { type: 'string' }, Value: { type: 'string' } },
      },
    },
  },
};

const arn = (id: string) => `arn:aws:connect:us-east-1:aws:view/${id}`;

/**
 * The managed views by view id (`detail`, `list`, `form`, `confirmation`, `cards`).
 *
 * @example
 * ```ts
 * MANAGED_VIEWS.get('form')?.Content?.Actions; // ['Next', 'Cancel', 'Back']
 * ```
 */
export const MANAGED_VIEWS: ReadonlyMap<string, View> = new Map<string, View>([
  [
    'detail',
    {
      Id: 'detail',
      Arn: arn('detail'),
      Name: 'Detail',
      Version: 1,
      Content: {
        Template: template('$.Heading', [
          header('DetailHeader'),
          description('DetailDescription'),
          attributes('DetailAttributes'),
          {
            _id: 'DetailActions',
            Type: 'ButtonGroup',
            Props: { Action: 'ActionSelected', Buttons: '$.Actions' },
            Content: [button('DetailBack', 'Back', '$.Back.Label', { Variant: 'secondary' })],
          },
        ]),
        InputSchema: schema(
          {
            Heading: { type: 'string' },
            SubHeading: { type: 'string' },
            Description: { type: 'string' },
            AttributeSection: ATTRIBUTES,
            Actions: { type: 'array', items: { type: 'string' } },
            Back: LABEL,
          },
          ['Heading'],
        ),
        Actions: ['ActionSelected', 'Back'],
      },
    },
  ],
  [
    'list',
    {
      Id: 'list',
      Arn: arn('list'),
      Name: 'List',
      Version: 1,
      Content: {
        Template: template('$.Heading', [
          {
            _id: 'ListItems',
            Type: 'List',
            Props: {
              Heading: '$.Heading',
              SubHeading: '$.SubHeading',
              Items: '$.Items',
              Action: 'ActionSelected',
            },
          },
          button('ListBack', 'Back', '$.Back.Label', { Variant: 'secondary' }),
        ]),
        InputSchema: schema(
          {
            Heading: { type: 'string' },
            SubHeading: { type: 'string' },
            Items: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  Id: { type: 'string' },
                  Heading: { type: 'string' },
                  Description: { type: 'string' },
                  Status: { type: 'string' },
                },
                required: ['Heading'],
              },
            },
            Back: LABEL,
          },
          ['Heading', 'Items'],
        ),
        Actions: ['ActionSelected', 'Back'],
      },
    },
  ],
  [
    'form',
    {
      Id: 'form',
      Arn: arn('form'),
      Name: 'Form',
      Version: 1,
      Content: {
        Template: template('$.Heading', [
          header('FormHeader'),
          {
            _id: 'FormBody',
            Type: 'Form',
            Props: { Sections: '$.Sections' },
            Content: [
              {
                _id: 'FormButtons',
                Type: 'ButtonGroup',
                Props: {},
                Content: [
                  button('FormNext', 'Next', '$.Next.Label', { Type: 'Submit' }),
                  button('FormCancel', 'Cancel', '$.Cancel.Label', { Variant: 'secondary' }),
                ],
              },
            ],
          },
        ]),
        InputSchema: schema(
          {
            Heading: { type: 'string' },
            SubHeading: { type: 'string' },
            Sections: {
              type: 'array',
              items: {
                type: 'object',
                properties: { Heading: { type: 'string' }, Items: { type: 'array' } },
              },
            },
            Next: LABEL,
            Cancel: LABEL,
          },
          ['Heading', 'Sections'],
        ),
        Actions: ['Next', 'Cancel', 'Back'],
      },
    },
  ],
  [
    'confirmation',
    {
      Id: 'confirmation',
      Arn: arn('confirmation'),
      Name: 'Confirmation',
      Version: 1,
      Content: {
        Template: template('$.Heading', [
          header('ConfirmationHeader'),
          description('ConfirmationDescription'),
          attributes('ConfirmationAttributes'),
          button('ConfirmationNext', 'Next', '$.Next.Label'),
        ]),
        InputSchema: schema(
          {
            Heading: { type: 'string' },
            SubHeading: { type: 'string' },
            Description: { type: 'string' },
            AttributeSection: ATTRIBUTES,
            Next: LABEL,
          },
          ['Heading'],
        ),
        Actions: ['Next'],
      },
    },
  ],
  [
    'cards',
    {
      Id: 'cards',
      Arn: arn('cards'),
      Name: 'Cards',
      Version: 1,
      Content: {
        Template: template('$.Heading', [
          {
            _id: 'CardsList',
            Type: 'Cards',
            Props: {
              Heading: '$.Heading',
              SubHeading: '$.SubHeading',
              Cards: '$.Cards',
              Action: 'ActionSelected',
            },
          },
          button('CardsNoMatch', 'NoMatchFound', '$.NoMatchFound.Label', {
            Variant: 'secondary',
          }),
        ]),
        InputSchema: schema(
          {
            Heading: { type: 'string' },
            SubHeading: { type: 'string' },
            Cards: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  Summary: {
                    type: 'object',
                    properties: {
                      Id: { type: 'string' },
                      Heading: { type: 'string' },
                      Description: { type: 'string' },
                      Status: { type: 'string' },
                    },
                    required: ['Heading'],
                  },
                  Detail: { type: 'object' },
                },
              },
            },
            NoMatchFound: LABEL,
          },
          ['Heading', 'Cards'],
        ),
        Actions: ['ActionSelected', 'NoMatchFound'],
      },
    },
  ],
]);

/**
 * View data for each managed view, used when `POST /admin/contacts/{ContactId}/views` gives none
 * and by the demo's scripted agent: a parcel, a list of orders, a return form, a confirmation and
 * a choice of plans.
 *
 * @example
 * ```ts
 * SAMPLE_VIEW_DATA.confirmation.Next; // { Label: 'Done' }
 * ```
 */
export const SAMPLE_VIEW_DATA: Readonly<Record<string, Record<string, unknown>>> = {
  detail: {
    Heading: 'Order #1042',
    SubHeading: 'Arrives Thursday',
    Description: 'Your kettle left our warehouse this morning.',
    AttributeSection: {
      Attributes: [
        { Label: 'Carrier', Value: 'Parcelway' },
        { Label: 'Tracking', Value: 'PW-88213' },
      ],
    },
    Actions: ['Track package', 'Change address'],
    Back: { Label: 'Back' },
  },
  list: {
    Heading: 'Which order is it about?',
    Items: [
      { Id: 'order-1042', Heading: 'Order #1042', Description: 'Kettle · shipped' },
      { Id: 'order-1037', Heading: 'Order #1037', Description: 'Mugs · delivered' },
      { Id: 'order-1021', Heading: 'Order #1021', Description: 'Teapot · returned' },
    ],
    Back: { Label: 'Back' },
  },
  form: {
    Heading: 'Return an item',
    SubHeading: 'We email you a prepaid label.',
    Sections: [
      {
        Heading: 'Your details',
        Items: [
          {
            Type: 'FormInput',
            Props: { Name: 'Email', Label: 'Email', InputType: 'email', Required: true },
          },
          {
            Type: 'FormSelect',
            Props: {
              Name: 'Reason',
              Label: 'Reason',
              Required: true,
              Options: [
                { Label: 'Arrived damaged', Value: 'damaged' },
                { Label: 'Not as described', Value: 'not-as-described' },
                { Label: 'Changed my mind', Value: 'changed-mind' },
              ],
            },
          },
          { Type: 'FormTextarea', Props: { Name: 'Comments', Label: 'Comments' } },
        ],
      },
    ],
    Next: { Label: 'Request label' },
    Cancel: { Label: 'Cancel' },
  },
  confirmation: {
    Heading: 'Your return is booked',
    Description: 'Drop the parcel at any Parcelway point within 14 days.',
    AttributeSection: { Attributes: [{ Label: 'Reference', Value: 'RT-5521' }] },
    Next: { Label: 'Done' },
  },
  cards: {
    Heading: 'Choose a plan',
    Cards: [
      {
        Summary: {
          Id: 'basic',
          Heading: 'Basic',
          Description: 'Standard delivery',
          Status: '$0 / month',
        },
      },
      {
        Summary: {
          Id: 'plus',
          Heading: 'Plus',
          Description: 'Free next-day delivery',
          Status: '$4 / month',
        },
      },
    ],
    NoMatchFound: { Label: 'None of these' },
  },
};
