import { forwardRef, useMemo } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import * as S from './Markdown.styles';
import { linkify, parseMarkdown } from './parseMarkdown';
import type { MarkdownBlock, MarkdownInline } from './parseMarkdown';

/**
 * Renders inline Markdown nodes as React elements. Links open in a new tab without access to
 * this page (`rel="noopener noreferrer"`).
 *
 * @example
 * ```tsx
 * <p>{renderInline(parseInline('Hi **there**'))}</p>
 * ```
 */
export function renderInline(nodes: readonly MarkdownInline[], prefix = 'i'): ReactNode[] {
  return nodes.map((node, index) => {
    const key = `${prefix}.${index}`;
    switch (node.type) {
      case 'text':
        return node.value;
      case 'break':
        return <br key={key} />;
      case 'code':
        return <code key={key}>{node.value}</code>;
      case 'strong':
        return <strong key={key}>{renderInline(node.children, key)}</strong>;
      case 'em':
        return <em key={key}>{renderInline(node.children, key)}</em>;
      case 'strike':
        return <s key={key}>{renderInline(node.children, key)}</s>;
      case 'link':
        return (
          <S.Link key={key} href={node.href} target="_blank" rel="noopener noreferrer">
            {renderInline(node.children, key)}
          </S.Link>
        );
      default:
        return node satisfies never;
    }
  });
}

function renderBlock(block: MarkdownBlock, key: string): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return <p key={key}>{renderInline(block.children, key)}</p>;
    case 'heading':
      // A chat message is not a document section: headings are emphasised text, not <h1>.
      return <S.Heading key={key}>{renderInline(block.children, key)}</S.Heading>;
    case 'list': {
      const items = block.items.map((item, index) => (
        <li key={`${key}.${index}`}>{renderInline(item, `${key}.${index}`)}</li>
      ));
      return block.ordered ? (
        <ol key={key} start={block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'quote':
      return (
        <blockquote key={key}>
          {block.children.map((child, index) => renderBlock(child, `${key}.${index}`))}
        </blockquote>
      );
    case 'code':
      return (
        <pre key={key}>
          <code>{block.value}</code>
        </pre>
      );
    case 'rule':
      return <hr key={key} />;
    default:
      return block satisfies never;
  }
}

/**
 * Props of {@link Markdown}.
 *
 * @example
 * ```tsx
 * <Markdown source="**Order shipped**" />
 * ```
 */
export interface MarkdownProps extends ComponentPropsWithoutRef<'div'> {
  /** The Markdown text. */
  source: string;
}

/**
 * Renders a `text/markdown` message safely: the text is parsed by our own small reader into React
 * elements (never `innerHTML`), HTML in the text shows as text, and only http(s) and mailto links
 * become links.
 *
 * @example
 * ```tsx
 * <Markdown source={'Your order **#1234** has shipped: [track it](https://example.com/t/1234)'} />
 * ```
 */
export const Markdown = /* @__PURE__ */ forwardRef<HTMLDivElement, MarkdownProps>(function Markdown(
  { source, ...rest },
  ref,
) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <S.Root ref={ref} data-content-type="markdown" dir="auto" {...rest}>
      {blocks.map((block, index) => renderBlock(block, `b${index}`))}
    </S.Root>
  );
});

/**
 * Props of {@link LinkifiedText}.
 *
 * @example
 * ```tsx
 * <p>
 *   <LinkifiedText text="See https://example.com" />
 * </p>
 * ```
 */
export interface LinkifiedTextProps {
  /** Plain text; its http(s) URLs become links. */
  text: string;
}

/**
 * Plain text with http(s) URLs turned into links that open in a new tab.
 *
 * @example
 * ```tsx
 * <p style={{ whiteSpace: 'pre-wrap' }}><LinkifiedText text={item.content ?? ''} /></p>
 * ```
 */
export function LinkifiedText({ text }: LinkifiedTextProps): ReactNode {
  const nodes = useMemo(() => linkify(text), [text]);
  return <>{renderInline(nodes, 't')}</>;
}
