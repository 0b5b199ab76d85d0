import type { ReactNode } from 'react';

/**
 * The product picture, drawn in SVG so the demo ships no image files.
 *
 * @example
 * ```tsx
 * <KettleArt />
 * ```
 */
export function KettleArt(): ReactNode {
  return (
    <svg viewBox="0 0 320 260" role="img" aria-labelledby="kettle-art-title">
      <title id="kettle-art-title">A matte teal pour-over kettle with a long gooseneck spout</title>
      <defs>
        <linearGradient id="kettle-body" x1="0" x2="1">
          <stop offset="0" stopColor="#1f6f78" />
          <stop offset="0.55" stopColor="#2c8f99" />
          <stop offset="1" stopColor="#185a61" />
        </linearGradient>
        <radialGradient id="kettle-shadow" cx="0.5" cy="0.5" r="0.5">
          <stop offset="0" stopColor="#000" stopOpacity="0.22" />
          <stop offset="1" stopColor="#000" stopOpacity="0" />
        </radialGradient>
      </defs>
      <ellipse cx="160" cy="232" rx="118" ry="14" fill="url(#kettle-shadow)" />
      <path d="M96 118 C 70 96, 46 70, 30 58 L 24 64 C 40 80, 62 110, 88 140 Z" fill="#185a61" />
      <path
        d="M92 226 L 228 226 C 240 226, 246 214, 244 200 L 232 118 C 230 100, 212 92, 160 92 C 108 92, 90 100, 88 118 L 76 200 C 74 214, 80 226, 92 226 Z"
        fill="url(#kettle-body)"
      />
      <path
        d="M232 122 C 276 120, 286 150, 282 176 C 278 200, 262 212, 240 208"
        fill="none"
        stroke="#24333a"
        strokeWidth="14"
        strokeLinecap="round"
      />
      <rect x="118" y="78" width="84" height="18" rx="8" fill="#24333a" />
      <circle cx="160" cy="70" r="10" fill="#24333a" />
      <path
        d="M104 132 C 108 170, 106 196, 100 214"
        stroke="#ffffff"
        strokeOpacity="0.25"
        strokeWidth="8"
        fill="none"
        strokeLinecap="round"
      />
      <rect x="140" y="150" width="40" height="22" rx="4" fill="#ffffff" fillOpacity="0.14" />
    </svg>
  );
}
