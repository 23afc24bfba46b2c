// The menu bar's items as the window knows them, and who answers each.
//
// The shell's native menu (src-tauri/src/menu.rs) sends a click as ONE `menu` event carrying the
// item's id. Whoever owns what an item does registers the very function its button or key calls
// with `onMenu(id, handler)` while it is on screen, so the menu never has a code path of its
// own. A click nobody answers (an item whose feature is not in this build, or with nothing on
// screen to act on) shows a notice saying so, never nothing. `MENU_ITEMS` must hold exactly the
// shell's ids: a Rust test of menu.rs reads this list.
import type { Platform } from './platform';

export const MENU_ITEMS = [
  { id: 'file.new-organisation', label: 'New organisation' },
  { id: 'file.import', label: 'Import' },
  { id: 'file.export', label: 'Export' },
  { id: 'file.report', label: 'Report' },
  { id: 'file.backup', label: 'Back up now' },
  { id: 'file.restore', label: 'Restore' },
  { id: 'file.open-pack', label: 'Open framework pack' },
  { id: 'file.preferences', label: 'Preferences' },
  { id: 'edit.undo', label: 'Undo' },
  { id: 'edit.redo', label: 'Redo' },
  { id: 'view.graph', label: 'Graph' },
  { id: 'view.map', label: 'Map' },
  { id: 'view.dashboard', label: 'Dashboard' },
  { id: 'view.outline', label: 'Outline' },
  { id: 'view.crosswalk', label: 'Crosswalk' },
  { id: 'view.fit', label: 'Fit the graph' },
  { id: 'view.present', label: 'Present' },
  { id: 'view.theme', label: 'Switch light or dark theme' },
  { id: 'help.shortcuts', label: 'Keyboard shortcuts' },
  { id: 'help.about', label: 'About Capability Atlas' },
] as const;

export type MenuId = (typeof MENU_ITEMS)[number]['id'];

/** Handlers by id; the newest registration answers, so a dialog on top can take an item over. */
const handlers = new Map<string, (() => void)[]>();

/** Answers menu item `id` with `handler` until the returned function is called. */
export function onMenu(id: MenuId, handler: () => void): () => void {
  const list = handlers.get(id) ?? [];
  list.push(handler);
  handlers.set(id, list);
  return () => {
    const at = list.lastIndexOf(handler);
    if (at >= 0) list.splice(at, 1);
  };
}

/** Registers several handlers at once; returns the function that removes them all. */
export function onMenus(map: Partial<Record<MenuId, () => void>>): () => void {
  const stops = Object.entries(map).map(([id, h]) => onMenu(id as MenuId, h as () => void));
  return () => stops.forEach((stop) => stop());
}

/** What a click on `id` says when nothing on screen answers it. */
export function unanswered(id: string): string {
  const item = MENU_ITEMS.find((i) => i.id === id);
  if (!item) return `The menu sent an item this window does not know (${id.slice(0, 80)}).`;
  if (id === 'edit.undo' || id === 'edit.redo')
    return `${item.label}: open a capability of an organisation first; its changes are undone there.`;
  if (id === 'view.fit') return 'Fit the graph: switch to the Graph view first.';
  return `${item.label} is not available in this version yet.`;
}

/** Runs the newest handler of `id`; says so through `notice` when there is none. */
export function dispatchMenu(id: string, notice: (text: string) => void): boolean {
  const list = handlers.get(id);
  const handler = list?.[list.length - 1];
  if (!handler) {
    notice(unanswered(id));
    return false;
  }
  handler();
  return true;
}

/** Listens for the shell's menu clicks; resolves to the function that stops listening. */
export function listenMenu(platform: Platform, notice: (text: string) => void): Promise<() => void> {
  return platform.listen('menu', (id) => void dispatchMenu(id, notice));
}
