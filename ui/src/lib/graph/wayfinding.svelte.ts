// The two ways of finding one's way back to a picture of the graph, on the live graph: the path
// between two nodes (chosen, fetched from the core, marked, framed, cleared with the camera put
// back) and saved views (captured from what is on screen, put back, or lent to a tour step).
// The rules are pure in `path.ts` and `views.ts`; this holds the state the view shows and
// talks to Cytoscape, the camera and the platform through the host the view hands in.

import { tick } from 'svelte';
import type { Core } from 'cytoscape';
import type { FrameworkView, Platform, SavedView } from '../platform';
import type { Camera, Viewport } from './camera';
import type { GraphLook } from './look.svelte';
import { drawnPath, paintPath, pathSummary, type DrawnPath } from './path';

export { besidePanel } from './path';
import { captureView, restoredSummary, restoring } from './views';

/** The graph and the view's props, as they are now. */
export interface WayNow {
  cy: Core | undefined;
  camera: Camera | undefined;
  view: FrameworkView;
  platform: Platform | null;
  selected: string | null;
  lens: { stakeholder: string } | null;
  onselect: (id: string) => void;
  /** Puts a stakeholder's lens on (or off); none where the view cannot. */
  onlens: ((stakeholder: string | null) => void) | null;
}

/** What the view lends: its graph and props, what it can do, and where its messages go. */
export interface WayHost {
  now: () => WayNow;
  /** Brings nodes into the graph (a big pack keeps its members out until needed). */
  ensureShown: (ids: Iterable<string>) => void;
  /** A message for the status line, or (`problem`) the alert. */
  say: (text: string, problem?: boolean) => void;
  /** Forgets the camera a focus would return to: a restored view is the new starting point. */
  forgetFocusCamera: () => void;
}

/** How long the camera takes to frame a path. */
const MOVE_MS = 350;
/** A path of two nodes is not blown up past this. */
const MAX_ZOOM = 2.2;

export class Wayfinding {
  /** Where the path starts, while one is being chosen or shown. */
  from = $state<string | null>(null);
  /** The second node, once chosen. */
  to = $state<string | null>(null);
  /** The path drawn; null while choosing, or when nothing links the two. */
  drawn = $state.raw<DrawnPath | null>(null);
  /** The pack's saved views, as the Views menu last read them. */
  views = $state.raw<SavedView[]>([]);
  /** The path's panel while shown, so the camera frames the path beside it. */
  panel = $state<HTMLElement>();
  /** The camera before the path, for Esc to return to. */
  #before: Viewport | null = null;
  readonly #look: GraphLook;
  readonly #host: WayHost;

  constructor(look: GraphLook, host: WayHost) {
    this.#look = look;
    this.#host = host;
  }

  /** A node chosen on the graph or in its list: the path's end while one is being chosen. */
  choose(id: string) {
    if (this.from && !this.to) void this.drawPath(id);
    else this.#host.now().onselect(id);
  }

  /** Runs a key's command if it is one of these tools'; says whether it was. */
  command(kind: string): boolean {
    if (kind === 'path') this.startPath();
    else if (kind === 'clear-path') this.clearPath();
    else return false;
    return true;
  }

  startPath() {
    const { cy, selected } = this.#host.now();
    if (!selected || !cy) return;
    if (!this.from) this.#before = { zoom: cy.zoom(), pan: { ...cy.pan() } };
    [this.from, this.to, this.drawn, this.#look.path] = [selected, null, null, null];
    paintPath(cy, null);
    this.#host.say(`Path from ${this.#titleOf(selected)}: choose the node to go to.`);
  }

  async drawPath(to: string) {
    const h = this.#host;
    const from = this.from;
    if (!from) return;
    this.to = to;
    let found: DrawnPath | null = null;
    try {
      const platform = h.now().platform;
      const edges = platform ? await platform.call('path', { from, to }) : null;
      found = edges ? drawnPath(this.#look.model, from, to, edges) : null;
    } catch (e) {
      h.say(`The path could not be found: ${(e as Error).message}`, true);
    }
    const { cy, camera } = h.now();
    if (this.from !== from || this.to !== to || !cy) return;
    [this.drawn, this.#look.path] = [found, found?.nodes ?? null];
    h.say(pathSummary(this.#titleOf(from), this.#titleOf(to), found));
    if (!found) return;
    h.ensureShown(found.nodes);
    paintPath(cy, found);
    // Framed once the nodes it brings into the scene are drawn, beside the panel.
    await tick();
    if (this.drawn === found)
      camera?.fit(
        cy.nodes().filter((n) => found.nodes.has(n.id())),
        { duration: MOVE_MS, maxZoom: MAX_ZOOM },
      );
  }

  clearPath(restoreCamera = true) {
    if (!this.from) return;
    [this.from, this.to, this.drawn, this.#look.path] = [null, null, null, null];
    const { cy, camera } = this.#host.now();
    if (cy) paintPath(cy, null);
    if (restoreCamera && this.#before) camera?.go(this.#before, MOVE_MS);
    this.#before = null;
    this.#host.say('Path cleared: the graph is as it was.');
  }

  #titleOf = (id: string) => this.#host.now().view.nodes.find((n) => n.id === id)?.title ?? id;

  #known() {
    const view = this.#host.now().view;
    return {
      nodes: new Set(view.nodes.map((n) => n.id)),
      kinds: new Set(view.kinds.map((k) => k.id)),
      edgeKinds: new Set(view.edge_kinds.map((k) => k.id)),
    };
  }

  /** What is on screen now, as a view named `name`. */
  capture(name: string): SavedView {
    const { cy, lens, selected } = this.#host.now();
    return captureView(name, {
      filters: this.#look.filters,
      lens: lens?.stakeholder ?? null,
      selected,
      depth: this.#look.depth,
      camera: { zoom: cy?.zoom() ?? 1, pan: { ...(cy?.pan() ?? { x: 0, y: 0 }) } },
    });
  }

  /** A tour step's saved view: its filters and lens (the step itself says what is in focus). */
  lendFilters(name: string) {
    const saved = this.views.find((v) => v.name === name);
    if (!saved) {
      this.#host.say(`This step's saved view “${name}” does not exist any more.`, true);
      return;
    }
    const back = restoring(saved, this.#known());
    this.#look.filters = back.filters;
    this.#host.now().onlens?.(back.lens);
  }

  /** Puts a saved view back: filters, lens, the selection and its focus, then the camera. */
  async apply(saved: SavedView) {
    const h = this.#host;
    const back = restoring(saved, this.#known());
    this.clearPath(false);
    this.#look.filters = back.filters;
    h.now().onlens?.(back.lens);
    if (back.selected && back.selected !== h.now().selected) h.now().onselect(back.selected);
    // The focus is the selection's: wait (a little) for the reader to have opened it.
    for (let i = 0; i < 40 && back.selected && h.now().selected !== back.selected; i++)
      await new Promise((r) => setTimeout(r, 25));
    this.#look.depth = back.depth;
    h.forgetFocusCamera();
    await tick();
    h.now().camera?.go(back.camera, 0);
    h.say(restoredSummary(saved.name, back.missing));
  }
}
