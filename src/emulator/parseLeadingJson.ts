/**
 * Parses the first JSON object or array at the start of `text` and ignores whatever follows it, the
 * way the real service tolerates the iOS SDK's subscribe frame with a stray trailing `)`. Returns
 * `undefined` when no leading JSON value can be parsed.
 *
 * @example
 * ```ts
 * parseLeadingJson('{"topic":"aws/subscribe","content":{"topics":["aws/chat"]}})');
 * // { topic: 'aws/subscribe', content: { topics: ['aws/chat'] } }
 * ```
 */
export function parseLeadingJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const end = leadingValueEnd(text);
    if (end === undefined) {
      return undefined;
    }
    try {
      return JSON.parse(text.slice(0, end)) as unknown;
    } catch {
      return undefined;
    }
  }
}

/** Index just after the leading `{…}`/`[…]` value, tracking strings and escapes. */
function leadingValueEnd(text: string): number | undefined {
  let index = 0;
  while (index < text.length && /\s/.test(text[index]!)) {
    index += 1;
  }
  const first = text[index];
  if (first !== '{' && first !== '[') {
    return undefined;
  }
  let depth = 0;
  let inString = false;
  for (; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') {
        index += 1;
      } else if (char === '"') {
        inString = false;
      }
      continue;
    }
    if (char === '"') {
      inString = true;
    } else if (char === '{' || char === '[') {
      depth += 1;
    } else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) {
        return index + 1;
      }
    }
  }
  return undefined;
}
