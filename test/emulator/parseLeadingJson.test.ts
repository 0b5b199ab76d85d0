import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLeadingJson } from 'contact-kit/emulator';

describe('parseLeadingJson', () => {
  it("parses the iOS SDK's subscribe frame with its trailing ')'", () => {
    expect(
      parseLeadingJson('{"topic": "aws/subscribe", "content": {"topics": ["aws/chat"]}})'),
    ).toEqual({
      topic: 'aws/subscribe',
      content: { topics: ['aws/chat'] },
    });
  });

  it('handles braces and escaped quotes inside strings', () => {
    expect(parseLeadingJson('{"a":"}\\"{","b":[1,{"c":"]"}]}tail')).toEqual({
      a: '}"{',
      b: [1, { c: ']' }],
    });
  });

  it.each(['', 'junk', '"just a string"x', '{"open":', '42 trailing', ')({}'])(
    'returns undefined for %j',
    (text) => {
      expect(parseLeadingJson(text)).toBeUndefined();
    },
  );

  it('recovers any JSON object followed by any junk', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), (value, junk) => {
        expect(parseLeadingJson(JSON.stringify(value) + junk)).toEqual(
          JSON.parse(JSON.stringify(value)),
        );
      }),
    );
  });
});
