import type { MessageKey } from '../../i18n/web/messages';
import { useWeb } from '../render';

/**
 * The one confirmation pattern after an action (issue 13 item 9): a POST handler redirects to
 * its page with `?done=<code>`; the page frame looks the code up in its role's table and shows
 * the message in the notice banner (Layout's `<p class="notice" role="status">`). Adopting it
 * for a new action takes a redirect with a code and a line in the table; unknown codes show
 * nothing, so a crafted link cannot put text on the page.
 */
export type DoneMessages = Readonly<Record<string, MessageKey>>;

/** The confirmation for the current page's `?done=`, translated, or undefined. */
export function useDoneNotice(messages: DoneMessages): string | undefined {
  const { t, url } = useWeb();
  const q = url.indexOf('?');
  if (q < 0) return undefined;
  const code = new URLSearchParams(url.slice(q + 1)).get('done');
  if (!code || !Object.prototype.hasOwnProperty.call(messages, code)) return undefined;
  return t(messages[code]);
}

/** A path with `done=<code>` added to its query (what an action redirects to). */
export function withDone(path: string, code: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}done=${encodeURIComponent(code)}`;
}
