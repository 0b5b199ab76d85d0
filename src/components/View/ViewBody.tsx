import { createContext, useCallback, useContext, useId, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { ResolvedView, ViewNode } from '../../core/chat/view/resolveView';
import { checkViewField } from '../../core/chat/view/viewStatus';
import type { ViewFieldProblem } from '../../core/chat/view/viewStatus';
import { useMessages } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { safeWebUrl } from '../Interactive/safeWebUrl';
import * as S from './View.styles';
import { FIELD_KINDS, collectFields, expandNodes } from './viewFields';
import type { ViewField } from './viewFields';

/**
 * Sends one action of the view. `key` names the control that sent it (so it shows as chosen) and
 * `label` is what the customer saw on it.
 */
type Act = (
  action: string,
  output: Readonly<Record<string, unknown>> | undefined,
  label: string,
  key: string,
) => void;

interface Scope {
  readonly act: Act;
  /** The key of the control that answered the view in this page. */
  readonly chosenKey: string | undefined;
  readonly values: Readonly<Record<string, string | boolean>>;
  readonly problems: Readonly<Record<string, ViewFieldProblem>>;
  readonly fieldsById: ReadonlyMap<string, ViewField>;
  readonly idPrefix: string;
  setValue(name: string, value: string | boolean): void;
  /** Validates every field; sends `action` with the values when they are all fine. */
  submit(action: string, label: string, key: string): void;
}

const ScopeContext = createContext<Scope | undefined>(undefined);

function useScope(): Scope {
  const scope = useContext(ScopeContext);
  if (!scope) {
    throw new Error('contact-kit: view components must be rendered inside <ViewBody>.');
  }
  return scope;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== ''
    ? value
    : typeof value === 'number'
      ? String(value)
      : undefined;

/** Most entries drawn from one data array (list items, cards, attributes, buttons). */
const MAX_ENTRIES = 100;

const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? (value as unknown[])
        .slice(0, MAX_ENTRIES)
        .filter(
          (entry): entry is Record<string, unknown> =>
            typeof entry === 'object' && entry !== null && !Array.isArray(entry),
        )
    : [];

const PROBLEM_KEYS: Record<ViewFieldProblem, MessageKey> = {
  required: 'viewFieldRequired',
  email: 'viewFieldEmail',
  number: 'viewFieldNumber',
  tooShort: 'viewFieldTooShort',
  tooLong: 'viewFieldTooLong',
};

const domId = (prefix: string, name: string) => `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function Heading({ props }: { props: Readonly<Record<string, unknown>> }): ReactNode {
  const heading = text(props.Heading) ?? text(props.Title);
  const sub = text(props.SubHeading) ?? text(props.Subtitle) ?? text(props.Description);
  return (
    <>
      {heading !== undefined ? <S.Title>{heading}</S.Title> : null}
      {sub !== undefined ? <S.Muted>{sub}</S.Muted> : null}
    </>
  );
}

function AttributeList({ attributes }: { attributes: Record<string, unknown>[] }): ReactNode {
  const rows = attributes.flatMap((attribute, index) => {
    const label = text(attribute.Label) ?? text(attribute.Name);
    const value = text(attribute.Value);
    if (label === undefined && value === undefined) {
      return [];
    }
    const href = safeWebUrl(text(attribute.Href) ?? text(attribute.Url));
    return [
      <dt key={`t${index}`}>{label ?? ''}</dt>,
      <dd key={`d${index}`}>
        {href !== undefined ? (
          <S.Link href={href} target="_blank" rel="noopener noreferrer">
            {value ?? href}
          </S.Link>
        ) : (
          (value ?? '')
        )}
      </dd>,
    ];
  });
  return rows.length > 0 ? <S.Attributes>{rows}</S.Attributes> : null;
}

/** A list of choices (List items, Cards): each sends `action` with `{ Id, Heading }`. */
function ChoiceList(props: {
  node: ViewNode;
  entries: Record<string, unknown>[];
  action: string;
}): ReactNode {
  const scope = useScope();
  const choices = props.entries.flatMap((entry, index) => {
    // Cards come as `{ Summary: {...}, Detail: {...} }`; list items are flat.
    const summary =
      typeof entry.Summary === 'object' && entry.Summary !== null
        ? (entry.Summary as Record<string, unknown>)
        : entry;
    const heading = text(summary.Heading) ?? text(summary.Title) ?? text(summary.Label);
    if (heading === undefined) {
      return [];
    }
    const id = text(summary.Id) ?? text(entry.Id) ?? heading;
    const details = [text(summary.Description), text(summary.Status)].filter(
      (detail): detail is string => detail !== undefined,
    );
    const key = `${props.node.id}#${index}`;
    return [
      <li key={key}>
        <S.Choice
          type="button"
          aria-pressed={scope.chosenKey === key ? true : undefined}
          onClick={() => scope.act(props.action, { Id: id, Heading: heading }, heading, key)}
        >
          <S.ChoiceHeading>{heading}</S.ChoiceHeading>
          {details.map((detail) => (
            <S.ChoiceDetail key={detail}>{detail}</S.ChoiceDetail>
          ))}
        </S.Choice>
      </li>,
    ];
  });
  return <S.Choices>{choices}</S.Choices>;
}

function Field({ field }: { field: ViewField }): ReactNode {
  const scope = useScope();
  const t = useMessages();
  const id = domId(scope.idPrefix, field.name);
  const errorId = `${id}-error`;
  const problem = scope.problems[field.name];
  const value = scope.values[field.name] ?? field.initial;
  const error =
    problem !== undefined ? (
      <S.FieldError id={errorId}>{t(PROBLEM_KEYS[problem], { label: field.label })}</S.FieldError>
    ) : null;
  const described = problem !== undefined ? errorId : undefined;
  const invalid = problem !== undefined ? true : undefined;
  const required = field.rules.required ? true : undefined;
  const mark = field.rules.required ? <span aria-hidden="true"> *</span> : null;

  switch (field.kind) {
    case 'checkbox':
      return (
        <S.Field>
          <S.Check>
            <input
              id={id}
              type="checkbox"
              checked={value === true}
              aria-invalid={invalid}
              aria-required={required}
              aria-describedby={described}
              onChange={(event) => scope.setValue(field.name, event.target.checked)}
            />
            <span>
              {field.label}
              {mark}
            </span>
          </S.Check>
          {error}
        </S.Field>
      );
    case 'radio':
      return (
        <S.FieldSet id={id} aria-describedby={described} tabIndex={-1}>
          <legend>
            {field.label}
            {mark}
          </legend>
          {field.options.map((option) => (
            <S.Check key={option.value}>
              <input
                type="radio"
                name={id}
                value={option.value}
                checked={value === option.value}
                aria-invalid={invalid}
                onChange={() => scope.setValue(field.name, option.value)}
              />
              <span>{option.label}</span>
            </S.Check>
          ))}
          {error}
        </S.FieldSet>
      );
    case 'select':
      return (
        <S.Field>
          <label htmlFor={id}>
            {field.label}
            {mark}
          </label>
          <S.Select
            id={id}
            value={typeof value === 'string' ? value : ''}
            aria-invalid={invalid}
            aria-required={required}
            aria-describedby={described}
            onChange={(event) => scope.setValue(field.name, event.target.value)}
          >
            <option value="">{t('viewChooseOption')}</option>
            {field.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </S.Select>
          {error}
        </S.Field>
      );
    case 'textarea':
      return (
        <S.Field>
          <label htmlFor={id}>
            {field.label}
            {mark}
          </label>
          <S.TextArea
            id={id}
            value={typeof value === 'string' ? value : ''}
            aria-invalid={invalid}
            aria-required={required}
            aria-describedby={described}
            onChange={(event) => scope.setValue(field.name, event.target.value)}
          />
          {error}
        </S.Field>
      );
    default: {
      const inputType = field.rules.inputType;
      const type =
        inputType === 'email' ||
        inputType === 'number' ||
        inputType === 'tel' ||
        inputType === 'date' ||
        inputType === 'url'
          ? inputType
          : 'text';
      return (
        <S.Field>
          <label htmlFor={id}>
            {field.label}
            {mark}
          </label>
          <S.Input
            id={id}
            type={type}
            value={typeof value === 'string' ? value : ''}
            placeholder={field.placeholder}
            autoComplete={type === 'email' ? 'email' : undefined}
            aria-invalid={invalid}
            aria-required={required}
            aria-describedby={described}
            onChange={(event) => scope.setValue(field.name, event.target.value)}
          />
          {error}
        </S.Field>
      );
    }
  }
}

function Button({ node }: { node: ViewNode }): ReactNode {
  const scope = useScope();
  const action = text(node.props.Action);
  if (action === undefined) {
    return <Fallback />;
  }
  const label = text(node.props.Label) ?? action;
  const submit = node.props.Type === 'Submit' || node.props.Type === 'submit';
  const variant = text(node.props.Variant);
  return (
    <S.Button
      type="button"
      data-variant={
        variant === 'secondary' || variant === 'normal' || variant === 'link'
          ? 'secondary'
          : undefined
      }
      aria-pressed={scope.chosenKey === node.id ? true : undefined}
      onClick={() =>
        submit ? scope.submit(action, label, node.id) : scope.act(action, undefined, label, node.id)
      }
    >
      {label}
    </S.Button>
  );
}

/**
 * Buttons listed in the data (`Buttons: ['Track', { Label: 'Return', Action: 'Return' }]`): each
 * sends its own `Action`, else the group's (default `ActionSelected`) with `{ Label }`.
 */
function DataButtons({ node }: { node: ViewNode }): ReactNode {
  const scope = useScope();
  const group = text(node.props.Action) ?? 'ActionSelected';
  const buttons = Array.isArray(node.props.Buttons)
    ? (node.props.Buttons as unknown[]).slice(0, MAX_ENTRIES)
    : [];
  return buttons.map((entry, index) => {
    const record =
      typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const label = text(entry) ?? text(record.Label);
    if (label === undefined) {
      return null;
    }
    const own = text(record.Action);
    const key = `${node.id}#${index}`;
    return (
      <S.Button
        key={key}
        type="button"
        data-variant={index > 0 ? 'secondary' : undefined}
        aria-pressed={scope.chosenKey === key ? true : undefined}
        onClick={() =>
          own !== undefined
            ? scope.act(own, undefined, label, key)
            : scope.act(group, { Label: label }, label, key)
        }
      >
        {label}
      </S.Button>
    );
  });
}

function Fallback(): ReactNode {
  const t = useMessages();
  return <S.Fallback data-view-fallback="">{t('viewUnsupportedPart')}</S.Fallback>;
}

function Nodes({ nodes }: { nodes: readonly ViewNode[] }): ReactNode {
  return nodes.map((node) => <Node key={node.id} node={node} />);
}

/** One component of the view; an unknown component renders a neutral fallback. */
function Node({ node }: { node: ViewNode }): ReactNode {
  const scope = useScope();
  const { props } = node;
  if (FIELD_KINDS[node.type]) {
    const field = scope.fieldsById.get(node.id);
    return field ? <Field field={field} /> : null;
  }
  switch (node.type) {
    case 'Container':
    case 'Section':
    case 'FormSection':
    case 'Form': {
      const label = text(props.Heading) ?? text(props.Title);
      const columns =
        node.type === 'Container' && props.Layout === 'Horizontal' ? 'row' : undefined;
      return (
        <S.Group
          role={label !== undefined ? 'group' : undefined}
          aria-label={label}
          data-columns={columns}
        >
          <Heading props={props} />
          <Nodes nodes={node.children} />
        </S.Group>
      );
    }
    case 'Header':
    case 'Heading':
      return <Heading props={props} />;
    case 'Text':
    case 'Paragraph':
    case 'TextContent': {
      const content = text(props.Content) ?? text(props.Text) ?? text(props.Value);
      return content !== undefined ? <S.Text>{content}</S.Text> : null;
    }
    case 'AttributeSection':
    case 'AttributeBar':
    case 'Attributes': {
      const attributes = [
        ...records(props.Attributes),
        ...node.children.filter((child) => child.type === 'Attribute').map((child) => child.props),
      ];
      const label = text(props.Heading);
      return (
        <S.Group role={label !== undefined ? 'group' : undefined} aria-label={label}>
          {label !== undefined ? <S.Title>{label}</S.Title> : null}
          <AttributeList attributes={attributes} />
        </S.Group>
      );
    }
    case 'Attribute':
      return <AttributeList attributes={[props]} />;
    case 'Link': {
      const href = safeWebUrl(text(props.Href) ?? text(props.Url) ?? text(props.Link));
      const label = text(props.Label) ?? text(props.Text) ?? href;
      return href !== undefined ? (
        <S.Link href={href} target="_blank" rel="noopener noreferrer">
          {label}
        </S.Link>
      ) : label !== undefined ? (
        <S.Text>{label}</S.Text>
      ) : null;
    }
    case 'Button':
      return <Button node={node} />;
    case 'ButtonGroup':
    case 'Actions':
      return (
        <S.Actions>
          <DataButtons node={node} />
          <Nodes nodes={node.children} />
        </S.Actions>
      );
    case 'Card': {
      const heading = text(props.Heading) ?? text(props.Title);
      if (heading === undefined) {
        return <Fallback />;
      }
      return (
        <ChoiceList node={node} entries={[props]} action={text(props.Action) ?? 'ActionSelected'} />
      );
    }
    case 'Cards':
    case 'List':
      return (
        <>
          <Heading props={props} />
          <ChoiceList
            node={node}
            entries={records(node.type === 'Cards' ? (props.Cards ?? props.Items) : props.Items)}
            action={text(props.Action) ?? 'ActionSelected'}
          />
        </>
      );
    default:
      return <Fallback />;
  }
}

/**
 * Props of {@link ViewBody}.
 *
 * @example
 * ```tsx
 * const { view, isLocked } = useView(item);
 * if (view) return <ViewBody view={view} locked={isLocked} onAction={(action, output) => act(action, output)} />;
 * ```
 */
export interface ViewBodyProps {
  /** The resolved view (see `resolveView`). */
  view: ResolvedView;
  /** Answered or expired: every control is disabled. */
  locked: boolean;
  /** Sends one action with the form's output (`undefined` for a plain button). */
  onAction: (
    action: string,
    output: Readonly<Record<string, unknown>> | undefined,
    label: string,
  ) => void;
}

/**
 * Renders a resolved view's components: containers, headers, text, attribute lists, links, cards,
 * lists, buttons and forms with labelled, validated fields. A `Submit` button checks the fields
 * first (the first invalid one gets the focus and an error message under it); its action goes
 * out with the values by field `Name`. A list item or card sends its action (default
 * `ActionSelected`) with `{ Id, Heading }`. Unknown components render a neutral note.
 *
 * @example
 * ```tsx
 * <ViewBody view={view} locked={isLocked} onAction={(action, output) => act(action, output)} />
 * ```
 */
export function ViewBody({ view, locked, onAction }: ViewBodyProps): ReactNode {
  const t = useMessages();
  const idPrefix = `ck-view-${useId().replace(/:/g, '')}`;
  const nodes = useMemo(() => expandNodes(view.body), [view.body]);
  const fields = useMemo(() => collectFields(nodes), [nodes]);
  const fieldsById = useMemo(() => new Map(fields.map((field) => [field.nodeId, field])), [fields]);
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const [problems, setProblems] = useState<Record<string, ViewFieldProblem>>({});
  const [chosenKey, setChosenKey] = useState<string>();
  const rootRef = useRef<HTMLDivElement>(null);

  const valueOf = useCallback((field: ViewField) => values[field.name] ?? field.initial, [values]);

  const act: Act = useCallback(
    (action, output, label, key) => {
      if (locked) {
        return;
      }
      setChosenKey(key);
      onAction(action, output, label);
    },
    [locked, onAction],
  );

  const scope: Scope = {
    act,
    chosenKey,
    values,
    problems,
    fieldsById,
    idPrefix,
    setValue(name, value) {
      setValues((current) => ({ ...current, [name]: value }));
      if (problems[name] !== undefined) {
        const field = fields.find((candidate) => candidate.name === name);
        const problem = field ? checkViewField(field.rules, value) : undefined;
        setProblems((current) => {
          const next = { ...current };
          if (problem === undefined) {
            delete next[name];
          } else {
            next[name] = problem;
          }
          return next;
        });
      }
    },
    submit(action, label, key) {
      const found: Record<string, ViewFieldProblem> = {};
      const output: Record<string, string | boolean> = {};
      for (const field of fields) {
        const value = valueOf(field);
        const problem = checkViewField(field.rules, value);
        if (problem !== undefined) {
          found[field.name] = problem;
        }
        output[field.name] = typeof value === 'string' ? value.trim() : value;
      }
      setProblems(found);
      const first = fields.find((field) => found[field.name] !== undefined);
      if (first) {
        const target = rootRef.current?.querySelector<HTMLElement>(
          `#${domId(idPrefix, first.name)}`,
        );
        target?.focus();
        return;
      }
      act(action, output, label, key);
    },
  };

  const invalid = Object.keys(problems).length > 0;
  return (
    <ScopeContext.Provider value={scope}>
      <div ref={rootRef}>
        <S.Fields disabled={locked}>
          <Nodes nodes={nodes} />
        </S.Fields>
      </div>
      {invalid ? (
        <S.Note role="alert" data-tone="error">
          {t('viewFormInvalid')}
        </S.Note>
      ) : null}
    </ScopeContext.Provider>
  );
}
