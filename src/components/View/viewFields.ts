import { nodesFromData } from '../../core/chat/view/resolveView';
import type { ViewNode } from '../../core/chat/view/resolveView';
import type { ViewFieldRules } from '../../core/chat/view/viewStatus';

/** The form inputs the renderer knows, by component name. */
export const FIELD_KINDS: Readonly<
  Record<string, 'input' | 'textarea' | 'select' | 'checkbox' | 'radio'>
> = {
  FormInput: 'input',
  Input: 'input',
  TextInput: 'input',
  FormTextarea: 'textarea',
  FormTextArea: 'textarea',
  TextArea: 'textarea',
  Textarea: 'textarea',
  FormSelect: 'select',
  Select: 'select',
  Dropdown: 'select',
  FormCheckbox: 'checkbox',
  Checkbox: 'checkbox',
  FormRadioGroup: 'radio',
  RadioGroup: 'radio',
  RadioButtonGroup: 'radio',
};

/**
 * One field of a view's form, read from its component props.
 */
export interface ViewField {
  readonly nodeId: string;
  /** The key of the field's value in the action's output (`Name`, else the component id). */
  readonly name: string;
  readonly label: string;
  readonly kind: 'input' | 'textarea' | 'select' | 'checkbox' | 'radio';
  readonly rules: ViewFieldRules;
  readonly initial: string | boolean;
  readonly options: readonly { label: string; value: string }[];
  readonly placeholder: string | undefined;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== ''
    ? value
    : typeof value === 'number'
      ? String(value)
      : undefined;

const count = (value: unknown): number | undefined => {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 0 ? number : undefined;
};

/** `Options` as `[{ Label, Value }]` or plain strings. */
function optionsOf(value: unknown): { label: string; value: string }[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const options: { label: string; value: string }[] = [];
  for (const entry of value as unknown[]) {
    const plain = text(entry);
    if (plain !== undefined) {
      options.push({ label: plain, value: plain });
    } else if (typeof entry === 'object' && entry !== null) {
      const record = entry as Record<string, unknown>;
      const optionValue = text(record.Value) ?? text(record.Id) ?? text(record.Label);
      if (optionValue !== undefined) {
        options.push({ label: text(record.Label) ?? optionValue, value: optionValue });
      }
    }
  }
  return options;
}

/** Reads a field component; `undefined` for any other component. */
export function fieldOf(node: ViewNode): ViewField | undefined {
  const kind = FIELD_KINDS[node.type];
  if (!kind) {
    return undefined;
  }
  const { props } = node;
  const name = text(props.Name) ?? node.id;
  const defaultValue = props.DefaultValue ?? props.Value;
  return {
    nodeId: node.id,
    name,
    label: text(props.Label) ?? name,
    kind,
    rules: {
      required: props.Required === true || props.Required === 'true',
      ...(text(props.InputType) !== undefined ? { inputType: text(props.InputType) } : {}),
      ...(count(props.MinLength) !== undefined ? { minLength: count(props.MinLength) } : {}),
      ...(count(props.MaxLength) !== undefined ? { maxLength: count(props.MaxLength) } : {}),
    },
    initial:
      kind === 'checkbox'
        ? defaultValue === true || defaultValue === 'true'
        : (text(defaultValue) ?? ''),
    options: optionsOf(props.Options),
    placeholder: text(props.Placeholder),
  };
}

/**
 * Expands the components that come in the view's data: a `Form` (or `FormSection`) whose props
 * carry `Sections: [{ Heading, Items }]` gets one `FormSection` child per section, before its own
 * children. Everything else is kept as it is.
 */
export function expandNodes(nodes: readonly ViewNode[]): ViewNode[] {
  return nodes.map((node) => {
    const sections = node.props.Sections;
    const fromData =
      (node.type === 'Form' || node.type === 'FormSection') && Array.isArray(sections)
        ? (sections as unknown[]).flatMap((section, index): ViewNode[] => {
            if (typeof section !== 'object' || section === null) {
              return [];
            }
            const record = section as Record<string, unknown>;
            const id = `${node.id}.section${index}`;
            return [
              {
                id,
                type: 'FormSection',
                props: { Heading: record.Heading },
                children: nodesFromData(record.Items, id),
              },
            ];
          })
        : [];
    return {
      ...node,
      children: expandNodes([...fromData, ...node.children]),
    };
  });
}

/** Every field in the tree, in document order. */
export function collectFields(nodes: readonly ViewNode[]): ViewField[] {
  const fields: ViewField[] = [];
  const walk = (list: readonly ViewNode[]): void => {
    for (const node of list) {
      const field = fieldOf(node);
      if (field) {
        fields.push(field);
      }
      walk(node.children);
    }
  };
  walk(nodes);
  return fields;
}
