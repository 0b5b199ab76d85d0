import { ChatError } from '../../protocol/errors';
import type { View } from '../../protocol/types';

/**
 * One component of a view after its `$.` data bindings were resolved: the template's
 * `{ _id, Type, Props, Content }` with lower-case member names.
 *
 * @example
 * ```ts
 * const result = resolveView(view, viewData);
 * const headings = result.ok ? result.view.body.filter((node) => node.type === 'Header').map((node) => node.props.Heading) : [];
 * ```
 */
export interface ViewNode {
  /** The template's `_id`, else a path such as `Body.2.0`; unique within the view. */
  readonly id: string;
  /** The component name (`Container`, `Card`, `Form`, `FormInput`, …); any string. */
  readonly type: string;
  /** The props with every binding replaced by its value (`undefined` when the data lacks it). */
  readonly props: Readonly<Record<string, unknown>>;
  /** The `Content` components. */
  readonly children: readonly ViewNode[];
}

/**
 * A step-by-step guide view ready to render: its title, components and the actions it may send.
 *
 * @example
 * ```ts
 * const result = resolveView(view, { Heading: 'Your order' });
 * if (result.ok) render(result.view.body);
 * ```
 */
export interface ResolvedView {
  /** The view's id (DescribeView `Id`), when given. */
  readonly id: string | undefined;
  /** `Head.Title` after binding, else the view's `Name`. */
  readonly title: string | undefined;
  readonly body: readonly ViewNode[];
  /** The view's `Actions`: the action names it may answer with. Empty when the view lists none. */
  readonly actions: readonly string[];
}

/**
 * The outcome of {@link resolveView}: the view, or why its template cannot be read
 * (`INTERACTIVE_INVALID`).
 *
 * @example
 * ```ts
 * const result = resolveView(view, viewData);
 * if (result.ok) render(result.view.body);
 * else console.warn(result.error.code); // 'INTERACTIVE_INVALID'
 * ```
 */
export type ResolveViewResult = { ok: true; view: ResolvedView } | { ok: false; error: ChatError };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deepest component nesting we follow; a deeper template is refused rather than overflowing the stack. */
const MAX_DEPTH = 32;
/** Most components rendered from one view. */
const MAX_NODES = 2000;

const PATH_PART = /^([^[\]]+)((?:\[\d+\])*)$/;

/**
 * Looks up a `$.`-path (`$.Order.Items[0].Name`) in `data`; `undefined` when any step is missing.
 * `$` alone is the whole data.
 *
 * @example
 * ```ts
 * lookupPath({ A: { B: [1, 2] } }, '$.A.B[1]'); // 2
 * ```
 */
export function lookupPath(data: unknown, path: string): unknown {
  if (path === '$') {
    return data;
  }
  if (!path.startsWith('$.')) {
    return undefined;
  }
  let current: unknown = data;
  for (const part of path.slice(2).split('.')) {
    const match = PATH_PART.exec(part);
    if (!match) {
      return undefined;
    }
    current = isObject(current) ? current[match[1] ?? ''] : undefined;
    for (const index of (match[2] ?? '').match(/\d+/g) ?? []) {
      current = Array.isArray(current) ? (current as unknown[])[Number(index)] : undefined;
    }
    if (current === undefined) {
      return undefined;
    }
  }
  return current;
}

/**
 * Replaces the data bindings in a template value: a string that is a whole `$.`-path becomes the
 * value it points to (any type); `{ "_param": "Name" }` becomes the top-level `Name`; objects and
 * arrays are resolved member by member; anything else is kept.
 *
 * @example
 * ```ts
 * resolveBindings({ Heading: '$.Heading', Items: '$.Items' }, { Heading: 'Hi', Items: [1] });
 * // { Heading: 'Hi', Items: [1] }
 * ```
 */
export function resolveBindings(value: unknown, data: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) {
    return undefined;
  }
  if (typeof value === 'string') {
    return value === '$' || value.startsWith('$.') ? lookupPath(data, value.trim()) : value;
  }
  if (Array.isArray(value)) {
    return value.map((member) => resolveBindings(member, data, depth + 1));
  }
  if (isObject(value)) {
    if (typeof value._param === 'string' && Object.keys(value).length === 1) {
      return isObject(data) ? data[value._param] : undefined;
    }
    const result: Json = {};
    for (const [key, member] of Object.entries(value)) {
      result[key] = resolveBindings(member, data, depth + 1);
    }
    return result;
  }
  return value;
}

class Invalid extends Error {}

function parseJsonObject(value: unknown, what: string): Json {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value) as unknown;
    } catch {
      throw new Invalid(`${what} is not JSON`);
    }
  }
  if (!isObject(parsed)) {
    throw new Invalid(`${what} must be an object`);
  }
  return parsed;
}

/** Opens `viewData` the way protocol §7.6 describes: a JSON string, and JSON strings in its members. */
function openViewData(value: unknown): unknown {
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
  return isObject(opened)
    ? Object.fromEntries(Object.entries(opened).map(([key, member]) => [key, open(member)]))
    : opened;
}

function readNodes(
  value: unknown,
  data: unknown,
  path: string,
  depth: number,
  count: { nodes: number },
): ViewNode[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new Invalid(`${path} must be an array of components`);
  }
  if (depth > MAX_DEPTH) {
    throw new Invalid(`${path} is nested deeper than ${MAX_DEPTH} levels`);
  }
  const nodes: ViewNode[] = [];
  (value as unknown[]).forEach((entry, index) => {
    const here = `${path}.${index}`;
    if (!isObject(entry)) {
      throw new Invalid(`${here} must be a component object`);
    }
    count.nodes += 1;
    if (count.nodes > MAX_NODES) {
      throw new Invalid(`the view has more than ${MAX_NODES} components`);
    }
    const type = typeof entry.Type === 'string' && entry.Type !== '' ? entry.Type : 'Unknown';
    const props = resolveBindings(entry.Props ?? {}, data);
    nodes.push({
      id: typeof entry._id === 'string' && entry._id !== '' ? entry._id : here,
      type,
      props: isObject(props) ? props : {},
      children: readNodes(entry.Content, data, `${here}.Content`, depth + 1, count),
    });
  });
  return nodes;
}

/**
 * Reads a DescribeView `View` (its `Template` is a JSON string, `Head` + `Body`) and resolves the
 * template's bindings against the message's `viewData` (protocol §7.6): `$.Path` strings and
 * `{ "_param": "Name" }` objects become data values. Never throws on bad server data: an
 * unreadable template is `ok: false` with an `INTERACTIVE_INVALID` error. Component types are not
 * checked here: the renderer shows a neutral fallback for ones it does not know.
 *
 * @example
 * ```ts
 * const { View: view } = await client.describeView(token, { ViewToken: content.viewToken });
 * const result = resolveView(view!, content.viewData);
 * if (result.ok) console.log(result.view.title, result.view.actions);
 * ```
 */
export function resolveView(view: View, viewData: unknown): ResolveViewResult {
  try {
    const template = parseJsonObject(view.Content?.Template, 'View.Content.Template');
    const data = openViewData(viewData) ?? {};
    const head = isObject(template.Head) ? template.Head : {};
    const title = resolveBindings(head.Title, data);
    const actions = (view.Content?.Actions ?? []).filter(
      (action): action is string => typeof action === 'string' && action !== '',
    );
    return {
      ok: true,
      view: {
        id: view.Id,
        title: typeof title === 'string' && title !== '' ? title : view.Name,
        body: readNodes(template.Body, data, 'Body', 0, { nodes: 0 }),
        actions,
      },
    };
  } catch (error) {
    if (error instanceof Invalid) {
      return {
        ok: false,
        error: new ChatError('INTERACTIVE_INVALID', `Invalid view: ${error.message}`),
      };
    }
    throw error;
  }
}

/**
 * Turns components that came in the view's data (not its template), such as the managed Form
 * view's `Sections[].Items`, into nodes: `{ Type, Props }` objects, or flat objects whose other
 * members are the props (`{ Type: 'FormInput', Name: 'Email', Label: 'Email' }`). No bindings are
 * resolved in data. Entries that are not objects are skipped.
 *
 * @example
 * ```ts
 * nodesFromData([{ Type: 'FormInput', Props: { Name: 'Email' } }], 'Form_1.0');
 * // [{ id: 'Form_1.0.0', type: 'FormInput', props: { Name: 'Email' }, children: [] }]
 * ```
 */
export function nodesFromData(value: unknown, baseId: string, depth = 0): ViewNode[] {
  if (!Array.isArray(value) || depth > MAX_DEPTH) {
    return [];
  }
  const nodes: ViewNode[] = [];
  (value as unknown[]).slice(0, MAX_NODES).forEach((entry, index) => {
    if (!isObject(entry)) {
      return;
    }
    const { Type, Props, Content, _id, ...flat } = entry;
    nodes.push({
      id: typeof _id === 'string' && _id !== '' ? _id : `${baseId}.${index}`,
      type: typeof Type === 'string' && Type !== '' ? Type : 'Unknown',
      props: isObject(Props) ? Props : flat,
      children: nodesFromData(Content, `${baseId}.${index}`, depth + 1),
    });
  });
  return nodes;
}
