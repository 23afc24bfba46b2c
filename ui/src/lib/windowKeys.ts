// The window's own keys, asked after presenting's: Ctrl/Cmd+P the report (instead of the
// webview printing the window), Ctrl/Cmd+K anywhere or `/` when not typing opens search,
// Alt+←/→ walk the reading history, and a view's letter switches to it when nobody is typing
// and no dialog is open. A key someone types into a field never becomes a command.
import { isTyping } from './typing';

export type WindowKey =
  { kind: 'report' } | { kind: 'search' } | { kind: 'back' } | { kind: 'forward' } | { kind: 'view'; key: string };

/** What `event` asks of the window, if anything; `searchOpen` says whether search already is. */
export function windowKey(event: KeyboardEvent, searchOpen: boolean): WindowKey | null {
  const typing = isTyping(event);
  const command = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (key === 'p' && command && !event.altKey) return { kind: 'report' };
  if (key === 'k' && command) return { kind: 'search' };
  if (typing) return null;
  if (event.key === '/') return searchOpen ? null : { kind: 'search' };
  if (event.altKey && event.key === 'ArrowLeft') return { kind: 'back' };
  if (event.altKey && event.key === 'ArrowRight') return { kind: 'forward' };
  const dialog = !!document.querySelector('[role="dialog"], dialog[open]');
  if (!dialog && !command && !event.altKey && event.key.length === 1) return { kind: 'view', key: event.key };
  return null;
}
