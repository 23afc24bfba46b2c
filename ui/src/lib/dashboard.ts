// Pure helpers shared by the capability map and the dashboard: the framework's columns, means,
// and how numbers, deltas and stored values are written. Kept free of the DOM: unit-tested.
import type { Assessment, BulkEdit, FrameworkView, NodeSummary, Priority } from './platform';

export const PRIORITIES: Priority[] = ['low', 'medium', 'high', 'critical'];

const byOrder = (a: NodeSummary, b: NodeSummary) =>
  (a.order ?? Infinity) - (b.order ?? Infinity) || a.title.localeCompare(b.title);

export type Column = { perspective: NodeSummary; capabilities: NodeSummary[] };

/** The map's columns: perspectives in framework order, each with its capabilities in order. */
export function columnsOf(framework: FrameworkView): Column[] {
  const perspectives = framework.nodes.filter((n) => n.kind === 'perspective').sort(byOrder);
  return perspectives.map((perspective) => ({
    perspective,
    capabilities: framework.nodes.filter((n) => n.kind === 'capability' && n.parent === perspective.id).sort(byOrder),
  }));
}

/** Mean current maturity of the assessed capabilities (not-applicable ones excluded), or null. */
export function meanCurrent(ids: string[], assessments: Record<string, Assessment | undefined>): number | null {
  const levels = ids
    .map((id) => assessments[id])
    .filter((a): a is Assessment => !!a && a.not_applicable === null && a.current !== null)
    .map((a) => a.current as number);
  return levels.length ? levels.reduce((s, n) => s + n, 0) / levels.length : null;
}

/** A score with one decimal, or an em dash when there is nothing to average. */
export function formatScore(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? '—' : n.toFixed(1);
}

/** The ids from `from` to `to` inclusive, in the order given (either end may come first). */
export function rangeBetween(order: string[], from: string, to: string): string[] {
  const i = order.indexOf(from);
  const j = order.indexOf(to);
  if (i < 0 || j < 0) return j < 0 ? [] : [to];
  return order.slice(Math.min(i, j), Math.max(i, j) + 1);
}

/** The card an arrow key, Home or End moves to from `id` on the map, or null at an edge. */
export function neighbourIn(columns: Column[], id: string, key: string): string | null {
  const ci = columns.findIndex((c) => c.capabilities.some((n) => n.id === id));
  if (ci < 0) return null;
  const col = columns[ci].capabilities;
  const ri = col.findIndex((n) => n.id === id);
  switch (key) {
    case 'ArrowUp':
      return col[ri - 1]?.id ?? null;
    case 'ArrowDown':
      return col[ri + 1]?.id ?? null;
    case 'Home':
      return col[0].id;
    case 'End':
      return col[col.length - 1].id;
    case 'ArrowLeft':
    case 'ArrowRight': {
      const step = key === 'ArrowRight' ? 1 : -1;
      // Skip perspectives without capabilities; land on the same row or the last card.
      for (let c = ci + step; c >= 0 && c < columns.length; c += step) {
        const other = columns[c].capabilities;
        if (other.length) return other[Math.min(ri, other.length - 1)].id;
      }
      return null;
    }
  }
  return null;
}

export type Delta = { text: string; direction: 'up' | 'down' | 'same' | 'none'; words: string };

/** A change in level as arrow, sign and number (never colour alone): "▲ +2", "▼ −1". */
export function formatDelta(d: number | null): Delta {
  if (d === null) return { text: '—', direction: 'none', words: 'no change recorded' };
  if (d > 0) return { text: `▲ +${d}`, direction: 'up', words: `up ${d}` };
  if (d < 0) return { text: `▼ −${-d}`, direction: 'down', words: `down ${-d}` };
  return { text: '0', direction: 'same', words: 'unchanged' };
}

const FIELD_NAMES: Record<string, string> = {
  current: 'Current',
  target: 'Target',
  priority: 'Priority',
  stage: 'Stage',
  owner: 'Owner',
  not_applicable: 'Not applicable',
  notes: 'Notes',
  evidence: 'Evidence',
  tags: 'Tags',
  confidence: 'Confidence',
};

export function fieldName(field: string): string {
  return FIELD_NAMES[field] ?? field.charAt(0).toUpperCase() + field.slice(1).replaceAll('_', ' ');
}

/** A stored value as short text: node ids become titles, lists are joined, nothing is "—". */
export function formatValue(value: unknown, framework?: FrameworkView): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map((v) => formatValue(v, framework)).join(', ') : '—';
  if (typeof value === 'string') {
    const node = framework?.nodes.find((n) => n.id === value);
    if (node) return node.title;
    return value.length > 60 ? `${value.slice(0, 59)}…` : value;
  }
  if (typeof value === 'object') {
    const label = (value as { label?: unknown }).label;
    return typeof label === 'string' ? label : JSON.stringify(value);
  }
  return String(value);
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The sentence announced after a bulk edit: "Target set to 3 for 3 capabilities". */
export function bulkEditMessage(edit: BulkEdit, count: number): string {
  const name = edit.field === 'priority' ? 'Priority' : capitalise(edit.field);
  const n = plural(count, 'capability', 'capabilities');
  if (edit.value === null) return `${name} cleared for ${n}`;
  return `${name} set to ${edit.value} for ${n}`;
}
