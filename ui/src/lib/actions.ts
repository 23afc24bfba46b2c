// The improvement plan as the window shows it: who owns an action (a stakeholder of the pack
// is stored by node id and shown by title; anyone else by the name typed), whether it is
// overdue, and how a status reads. Pure, so the reader's list and the dashboard agree and the
// rules are unit-tested without a DOM.
import type { Action, ActionStatus, NodeSummary } from './platform';

export const STATUSES: { value: ActionStatus; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'done', label: 'Done' },
  { value: 'dropped', label: 'Dropped' },
];

export function statusLabel(status: ActionStatus): string {
  return STATUSES.find((s) => s.value === status)?.label ?? status;
}

/** Today as the core writes dates (YYYY-MM-DD), in the person's own time zone. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Past its due date and still to do. ISO dates compare as text; an action due today is not
 * yet late, and one that is done or dropped never is.
 */
export function isOverdue(action: Pick<Action, 'due' | 'status'>, today: string): boolean {
  const pending = action.status === 'open' || action.status === 'in_progress';
  return pending && action.due !== null && action.due !== '' && action.due < today;
}

/** What the owner field shows: a stakeholder's title for its id, else the name as stored. */
export function ownerLabel(owner: string | null, stakeholders: Pick<NodeSummary, 'id' | 'title'>[]): string {
  if (owner === null) return '';
  return stakeholders.find((s) => s.id === owner)?.title ?? owner;
}

/**
 * What the owner field stores for the text typed: the id of the stakeholder with that title
 * (case and surrounding spaces aside, as a suggestion picked from the list arrives), else the
 * name as typed, trimmed; nothing for an empty field.
 */
export function ownerValue(typed: string, stakeholders: Pick<NodeSummary, 'id' | 'title'>[]): string | null {
  const name = typed.trim();
  if (name === '') return null;
  const folded = name.toLocaleLowerCase();
  return stakeholders.find((s) => s.title.toLocaleLowerCase() === folded)?.id ?? name;
}

/** A new action with this title: the store gives it its id when it is saved. */
export function newAction(title: string): Action {
  return { id: '', title: title.trim(), owner: null, due: null, status: 'open', note: '' };
}
