// An in-memory platform for unit tests: a small framework with the same shapes the core sends.
import type { Assessment, FrameworkView, NodeDetail, Organisation, StoreStatus } from './bindings';
import { AppError, emptyAssessment, type Args, type Command, type Platform, type Result } from './index';

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
    { id: 'mini', kind: 'framework', title: 'Mini', tagline: 'A tiny framework.', status: null, order: null, parent: null },
    { id: 'alpha', kind: 'perspective', title: 'Alpha', tagline: 'First view.', status: null, order: 1, parent: null },
    { id: 'beta', kind: 'perspective', title: 'Beta', tagline: 'Second view.', status: null, order: 2, parent: null },
    { id: 'a-one', kind: 'capability', title: 'Alpha one', tagline: 'Does one thing.', status: 'new', order: 1, parent: 'alpha' },
    { id: 'b-one', kind: 'capability', title: 'Beta one', tagline: 'Does another.', status: null, order: 1, parent: 'beta' },
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
  /** The annotation store, in memory: organisations, assessments by `org:capability`, and an
   *  undo stack of the previous values. */
  storeStatus: StoreStatus = { error: null, read_only: null };
  organisations: Organisation[] = [];
  assessments = new Map<string, Assessment>();
  undoStack: { key: string; before: Assessment | undefined }[] = [];
  redoStack: { key: string; before: Assessment | undefined }[] = [];

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
        const a = args as Args<'save_assessment'>;
        const max = Math.max(...fakeFramework.maturity.map((m) => m.level));
        for (const field of ['current', 'target'] as const) {
          const v = a.assessment[field];
          if (v !== null && v > max) {
            throw new AppError({ code: 'invalid_input', message: `${field}: ${v} is not on the maturity scale` });
          }
        }
        const key = `${a.org}:${a.capability}`;
        this.undoStack.push({ key, before: this.assessments.get(key) });
        this.assessments.set(key, structuredClone(a.assessment));
        return structuredClone(a.assessment) as Result<K>;
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
      case 'search': {
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
      default:
        throw new AppError({ code: 'internal', message: `unknown command ${String(command)}` });
    }
  }
}
