import { describe, expect, it } from 'vitest';
import { safeWebUrl } from '../../../src/components/Interactive/safeWebUrl';

describe('safeWebUrl', () => {
  it.each([
    ['https://example.com/a b.png', 'https://example.com/a%20b.png'],
    ['  HTTP://Example.com/x ', 'http://example.com/x'],
  ])('keeps the absolute http(s) URL %j', (input, expected) => {
    expect(safeWebUrl(input)).toBe(expected);
  });

  it.each([
    undefined,
    '',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'data:image/svg+xml,<svg onload="alert(1)"></svg>',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x.png',
    '/relative.png',
    'x" onerror="alert(1)',
    'https://',
  ])('refuses %j', (input) => {
    expect(safeWebUrl(input)).toBeUndefined();
  });
});
