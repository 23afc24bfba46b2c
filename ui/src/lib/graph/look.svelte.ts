// What the graph shows, and how, derived from the pack, the filters, the focus and the lens:
// which nodes are filtered out (hidden, or ghosts kept only to hold their members), the focus
// around the selection, the lens's concerns, and what is faded. Reactive (runes), so the view's
// effects repaint when any of it changes; the painting itself is in paint.ts.

import type { FrameworkView } from '../platform';
import type { Heat } from '../heat';
import { toElements } from './elements';
import { hiddenBy, modelOf, NO_FILTERS, type GraphFilters } from './filters';
import { adjacency, fadedBy, neighbourhood } from './focus';
import type { Look } from './paint';

/** The view's props this derives from, read when needed so it follows them. */
export interface LookInput {
  view: () => FrameworkView;
  selected: () => string | null;
  lens: () => { stakeholder: string; ids: Set<string> } | null;
  heat: () => Record<string, Heat> | null;
}

export class GraphLook {
  /** The filters set in the toolbar. */
  filters = $state<GraphFilters>(NO_FILTERS);
  /** How many steps out from the selection the focus reaches; 0 for no focus. */
  depth = $state(0);
  /** The nodes of the path drawn between two nodes (see path.ts); null for none. */
  path = $state.raw<Set<string> | null>(null);
  readonly #input: LookInput;

  constructor(input: LookInput, filters: GraphFilters = NO_FILTERS) {
    this.#input = input;
    this.filters = filters;
  }

  // The props are read through these: the deriveds below run only when first read, after the
  // constructor, which the type checker cannot tell from a field initialiser.
  #view = () => this.#input.view();
  #selected = () => this.#input.selected();
  #lens = () => this.#input.lens();

  readonly elements = $derived(toElements(this.#view()));
  readonly model = $derived(modelOf(this.elements));
  /**
   * What the filters take away for good: hidden perspectives, the stakeholder filter, hidden
   * line kinds. A kind left out of the scene is not among them, so focus walks through it.
   */
  readonly #removed = $derived(hiddenBy(this.model, { ...this.filters, hiddenKinds: [] }));
  /** Links between what is not taken away, for the focus. */
  readonly adj = $derived(adjacency(this.model, new Set([...this.#removed.hidden, ...this.#removed.ghosts])));
  /** The focus around the selection, or null for none (no depth, no selection, or it is filtered out). */
  readonly focus = $derived.by(() => {
    const selected = this.#selected();
    const removed = this.#removed;
    return this.depth && selected && !removed.hidden.has(selected) && !removed.ghosts.has(selected)
      ? neighbourhood(this.adj, selected, this.depth)
      : null;
  });
  /** The lens's concerns and the role itself, highlighted. */
  readonly lensHits = $derived.by(() => {
    const lens = this.#lens();
    return lens ? new Set([...lens.ids, lens.stakeholder]) : null;
  });
  /** How many capabilities concern the lens's role: its perspectives are in the lens for display only. */
  readonly lensCount = $derived.by(() => {
    const lens = this.#lens();
    if (!lens) return 0;
    const capabilities = new Set(
      this.#view()
        .nodes.filter((n) => n.kind === 'capability')
        .map((n) => n.id),
    );
    return [...lens.ids].filter((id) => capabilities.has(id)).length;
  });
  /** What the focus, the lens, a path and the selection (a search result) bring into the scene. */
  readonly broughtIn = $derived.by(() => {
    const selected = this.#selected();
    return new Set([
      ...(this.focus ?? []),
      ...(this.lensHits ?? []),
      ...(this.path ?? []),
      ...(selected ? [selected] : []),
    ]);
  });
  readonly filtered = $derived(hiddenBy(this.model, this.filters, this.broughtIn));
  /** Out of the picture: hidden and ghosts alike. */
  readonly gone = $derived(new Set([...this.filtered.hidden, ...this.filtered.ghosts]));
  /** A path, while drawn, is all that stands out; else the focus and the lens do. */
  readonly faded = $derived(fadedBy(this.model, this.path ? [this.path] : [this.focus, this.lensHits]));

  /** Shows the links of `kind` if the legend had them off, else turns them off. */
  toggleEdgeKind(kind: string): void {
    const off = this.filters.hiddenEdgeKinds;
    this.filters = {
      ...this.filters,
      hiddenEdgeKinds: off.includes(kind) ? off.filter((k) => k !== kind) : [...off, kind],
    };
  }

  /** The nodes within `depth` steps of `id` (see focus.ts), all of which a focus brings in. */
  around(id: string, depth: number): Set<string> {
    return neighbourhood(this.adj, id, depth);
  }

  /** Everything the classes on the graph show, as it is now. */
  now(): Look {
    return {
      hidden: this.filtered.hidden,
      ghosts: this.filtered.ghosts,
      faded: this.faded,
      lensHits: this.lensHits,
      heat: this.#input.heat(),
      selected: this.#selected(),
    };
  }
}
