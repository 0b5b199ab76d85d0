// Renders the built ChatWidget with Node's own ESM loader, as SSR frameworks that keep
// node_modules external do. Catches CommonJS interop and browser globals read at import or render.
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';

const problems = [];
for (const method of ['error', 'warn']) {
  const original = console[method];
  console[method] = (...args) => {
    problems.push(`console.${method}: ${args.map(String).join(' ')}`);
    original(...args);
  };
}

const kit = await import(new URL('../dist/index.js', import.meta.url).href);
const html = renderToString(
  h(kit.ChatWidget, {
    endpoint: 'http://127.0.0.1:9',
    participantToken: 'ssr-smoke-token',
    storage: null,
  }),
);
if (!/<button[^>]*aria-label="Open chat"/.test(html)) {
  problems.push(`the server HTML has no "Open chat" launcher: ${html.slice(0, 300)}`);
}
if (problems.length > 0) {
  console.error(`ssr-smoke: ${problems.join('\n')}`);
  process.exit(1);
}
console.log(
  `ssr-smoke: the built ChatWidget rendered in plain Node (${html.length} bytes of HTML)`,
);
