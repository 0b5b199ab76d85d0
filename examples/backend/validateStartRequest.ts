/**
 * Strict, pure validation of what a browser may send to the start endpoints. Contact flows trust
 * contact attributes (they route on them, show them to agents, pass them to Lambdas), so nothing the
 * browser says reaches Amazon Connect without passing through here.
 */

/**
 * How one allowed contact attribute is checked.
 *
 * @example
 * ```ts
 * const orderId: AttributeRule = { maxLength: 32, pattern: /^[A-Z0-9-]+$/ };
 * ```
 */
export interface AttributeRule {
  /** Longest accepted value, in characters (after trimming). */
  maxLength: number;
  /** The whole trimmed value must match it, when given. */
  pattern?: RegExp;
}

/**
 * The attribute allow-list: key → rule. Keys outside it are rejected, never dropped silently.
 *
 * @example
 * ```ts
 * const rules: AttributeRules = { topic: { maxLength: 40, pattern: /^(orders|returns)$/ } };
 * ```
 */
export type AttributeRules = Readonly<Record<string, AttributeRule>>;

/**
 * A request body that passed validation (values trimmed).
 *
 * @example
 * ```ts
 * const body: StartRequestBody = { DisplayName: 'Ana', Attributes: { topic: 'orders' } };
 * ```
 */
export interface StartRequestBody {
  DisplayName: string;
  Attributes: Record<string, string>;
  /** The ContactId of an earlier chat the customer wants to continue (persistent chat). */
  ResumeContactId?: string;
}

/**
 * Why a body was rejected: a stable `code` and the member at fault.
 *
 * @example
 * ```ts
 * const problem: StartRequestProblem = { code: 'unknown_attribute', field: 'Attributes.isVip' };
 * ```
 */
export interface StartRequestProblem {
  code:
    | 'invalid_body'
    | 'unknown_field'
    | 'invalid_display_name'
    | 'invalid_attributes'
    | 'unknown_attribute'
    | 'invalid_attribute'
    | 'invalid_resume_contact_id';
  field: string;
}

/**
 * The result of {@link validateStartRequest}: the clean body or the first problem.
 *
 * @example
 * ```ts
 * const result: StartRequestValidation = validateStartRequest(json, rules);
 * if (!result.ok) console.warn(result.problem.code);
 * ```
 */
export type StartRequestValidation =
  { ok: true; body: StartRequestBody } | { ok: false; problem: StartRequestProblem };

/** StartChatContact's limit for `ParticipantDetails.DisplayName`. */
const DISPLAY_NAME_MAX = 256;
/** Connect contact ids are UUIDs; anything else cannot be a contact of this instance. */
const CONTACT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Connect accepts only these characters in attribute keys. */
const ATTRIBUTE_KEY = /^[A-Za-z0-9_-]+$/;
/** Control characters have no business in a name an agent reads. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

const fail = (code: StartRequestProblem['code'], field: string): StartRequestValidation => ({
  ok: false,
  problem: { code, field },
});

/**
 * Validates a parsed JSON body against the allow-list: `DisplayName` (1–256 characters after
 * trimming, no control characters), optional `Attributes` (only allowed keys, string values within
 * their rule) and, when `allowResume` is set, an optional `ResumeContactId`. Unknown members are
 * rejected.
 *
 * @example
 * ```ts
 * validateStartRequest({ DisplayName: ' Ana ' }, {}); // { ok: true, body: { DisplayName: 'Ana', Attributes: {} } }
 * ```
 */
export function validateStartRequest(
  json: unknown,
  rules: AttributeRules,
  { allowResume = false }: { allowResume?: boolean } = {},
): StartRequestValidation {
  if (!isPlainObject(json)) {
    return fail('invalid_body', '');
  }
  const known = allowResume
    ? ['DisplayName', 'Attributes', 'ResumeContactId']
    : ['DisplayName', 'Attributes'];
  const unknown = Object.keys(json).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    return fail('unknown_field', unknown);
  }

  const rawName = json.DisplayName;
  const name = typeof rawName === 'string' ? rawName.trim() : '';
  if (name.length < 1 || name.length > DISPLAY_NAME_MAX || CONTROL_CHARACTERS.test(name)) {
    return fail('invalid_display_name', 'DisplayName');
  }

  const attributes: Record<string, string> = {};
  if (json.Attributes !== undefined) {
    if (!isPlainObject(json.Attributes)) {
      return fail('invalid_attributes', 'Attributes');
    }
    for (const [key, value] of Object.entries(json.Attributes)) {
      // Object.hasOwn: an allow-list lookup must not find `constructor` or `__proto__` on the prototype.
      const rule = Object.hasOwn(rules, key) && ATTRIBUTE_KEY.test(key) ? rules[key] : undefined;
      if (rule === undefined) {
        return fail('unknown_attribute', `Attributes.${key}`);
      }
      const trimmed = typeof value === 'string' ? value.trim() : undefined;
      if (
        trimmed === undefined ||
        trimmed.length > rule.maxLength ||
        CONTROL_CHARACTERS.test(trimmed) ||
        (rule.pattern !== undefined && !rule.pattern.test(trimmed))
      ) {
        return fail('invalid_attribute', `Attributes.${key}`);
      }
      attributes[key] = trimmed;
    }
  }

  const body: StartRequestBody = { DisplayName: name, Attributes: attributes };
  if (json.ResumeContactId !== undefined) {
    if (typeof json.ResumeContactId !== 'string' || !CONTACT_ID.test(json.ResumeContactId)) {
      return fail('invalid_resume_contact_id', 'ResumeContactId');
    }
    body.ResumeContactId = json.ResumeContactId;
  }
  return { ok: true, body };
}
