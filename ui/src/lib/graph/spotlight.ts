// A tour step on the projector: the camera frames what the step reaches (`focus.reached`: not
// the perspective a capability is only framed in, whose whole card would pull the camera back
// until nothing could be read), beside or above the caption, no further out than the zoom at
// which the scene's own labels show at the projector's size; once the camera is at rest, the
// labels that can be drawn without colliding are chosen (`legible`).
import { tick } from 'svelte';
import type { Core } from 'cytoscape';
import type { Camera } from './camera';
import type { HeldLabels } from './labels';
import { PRESENT_LABEL_PX } from './elements';
import { reached } from './focus';
import type { GraphLook } from './look.svelte';
import { chooseLabels, coveredBoxes } from './legible';
import { SCENE_FONT } from './scene';

/** A step is not blown up past this, however small its neighbourhood. */
export const SPOTLIGHT_MAX_ZOOM = 2.2;
/**
 * Nor shown further out than this in the scene: its labels reach the projector's size here
 * without being enlarged, which would swell their cards into each other.
 */
export const READ_ZOOM = PRESENT_LABEL_PX / SCENE_FONT;
/** How long the camera must be still before the labels are chosen again, in ms. */
const REST_MS = 120;

/** What the spotlight needs of the graph view it works in. */
export interface SpotlightHost {
  cy(): Core | undefined;
  camera(): Camera | undefined;
  container(): HTMLElement | undefined;
  /** The step on screen, if any, and whether labels are chosen at all (presenting a small pack). */
  step(): { id: string; depth: number } | null;
  choosing(): boolean;
  /** Whether the pack is laid out as the scene (its labels have their scene sizes). */
  scene(): boolean;
  /** The links a step walks, and what is hidden, ghosted or faded now. */
  look: Pick<GraphLook, 'adj' | 'gone' | 'faded' | 'around'>;
  /** Puts nodes into the graph (a big pack keeps some out), before they are framed. */
  show(ids: Set<string>): void;
  labels: HeldLabels;
  /** The label sizes held at `zoom`, in CSS pixels. */
  held(cy: Core, zoom: number): Map<string, number>;
}

export class Spotlight {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: SpotlightHost) {}

  /** Frames the step, moving there in `duration` ms, and chooses its labels once there. */
  fly(duration: number) {
    const h = this.host;
    const [cy, s] = [h.cy(), h.step()];
    if (!cy || !s) return;
    h.show(h.look.around(s.id, s.depth));
    const subject = reached(h.look.adj, s.id, s.depth);
    const gone = h.look.gone;
    // Measured with the labels at their size at the reading zoom, not at the last step's zoom:
    // labels held large for a far zoom swelled the cards, and the camera, fitting the swollen
    // cards, stayed far out.
    if (h.scene()) h.labels.apply(cy, h.held(cy, READ_ZOOM), READ_ZOOM);
    h.camera()?.frame(
      cy.nodes().filter((n) => subject.has(n.id()) && !gone.has(n.id())),
      cy.getElementById(s.id),
      { duration, minZoom: h.scene() ? READ_ZOOM : 0, maxZoom: SPOTLIGHT_MAX_ZOOM },
    );
    this.schedule(duration);
  }

  /** Flies to the step once the page shows it: the free area depends on the size of its caption. */
  async flyOnceShown(duration: number) {
    const id = this.host.step()?.id;
    await tick();
    if (id && this.host.step()?.id === id) this.fly(duration);
  }

  /** Chooses the labels once the camera has been still a moment, `after` ms from now at the earliest. */
  schedule(after = 0) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.choose(), after + REST_MS);
  }

  stop() {
    clearTimeout(this.timer);
  }

  /** Holds the labels at their size for this zoom, then draws those that fit; the canvas says which step is framed. */
  private choose() {
    const h = this.host;
    const [cy, container] = [h.cy(), h.container()];
    if (!cy || !container || !h.choosing()) return;
    h.labels.apply(cy, h.held(cy, cy.zoom()));
    const s = h.step();
    const step = s
      ? { subject: s.id, reached: reached(h.look.adj, s.id, s.depth), parts: new Set(h.look.adj.parts.get(s.id)) }
      : null;
    chooseLabels(cy, step, h.look.faded, coveredBoxes(container));
    container.dataset.framed = s?.id ?? '';
  }
}
