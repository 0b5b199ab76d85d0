/**
 * The page title with an unread count in front, as in "(2) Original title"; the title itself when
 * nothing is unread.
 *
 * @example
 * ```ts
 * titleWithUnread('Northwind Coffee', 2); // '(2) Northwind Coffee'
 * titleWithUnread('Northwind Coffee', 0); // 'Northwind Coffee'
 * ```
 */
export function titleWithUnread(title: string, count: number): string {
  if (count <= 0) {
    return title;
  }
  return `(${count > 99 ? '99+' : count}) ${title}`;
}
