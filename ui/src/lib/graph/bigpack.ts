// What the view of a big pack keeps out of Cytoscape until it is needed, so that a pack of
// thousands of nodes opens and pans quickly: lines of the deferred kinds until first shown, and
// group members (see members.ts) until the zoom and the visible area call for them (see
// detail.ts), put in and taken out over frames (see frames.ts).

import type { Core, ElementDefinition } from 'cytoscape';
import type { Point } from '../platform';
import { deferLines } from './arrange';
import { DETAIL_ZOOM, detailChanges } from './detail';
import { FrameScheduler } from './frames';
import { MemberLayer } from './members';
import { paintJoined, type Look } from './paint';
import { flushStyles } from './renderer';

/** How long the view must rest after a pan or zoom before members are put in or taken out, in ms. */
const DETAIL_DELAY_MS = 120;

export class BigPack {
  readonly layer: MemberLayer;
  /** What Cytoscape is created with. */
  readonly start: ElementDefinition[];
  /** Lines not yet handed to Cytoscape, by kind. */
  private readonly waiting: Map<string, ElementDefinition[]>;
  private readonly frames = new FrameScheduler();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private cy: Core | undefined;

  /** `hiddenKinds`: the kinds of line hidden at the start, which wait until first shown. */
  constructor(elements: ElementDefinition[], hiddenKinds: readonly string[], positions: Record<string, Point>) {
    const split = deferLines(elements, hiddenKinds);
    this.waiting = split.waiting;
    this.layer = new MemberLayer(split.now, positions);
    this.start = this.layer.start;
  }

  attach(cy: Core) {
    this.cy = cy;
    this.layer.attach(cy);
  }

  /** Puts members into the graph (a selection, a step, a focus) with the classes of `look`. */
  show(ids: Iterable<string>, look: Look) {
    const added = this.layer.show(ids);
    // In one batch: each class change outside one marks the node and its group for restyling.
    if (added?.nonempty()) this.cy?.batch(() => paintJoined(added, look));
  }

  /** Hands Cytoscape the waiting lines of the kinds now shown (lines to absent members wait on in the layer). */
  addLines(shownKinds: Iterable<string>) {
    for (const kind of shownKinds) {
      const lines = this.waiting.get(kind);
      if (!lines) continue;
      this.waiting.delete(kind);
      this.cy?.add(this.layer.addLines(lines));
    }
  }

  /**
   * Puts into the graph the members the zoom and the visible area call for, and takes out the
   * rest, nearest the centre of the view first, spread over frames. A newer call supersedes one
   * still under way; `settled` runs once everything is in place. Answers whether the view is
   * at overview zoom, where groups stand for their members.
   */
  apply(look: () => Look, settled: () => void = () => {}): boolean {
    const cy = this.cy;
    if (!cy) return false;
    const zoom = cy.zoom();
    const changes = detailChanges(this.layer.members(), cy.extent(), zoom, look().selected);
    this.frames.start(
      changes,
      (hide, show) => {
        this.layer.hide(hide);
        this.show(show, look());
        flushStyles(cy);
      },
      settled,
    );
    return zoom < DETAIL_ZOOM;
  }

  /** Applies the level of detail once the view has rested after a pan or zoom. */
  schedule(apply: () => void) {
    clearTimeout(this.timer);
    this.timer = setTimeout(apply, DETAIL_DELAY_MS);
  }

  /** Stops all work: the view is going away. */
  stop() {
    clearTimeout(this.timer);
    this.frames.cancel();
  }
}
