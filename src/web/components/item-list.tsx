import type { ComponentChildren } from 'preact';

/**
 * The items as a list (`cards` on the resident's and employer's pages, `queue` on the
 * officer's), or the one line saying there are none: an empty list would say nothing.
 */
export function ItemList<T>(props: {
  items: readonly T[];
  class: 'cards' | 'queue';
  /** The translated line shown when there are no items. */
  empty: string;
  id?: string;
  /** One `<li>` per item. */
  children: (item: T) => ComponentChildren;
}) {
  if (props.items.length === 0) return <p class="empty">{props.empty}</p>;
  return (
    <ul class={props.class} id={props.id}>
      {props.items.map(props.children)}
    </ul>
  );
}
