import type { View } from '../core/protocol/types';

const SAMPLE_TEMPLATE = {
  Head: { Title: 'Confirm your order', Configuration: { Layout: { Columns: ['12'] } } },
  Body: [
    {
      _id: 'Header_1',
      Type: 'Header',
      Props: { Heading: 'Confirm your order', SubHeading: { _param: 'OrderSummary' } },
    },
    {
      _id: 'Form_1',
      Type: 'Form',
      Props: {},
      Content: [
        {
          _id: 'FormInput_1',
          Type: 'FormInput',
          Props: { Label: 'Email', Name: 'Email', InputType: 'email', Required: true },
        },
        {
          _id: 'Button_1',
          Type: 'Button',
          Props: { Action: 'Confirm', Label: 'Confirm', Type: 'Submit' },
        },
        {
          _id: 'Button_2',
          Type: 'Button',
          Props: { Action: 'Cancel', Label: 'Cancel', Variant: 'secondary' },
        },
      ],
    },
  ],
};

const SAMPLE_INPUT_SCHEMA = {
  type: 'object',
  properties: { OrderSummary: { type: 'string', title: 'Order summary' } },
  required: ['OrderSummary'],
};

/**
 * The views DescribeView knows, by ViewToken. `sample-view-token` is a realistic step-by-step guide
 * view whose `Template` and `InputSchema` are JSON strings, as the real service returns them.
 *
 * @example
 * ```ts
 * SAMPLE_VIEWS.get('sample-view-token')?.Content?.Actions; // ['Confirm', 'Cancel']
 * ```
 */
export const SAMPLE_VIEWS: ReadonlyMap<string, View> = new Map([
  [
    'sample-view-token',
    {
      Id: 'sample-view',
      Arn: 'arn:aws:connect:us-east-1:111122223333:instance/00000000-0000-4000-8000-000000000000/view/sample-view:$LATEST',
      Name: 'Sample order confirmation',
      Version: 1,
      Content: {
        InputSchema: JSON.stringify(SAMPLE_INPUT_SCHEMA),
        Template: JSON.stringify(SAMPLE_TEMPLATE),
        Actions: ['Confirm', 'Cancel'],
      },
    },
  ],
]);
