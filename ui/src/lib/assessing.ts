// Assessing from the keyboard, wherever a capability has focus (its card on the map, the reader):
// a digit sets its current level and Shift with a digit its target, A takes the keyboard to the
// first field of its assessment, and Esc there brings it back. Without these an assessor Tabbed
// a dozen times into the form and further still back out, and could not tell a map card from
// the capability open in the reader. The rules are pure, so they are tested without a view.
import type { AssessmentPatch, FrameworkView } from './platform';
import type { OrganisationData } from './organisation.svelte';

/** A level set from the keyboard. */
export type LevelKey = { field: 'current' | 'target'; level: number };

type Key = Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>;

// What Shift makes of each digit on a US keyboard, by digit: the fallback for an event that
// does not say which key was pressed (`code` is empty in synthetic events).
const SHIFTED = ')!@#$%^&*(';

/** The digit on the key pressed, whatever the layout makes of it with Shift. */
function digitOf(event: Key): number | null {
  const code = /^(?:Digit|Numpad)([0-9])$/.exec(event.code ?? '');
  if (code) return Number(code[1]);
  if (/^[0-9]$/.test(event.key)) return Number(event.key);
  const shifted = SHIFTED.indexOf(event.key);
  return event.shiftKey && shifted >= 0 ? shifted : null;
}

/**
 * The level a key sets: a digit that is a level of the scale sets the current level, with Shift
 * the target. Null for anything else, so other keys (and digits past the scale) reach the rest
 * of the app.
 */
export function levelKey(event: Key, levels: readonly number[]): LevelKey | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const digit = digitOf(event);
  if (digit === null || !levels.includes(digit)) return null;
  return { field: event.shiftKey ? 'target' : 'current', level: digit };
}

/** Whether the key asks to go to the assessment: A, alone (no letter shortcut uses it). */
export function assessKey(event: Key): boolean {
  return !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'a';
}

/** The levels of the scale in order. */
export function levelsOf(framework: FrameworkView): number[] {
  return framework.maturity.map((m) => m.level).sort((a, b) => a - b);
}

/** "0–5" for the scale, as the hints name the keys. */
export function levelRange(levels: readonly number[]): string {
  if (levels.length === 0) return '';
  const [low, high] = [levels[0], levels[levels.length - 1]];
  return low === high ? String(low) : `${low}–${high}`;
}

/** What the hint beside a capability says its keys do. */
export function keysHint(levels: readonly number[]): string {
  const range = levelRange(levels);
  return `Keys: ${range} sets the current level, Shift+${range} the target; A goes to the assessment, Esc comes back.`;
}

function patchOf(key: LevelKey): AssessmentPatch {
  return key.field === 'current' ? { current: key.level } : { target: key.level };
}

/** What was set, as the status line says it: "Threat detection: target 4 — Managed". */
export function levelMessage(title: string, key: LevelKey, framework: FrameworkView): string {
  const name = framework.maturity.find((m) => m.level === key.level)?.name;
  return `${title}: ${key.field} ${key.level}${name ? ` — ${name}` : ''}`;
}

/**
 * Stores the level on `capability` alone (never on the capability open elsewhere or the
 * selection) and returns what to tell the person: what was set, or why it was not.
 */
export async function saveLevel(
  data: Pick<OrganisationData, 'save'>,
  framework: FrameworkView,
  capability: string,
  key: LevelKey,
): Promise<string> {
  const title = framework.nodes.find((n) => n.id === capability)?.title ?? capability;
  try {
    await data.save(capability, patchOf(key));
    return levelMessage(title, key, framework);
  } catch (e) {
    return `${title}: not saved. ${(e as Error).message}`;
  }
}
