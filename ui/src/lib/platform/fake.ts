// An in-memory platform for unit tests: a small framework with the same shapes the core sends.
import type {
  Assessment,
  Comparison,
  Dashboard,
  FrameworkView,
  HistoryEntry,
  NodeDetail,
  Organisation,
  Presentation,
  SavedLayout,
  Tour,
  TourView,
  Workshop,
  Side,
  Snapshot,
  StoreStatus,
} from './bindings';
import { AppError, emptyAssessment, type Args, type Command, type Events, type Platform, type Result } from './index';
import { applyPatch, isEmptyPatch, patchBetween } from '../patch';

const source = { section: 'Test', page: 1 };

export const fakeFramework: FrameworkView = {
  id: 'mini',
  name: 'Mini framework',
  short_name: 'Mini',
  version: '1',
  published: '2024-01-01',
  root: 'mini',
  attribution: 'Written for tests.',
  notice: 'Not affiliated with anyone.',
  kinds: [
    { id: 'framework', label: 'Framework', plural: 'Frameworks' },
    { id: 'perspective', label: 'Perspective', plural: 'Perspectives' },
    { id: 'capability', label: 'Capability', plural: 'Capabilities' },
    { id: 'stakeholder', label: 'Stakeholder', plural: 'Stakeholders' },
  ],
  edge_kinds: [
    { id: 'part_of', label: 'is part of' },
    { id: 'concerns', label: 'is concerned with' },
    { id: 'references', label: 'refers to' },
  ],
  statuses: [{ id: 'new', label: 'New', description: 'Added.' }],
  maturity: [
    { level: 0, name: 'Not started', definition: 'Nothing yet.' },
    { level: 1, name: 'Initial', definition: 'Some.' },
  ],
  nodes: [
    {
      id: 'mini',
      kind: 'framework',
      title: 'Mini',
      tagline: 'A tiny framework.',
      status: null,
      order: null,
      parent: null,
    },
    { id: 'alpha', kind: 'perspective', title: 'Alpha', tagline: 'First view.', status: null, order: 1, parent: null },
    { id: 'beta', kind: 'perspective', title: 'Beta', tagline: 'Second view.', status: null, order: 2, parent: null },
    {
      id: 'a-one',
      kind: 'capability',
      title: 'Alpha one',
      tagline: 'Does one thing.',
      status: 'new',
      order: 1,
      parent: 'alpha',
    },
    {
      id: 'b-one',
      kind: 'capability',
      title: 'Beta one',
      tagline: 'Does another.',
      status: null,
      order: 1,
      parent: 'beta',
    },
    { id: 'boss', kind: 'stakeholder', title: 'Boss', tagline: 'Decides.', status: null, order: null, parent: null },
  ],
  edges: [
    { from: 'alpha', to: 'mini', kind: 'part_of' },
    { from: 'beta', to: 'mini', kind: 'part_of' },
    { from: 'a-one', to: 'alpha', kind: 'part_of' },
    { from: 'b-one', to: 'beta', kind: 'part_of' },
    { from: 'boss', to: 'alpha', kind: 'concerns' },
    { from: 'a-one', to: 'b-one', kind: 'references' },
  ],
};

function detail(id: string): NodeDetail {
  const node = fakeFramework.nodes.find((n) => n.id === id);
  if (!node) throw new AppError({ code: 'not_found', message: `no node has the id \`${id}\`` });
  const link = (other: string, edge: string) => {
    const n = fakeFramework.nodes.find((x) => x.id === other)!;
    return { id: n.id, kind: n.kind, title: n.title, edge, source };
  };
  return {
    id: node.id,
    kind: node.kind,
    kind_label: fakeFramework.kinds.find((k) => k.id === node.kind)!.label,
    title: node.title,
    tagline: node.tagline,
    status: node.status,
    aliases: [],
    source,
    html: `<p>The body of ${node.title}.</p>`,
    links: fakeFramework.edges.filter((e) => e.from === id).map((e) => link(e.to, e.kind)),
    backlinks: fakeFramework.edges.filter((e) => e.to === id).map((e) => link(e.from, e.kind)),
  };
}

export class FakePlatform implements Platform {
  readonly calls: { command: Command; args: unknown }[] = [];
  framework: FrameworkView | AppError = fakeFramework;
  /** How many more searches answer that the index is still being prepared, as at start-up. */
  searchesBeforeReady = 0;
  /** The annotation store, in memory: organisations, assessments by `org:capability`, and an
   *  undo stack of the previous values. */
  storeStatus: StoreStatus = { error: null, read_only: null };
  organisations: Organisation[] = [];
  assessments = new Map<string, Assessment>();
  undoStack: { key: string; before: Assessment | undefined }[] = [];
  redoStack: { key: string; before: Assessment | undefined }[] = [];
  history: HistoryEntry[] = [];
  snapshots: (Snapshot & { data: Record<string, Assessment> })[] = [];
  layouts = new Map<string, SavedLayout>();
  exports: { name: string; data: string; base64: boolean }[] = [];
  /** Built-in tours first, then the user's; built-in ones refuse edits as the core does. */
  tours: TourView[] = [
    {
      id: 'mini-intro',
      title: 'Mini in three steps',
      summary: 'A walk for tests.',
      builtin: true,
      steps: [
        {
          node: 'mini',
          title: 'Mini',
          kind: 'framework',
          depth: 1,
          view: 'graph',
          notes: '- Start here.',
          notes_html: '<ul><li>Start here.</li></ul>',
        },
        { node: 'alpha', title: 'Alpha', kind: 'perspective', depth: 2, view: null, notes: '', notes_html: '' },
        {
          node: 'a-one',
          title: 'Alpha one',
          kind: 'capability',
          depth: 1,
          view: 'map',
          notes: '**Ask** the room.',
          notes_html: '<p><strong>Ask</strong> the room.</p>',
        },
      ],
    },
  ];
  workshops: Workshop[] = [];
  presentation: Presentation | null = null;
  opened: string[] = [];
  private listeners = new Map<string, Set<(payload: never) => void>>();

  /** Broadcasts as the shell does, to every listener of `event`. */
  emit<E extends keyof Events>(event: E, payload: Events[E]) {
    for (const h of this.listeners.get(event) ?? []) (h as (p: Events[E]) => void)(structuredClone(payload));
  }

  async listen<E extends keyof Events>(event: E, handler: (payload: Events[E]) => void) {
    const set = this.listeners.get(event) ?? new Set();
    set.add(handler as (payload: never) => void);
    this.listeners.set(event, set);
    return () => void set.delete(handler as (payload: never) => void);
  }

  private tourView(t: Tour): TourView {
    const nodes = this.frameworkView().nodes;
    return {
      id: t.id,
      title: t.title,
      summary: t.summary ?? '',
      builtin: false,
      steps: t.steps.map((s) => {
        const n = nodes.find((x) => x.id === s.node);
        const notes = s.notes ?? '';
        return {
          node: s.node,
          depth: s.depth,
          view: s.view ?? null,
          notes,
          title: n?.title ?? s.node,
          kind: n?.kind ?? '',
          notes_html: notes ? `<p>${notes}</p>` : '',
        };
      }),
    };
  }

  private runningWorkshop(id: number): Workshop {
    const w = this.workshops.find((x) => x.id === id);
    if (!w) throw new AppError({ code: 'not_found', message: `there is no workshop with id ${id}` });
    return w;
  }

  /** The organisation's assessments, by capability id. */
  assessmentsOf(org: number): Record<string, Assessment> {
    const out: Record<string, Assessment> = {};
    for (const [key, a] of this.assessments) {
      const [o, cap] = key.split(':');
      if (Number(o) === org) out[cap] = structuredClone(a);
    }
    return out;
  }

  private checkLevels(a: Assessment) {
    const max = Math.max(...this.frameworkView().maturity.map((m) => m.level));
    for (const field of ['current', 'target'] as const) {
      const v = a[field];
      if (v !== null && v > max) {
        throw new AppError({ code: 'invalid_input', message: `${field}: ${v} is not on the maturity scale` });
      }
    }
  }

  private frameworkView(): FrameworkView {
    return this.framework instanceof AppError ? fakeFramework : this.framework;
  }

  private record(org: number, capability: string, before: Assessment | undefined, after: Assessment) {
    const set = this.history.length + 1;
    // As in the core: a change made while the organisation's workshop runs belongs to it.
    const workshop = this.workshops.find((w) => w.org_id === org && w.ended_at === null)?.title ?? null;
    for (const field of Object.keys(after) as (keyof Assessment)[]) {
      const old = before ? before[field] : emptyAssessment()[field];
      if (JSON.stringify(old) !== JSON.stringify(after[field])) {
        this.history.push({
          change_set: set,
          at: '2026-01-01T00:00:00Z',
          author: 'Tester',
          action: 'edit',
          workshop,
          capability,
          field,
          old,
          new: after[field],
        });
      }
    }
  }

  private side(side: Side): [string, Record<string, Assessment>] {
    if (side.kind === 'current') return ['Now', this.assessmentsOf(side.org)];
    const snap = this.snapshots.find((s) => s.id === side.snapshot);
    if (!snap) throw new AppError({ code: 'not_found', message: `no snapshot has the id ${side.snapshot}` });
    return [snap.name, snap.data];
  }

  /** The dashboard computed the way the core does, over this framework. */
  private dashboard(org: number): Dashboard {
    const fw = this.frameworkView();
    const all = this.assessmentsOf(org);
    const perspectives = fw.nodes
      .filter((n) => n.kind === 'perspective')
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    const mean = (v: number[]) => (v.length ? v.reduce((x, y) => x + y, 0) / v.length : null);
    const gaps: Dashboard['gaps'] = [];
    const scores = perspectives.map((p) => {
      const caps = fw.nodes.filter((n) => n.kind === 'capability' && n.parent === p.id);
      const live = caps.map((c) => [c, all[c.id]] as const).filter(([, a]) => a?.not_applicable == null);
      for (const [c, a] of live) {
        if (a?.target != null && a.target > (a.current ?? 0)) {
          gaps.push({
            capability: c.id,
            title: c.title,
            perspective: p.title,
            current: a.current,
            target: a.target,
            gap: a.target - (a.current ?? 0),
            priority: a.priority,
            stage: a.stage,
          });
        }
      }
      const current = live.flatMap(([, a]) => (a?.current != null ? [a.current] : []));
      const target = live.flatMap(([, a]) => (a?.target != null ? [a.target] : []));
      return {
        id: p.id,
        title: p.title,
        capabilities: caps.length,
        assessed: current.length,
        not_applicable: caps.length - live.length,
        current: mean(current),
        target: mean(target),
      };
    });
    gaps.sort((a, b) => b.gap - a.gap);
    const stages = fw.nodes.filter((n) => n.kind === 'stage');
    const roadmap: Dashboard['roadmap'] = stages.map((s) => ({
      stage: s.id,
      title: s.title,
      items: gaps.filter((g) => g.stage === s.id),
    }));
    const unplanned = gaps.filter((g) => g.stage === null);
    if (unplanned.length) roadmap.push({ stage: null, title: 'Not yet planned', items: unplanned });
    return {
      capabilities: scores.reduce((n, p) => n + p.capabilities, 0),
      assessed: scores.reduce((n, p) => n + p.assessed, 0),
      not_applicable: scores.reduce((n, p) => n + p.not_applicable, 0),
      perspectives: scores,
      gaps: gaps.slice(0, 10),
      roadmap,
    };
  }

  async call<K extends Command>(command: K, args: Args<K>): Promise<Result<K>> {
    this.calls.push({ command, args });
    switch (command) {
      case 'framework':
        if (this.framework instanceof AppError) throw this.framework;
        return this.framework as Result<K>;
      case 'node':
        return detail((args as Args<'node'>).id) as Result<K>;
      case 'store_status':
        return this.storeStatus as Result<K>;
      case 'organisations':
        return [...this.organisations] as Result<K>;
      case 'create_organisation': {
        const name = (args as Args<'create_organisation'>).name.trim();
        if (this.organisations.some((o) => o.name === name)) {
          throw new AppError({ code: 'invalid_input', message: `an organisation named \`${name}\` already exists` });
        }
        const org = { id: this.organisations.length + 1, name, description: '', created_at: '2026-01-01T00:00:00Z' };
        this.organisations.push(org);
        return org as Result<K>;
      }
      case 'assessment': {
        const a = args as Args<'assessment'>;
        return structuredClone(this.assessments.get(`${a.org}:${a.capability}`) ?? emptyAssessment()) as Result<K>;
      }
      case 'save_assessment': {
        // As in the core: the fields sent are applied to the assessment as stored now.
        const a = args as Args<'save_assessment'>;
        const key = `${a.org}:${a.capability}`;
        const before = this.assessments.get(key);
        const after = applyPatch(before ?? emptyAssessment(), a.changes);
        this.checkLevels(after);
        if (isEmptyPatch(patchBetween(before ?? emptyAssessment(), after))) return structuredClone(after) as Result<K>;
        this.undoStack.push({ key, before });
        this.record(a.org, a.capability, before, after);
        this.assessments.set(key, after);
        return structuredClone(after) as Result<K>;
      }
      case 'undo': {
        const last = this.undoStack.pop();
        if (!last) throw new AppError({ code: 'invalid_input', message: 'nothing to undo' });
        this.redoStack.push({ key: last.key, before: this.assessments.get(last.key) });
        if (last.before) this.assessments.set(last.key, last.before);
        else this.assessments.delete(last.key);
        return { capabilities: [last.key.split(':')[1]], fields: [] } as Result<K>;
      }
      case 'redo': {
        const last = this.redoStack.pop();
        if (!last) throw new AppError({ code: 'invalid_input', message: 'nothing to redo' });
        this.undoStack.push({ key: last.key, before: this.assessments.get(last.key) });
        if (last.before) this.assessments.set(last.key, last.before);
        else this.assessments.delete(last.key);
        return { capabilities: [last.key.split(':')[1]], fields: [] } as Result<K>;
      }
      case 'assessments':
        return this.assessmentsOf((args as Args<'assessments'>).org) as Result<K>;
      case 'save_assessments': {
        const { org, capabilities, edit } = args as Args<'save_assessments'>;
        const next = capabilities.map((cap) => {
          const before = this.assessments.get(`${org}:${cap}`);
          const after = { ...(before ?? emptyAssessment()), [edit.field]: edit.value } as Assessment;
          this.checkLevels(after);
          return [cap, before, after] as const;
        });
        const out: Record<string, Assessment> = {};
        for (const [cap, before, after] of next) {
          this.record(org, cap, before, after);
          this.assessments.set(`${org}:${cap}`, after);
          out[cap] = structuredClone(after);
        }
        return out as Result<K>;
      }
      case 'history': {
        const { capability } = args as Args<'history'>;
        return this.history.filter((h) => capability === null || h.capability === capability) as Result<K>;
      }
      case 'snapshots': {
        const { org } = args as Args<'snapshots'>;
        return this.snapshots.filter((s) => s.org_id === org).map(({ data: _data, ...s }) => s) as Result<K>;
      }
      case 'take_snapshot': {
        const { org, name } = args as Args<'take_snapshot'>;
        if (!name.trim()) throw new AppError({ code: 'invalid_input', message: 'snapshot: a name is required' });
        const snap = {
          id: this.snapshots.length + 1,
          org_id: org,
          name: name.trim(),
          taken_at: '2026-01-01T00:00:00Z',
        };
        this.snapshots.push({ ...snap, data: this.assessmentsOf(org) });
        return snap as Result<K>;
      }
      case 'compare': {
        const { a, b } = args as Args<'compare'>;
        const [aLabel, x] = this.side(a);
        const [bLabel, y] = this.side(b);
        const empty = emptyAssessment();
        const ids = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
        const out: Comparison = { a: aLabel, b: bLabel, capabilities: [] };
        for (const id of ids) {
          const p = x[id] ?? empty;
          const q = y[id] ?? empty;
          const changes = (Object.keys(empty) as (keyof Assessment)[])
            .filter((f) => JSON.stringify(p[f]) !== JSON.stringify(q[f]))
            .map((f) => ({ field: f, a: p[f], b: q[f] }));
          if (!changes.length) continue;
          const delta = (m: number | null, n: number | null) => (m === null || n === null ? null : n - m);
          const node = this.frameworkView().nodes.find((n) => n.id === id);
          out.capabilities.push({
            capability: id,
            title: node?.title ?? id,
            orphaned: !node,
            current_delta: delta(p.current, q.current),
            target_delta: delta(p.target, q.target),
            changes,
          });
        }
        return out as Result<K>;
      }
      case 'dashboard':
        return this.dashboard((args as Args<'dashboard'>).org) as Result<K>;
      case 'lens': {
        const { stakeholder } = args as Args<'lens'>;
        const fw = this.frameworkView();
        if (fw.nodes.find((n) => n.id === stakeholder)?.kind !== 'stakeholder') {
          throw new AppError({
            code: 'not_found',
            message: `\`${stakeholder}\` is not a stakeholder of this framework`,
          });
        }
        const concerned = fw.edges.filter((e) => e.from === stakeholder && e.kind === 'concerns').map((e) => e.to);
        const kind = (id: string) => fw.nodes.find((n) => n.id === id)?.kind;
        const perspectives = concerned.filter((id) => kind(id) === 'perspective');
        const direct = concerned.filter((id) => kind(id) === 'capability');
        const via = fw.nodes
          .filter(
            (n) => n.kind === 'capability' && n.parent && perspectives.includes(n.parent) && !direct.includes(n.id),
          )
          .map((n) => n.id);
        return { stakeholder, perspectives, direct, via_perspective: via } as Result<K>;
      }
      case 'layout':
        return (this.layouts.get((args as Args<'layout'>).pack) ?? null) as Result<K>;
      case 'save_layout': {
        const { pack, layout } = args as Args<'save_layout'>;
        this.layouts.set(pack, structuredClone(layout));
        return null as Result<K>;
      }
      case 'export_file': {
        const a = args as Args<'export_file'>;
        this.exports.push(a);
        return `/exports/${a.name}` as Result<K>;
      }
      case 'search': {
        if (this.searchesBeforeReady > 0) {
          this.searchesBeforeReady--;
          throw new AppError({
            code: 'not_ready',
            message: 'search is still being prepared; it will be ready in a moment',
          });
        }
        // Case-insensitive substring match on titles: enough to exercise the palette.
        const { query, limit } = args as Args<'search'>;
        const needle = query.trim().toLowerCase();
        const hits = needle
          ? fakeFramework.nodes
              .filter((n) => n.title.toLowerCase().includes(needle))
              .slice(0, limit)
              .map((n, i) => ({
                id: n.id,
                kind: n.kind,
                title: n.title,
                perspective: null,
                org: null,
                score: 10 - i,
                snippet: `<mark>${n.title}</mark> ${n.tagline}`,
              }))
          : [];
        return hits as Result<K>;
      }
      case 'tours':
        return structuredClone(this.tours) as Result<K>;
      case 'save_tour': {
        const { tour } = args as Args<'save_tour'>;
        if (!tour.title.trim())
          throw new AppError({ code: 'invalid_input', message: 'tour: title: a tour needs a title' });
        if (this.tours.some((t) => t.builtin && t.id === tour.id)) {
          throw new AppError({
            code: 'invalid_input',
            message: 'built-in tours cannot be changed; duplicate it to make your own',
          });
        }
        const bad = tour.steps.find((s) => !this.frameworkView().nodes.some((n) => n.id === s.node));
        if (bad) throw new AppError({ code: 'invalid_input', message: `no node has the id \`${bad.node}\`` });
        let id = tour.id;
        if (!id) {
          const base =
            tour.title
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '-')
              .replace(/^-|-$/g, '') || 'tour';
          id = base;
          for (let n = 2; this.tours.some((t) => t.id === id); n++) id = `${base}-${n}`;
        }
        const view = this.tourView({ ...tour, id });
        const at = this.tours.findIndex((t) => t.id === id);
        if (at >= 0) this.tours[at] = view;
        else this.tours.push(view);
        return structuredClone(view) as Result<K>;
      }
      case 'delete_tour': {
        const { id } = args as Args<'delete_tour'>;
        const at = this.tours.findIndex((t) => t.id === id && !t.builtin);
        if (at < 0)
          throw new AppError({ code: 'not_found', message: `there is no tour of yours with the id \`${id}\`` });
        this.tours.splice(at, 1);
        return null as Result<K>;
      }
      case 'export_tour': {
        const { id } = args as Args<'export_tour'>;
        this.exports.push({ name: `${id}.toml`, data: id, base64: false });
        return `/exports/${id}.toml` as Result<K>;
      }
      case 'import_tour': {
        const { text } = args as Args<'import_tour'>;
        const title = /title\s*=\s*"([^"]*)"/.exec(text)?.[1];
        if (!title) throw new AppError({ code: 'invalid_input', message: 'tour file: line 1: missing field `title`' });
        const node = /node\s*=\s*"([^"]*)"/.exec(text)?.[1] ?? 'mini';
        return this.call('save_tour', {
          tour: { id: '', title, summary: '', order: null, steps: [{ node, depth: 1, notes: '' }] },
        } as Args<'save_tour'>) as Promise<Result<K>>;
      }
      case 'workshops': {
        const { org } = args as Args<'workshops'>;
        return structuredClone(this.workshops.filter((w) => w.org_id === org).reverse()) as Result<K>;
      }
      case 'start_workshop': {
        const { org, title, tour } = args as Args<'start_workshop'>;
        const running = this.workshops.find((w) => w.org_id === org && w.ended_at === null);
        if (running)
          throw new AppError({
            code: 'invalid_input',
            message: `already in the workshop \`${running.title}\`; end it first`,
          });
        const w: Workshop = {
          id: this.workshops.length + 1,
          org_id: org,
          title,
          tour,
          started_at: '2026-01-01T00:00:00Z',
          ended_at: null,
          votes: {},
        };
        this.workshops.push(w);
        return structuredClone(w) as Result<K>;
      }
      case 'end_workshop': {
        const { id, snapshot } = args as Args<'end_workshop'>;
        const w = this.runningWorkshop(id);
        if (snapshot) await this.call('take_snapshot', { org: w.org_id, name: snapshot });
        w.ended_at = '2026-01-01T01:00:00Z';
        return structuredClone(w) as Result<K>;
      }
      case 'vote': {
        const { workshop, capability, delta } = args as Args<'vote'>;
        const w = this.runningWorkshop(workshop);
        if (w.ended_at) throw new AppError({ code: 'invalid_input', message: 'the workshop has ended' });
        const n = Math.max(0, (w.votes[capability] ?? 0) + delta);
        if (n) w.votes[capability] = n;
        else delete w.votes[capability];
        return n as Result<K>;
      }
      case 'presentation':
        return structuredClone(this.presentation) as Result<K>;
      case 'set_presentation': {
        const { state } = args as Args<'set_presentation'>;
        this.presentation = structuredClone(state);
        this.emit('presentation', state);
        return null as Result<K>;
      }
      case 'open_presenter':
        this.opened.push('presenter');
        return null as Result<K>;
      default:
        throw new AppError({ code: 'internal', message: `unknown command ${String(command)}` });
    }
  }
}
