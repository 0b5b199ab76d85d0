export { LinkifiedText, Markdown, renderInline } from './Markdown';
export type { LinkifiedTextProps, MarkdownProps } from './Markdown';
export { linkify, parseInline, parseMarkdown, safeHref } from './parseMarkdown';
export type { MarkdownBlock, MarkdownInline } from './parseMarkdown';
