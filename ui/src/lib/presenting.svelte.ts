// Presenting from the main window: starting and stopping, the clicker's steps, reveal and
// blackout, the two-keystroke live capture and the workshop it is recorded in. The state is
// owned by neither window: every move is sent to the shell with `set_presentation`, which
// broadcasts it to this window and the presenter's, and both apply only what they receive.
// The rules of stepping live in `present.ts`, shared with the presenter's window; what the
// room decides is written through the organisation's data, so every view follows it.
import { emptyAssessment } from './platform';
import type { Assessment, FrameworkView, NodeDetail, Platform, Presentation, TourView, Workshop } from './platform';
import type { StartChoice } from './components/PresentStart.svelte';
import type { OrganisationData } from './organisation.svelte';
import {
  capture,
  captureField,
  captureTarget,
  move,
  moveOf,
  newPresentation,
  recordedMessage,
  stepTo,
  type Capture,
} from './present';

/** What presenting needs of the frame around it: the open node, the view, the reader. */
export interface Frame {
  readonly framework: FrameworkView | null;
  /** The node open in the reader, which a presentation shows. */
  readonly current: NodeDetail | null;
  /** The view on screen; presenting switches between the graph and the map. */
  view: string;
  open(id: string): Promise<void>;
  /** Says in the reader why something could not be done. */
  fail(message: string): void;
}

export class Presenting {
  readonly #platform: Platform;
  readonly #data: OrganisationData;
  readonly #frame: Frame;

  /** What is being presented, as last broadcast; null when not presenting. */
  presentation = $state<Presentation | null>(null);
  tours = $state<TourView[]>([]);
  /** Whether the dialog that builds, imports and exports tours is open. */
  toursOpen = $state(false);
  /** The start dialog, when open, with the tour it proposes. */
  starting = $state<{ tour: string | null } | null>(null);
  /** The organisation's workshop still running, offered for resuming in the start dialog. */
  running = $state<Workshop | null>(null);
  /** The workshop being presented, with its dots. */
  workshop = $state<Workshop | null>(null);
  /** The workshop whose presentation just stopped: end it, or leave it running. */
  ending = $state<Workshop | null>(null);
  /** The first key of a capture, awaiting its value. */
  pending = $state<Capture['field'] | null>(null);
  /** The last capture (or why it failed), said back to the facilitator. */
  message = $state('');
  /** The node in focus and how far around it stays lit. */
  spotlight = $state<{ id: string; depth: number } | null>(null);
  /** The revealed notes on the capability on screen, rendered by the core; null while private. */
  notesHtml = $state<{ node: string; html: string } | null>(null);

  readonly tour = $derived.by((): TourView | null => {
    const p = this.presentation;
    return p?.tour ? (this.tours.find((t) => t.id === p.tour) ?? null) : null;
  });

  /** The room's dots on the node open now, in the workshop presented. */
  readonly votesHere = $derived.by(() => {
    const id = this.#frame.current?.id;
    return this.workshop && id ? (this.workshop.votes[id] ?? 0) : 0;
  });

  /** The organisation's assessment of the capability on screen, for the stage. */
  readonly assessment = $derived.by((): Assessment | null => {
    const p = this.presentation;
    const node = this.#frame.current;
    if (!p?.org || !node || node.kind !== 'capability' || p.org !== this.#data.active?.id) return null;
    return this.#data.assessments[node.id] ?? emptyAssessment();
  });

  constructor(platform: Platform, data: OrganisationData, frame: Frame) {
    this.#platform = platform;
    this.#data = data;
    this.#frame = frame;
  }

  /** Follows the presentation broadcast; returns the function that stops following it. */
  listen(): () => void {
    let stop: (() => void) | undefined;
    let gone = false;
    this.#platform
      .listen('presentation', (p) => void this.apply(p))
      .then((unlisten) => {
        if (gone) unlisten();
        else stop = unlisten;
      });
    return () => {
      gone = true;
      stop?.();
    };
  }

  async loadTours(): Promise<void> {
    try {
      this.tours = await this.#platform.call('tours', {});
    } catch {
      this.tours = [];
    }
  }

  /** Opens the start dialog, proposing `tour`. */
  async openStart(tour: string | null = null): Promise<void> {
    await this.loadTours();
    this.running = null;
    try {
      this.running = await this.#data.runningWorkshop();
    } catch {
      this.running = null;
    }
    this.toursOpen = false;
    this.starting = { tour };
  }

  async start(choice: StartChoice): Promise<void> {
    const org = this.#data.active;
    this.starting = null;
    this.workshop = null;
    if (org && choice.workshop) {
      try {
        this.workshop =
          'resume' in choice.workshop
            ? choice.workshop.resume
            : await this.#data.startWorkshop(choice.workshop.title, choice.tour?.id ?? null);
      } catch (e) {
        this.#frame.fail((e as Error).message);
        return;
      }
    }
    const shown = this.#frame.view === 'map' ? 'map' : 'graph';
    let next = newPresentation(shown, org?.id ?? null, this.workshop?.id ?? null);
    next = choice.tour ? stepTo(next, choice.tour, 0) : { ...next, node: this.#frame.current?.id ?? null };
    this.message = '';
    if (choice.presenter) {
      this.#platform.call('open_presenter', {}).catch((e) => (this.message = (e as Error).message));
    }
    await this.publish(next);
  }

  async publish(next: Presentation): Promise<void> {
    try {
      await this.#platform.call('set_presentation', { state: next });
    } catch (e) {
      this.message = (e as Error).message;
    }
  }

  /** Applies a presentation state from either window. */
  async apply(next: Presentation): Promise<void> {
    const before = this.presentation;
    if (!next.active) {
      this.presentation = null;
      this.spotlight = null;
      this.pending = null;
      return;
    }
    this.presentation = next;
    if (next.view === 'graph' || next.view === 'map') this.#frame.view = next.view;
    const tour = next.tour ? this.tours.find((t) => t.id === next.tour) : null;
    const moved = !before || before.node !== next.node || before.step !== next.step || before.tour !== next.tour;
    if (next.node && moved) {
      this.pending = null;
      this.message = '';
      if (this.#frame.current?.id !== next.node) await this.#frame.open(next.node);
      this.spotlight = { id: next.node, depth: tour?.steps[next.step]?.depth ?? 1 };
    }
  }

  /**
   * A node opened on the projected map or graph becomes the one presented, so captures apply to
   * it and the presenter's window shows its notes, whether or not the tour has a step for it.
   */
  async follow(id: string): Promise<void> {
    const p = this.presentation;
    if (p && p.node !== id) await this.publish({ ...p, node: id });
  }

  /**
   * Fetches the notes on the capability on screen, rendered and sanitised by the core, only once
   * they are revealed: while the view is private they are not even asked for.
   */
  async loadNotes(): Promise<void> {
    const p = this.presentation;
    const a = this.assessment;
    const node = this.#frame.current;
    if (!p?.revealed || !p.org || !a || !node || !a.notes.trim()) {
      this.notesHtml = null;
      return;
    }
    try {
      const html = await this.#platform.call('notes_html', { org: p.org, capability: node.id });
      // A step taken, or the view made private, while the answer travelled: drop it.
      if (this.presentation?.revealed && this.#frame.current?.id === node.id) this.notesHtml = { node: node.id, html };
    } catch (e) {
      this.notesHtml = null;
      this.message = (e as Error).message;
    }
  }

  async stop(): Promise<void> {
    if (!this.presentation) return;
    await this.publish({ ...this.presentation, active: false, blackout: false });
    // Its votes are current: every dot recorded here updated them.
    this.ending = this.workshop;
  }

  /** Ends the workshop that was presented; returns why it could not be, or null. */
  async endWorkshop(snapshot: string | null): Promise<string | null> {
    if (!this.ending) return null;
    try {
      await this.#data.endWorkshop(this.ending.id, snapshot);
      this.workshop = null;
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }

  async capture(c: Capture): Promise<void> {
    const p = this.presentation;
    if (!p) return;
    const target = captureTarget(this.#frame.current);
    if ('problem' in target) {
      this.message = target.problem;
      return;
    }
    if (!p.org) {
      this.message = 'Choose an organisation before presenting to record what the room decides.';
      return;
    }
    const { id, title } = target;
    try {
      if (c.field === 'votes') {
        if (!this.workshop) {
          this.message = 'Dots are counted in a workshop: present as a workshop to record them.';
          return;
        }
        const have = this.workshop.votes[id] ?? 0;
        this.workshop = await this.#data.vote(this.workshop, id, c.delta === 'clear' ? -have : c.delta);
        this.message = recordedMessage(c, title, this.presentation?.revealed ?? false, this.workshop.votes[id] ?? 0);
      } else {
        // Just the one field the room set: the rest may be changing in the editor meanwhile.
        const changes =
          c.field === 'priority'
            ? { priority: c.priority }
            : c.field === 'current'
              ? { current: c.level }
              : { target: c.level };
        await this.#data.save(id, changes);
        this.message = recordedMessage(c, title, this.presentation?.revealed ?? false);
      }
    } catch (e) {
      this.message = (e as Error).message;
    }
  }

  // Keys while presenting are taken before anything else sees them: a clicker's Page Down must
  // not scroll a list, and a capture's digit must not change the graph's focus depth.
  onKey(event: KeyboardEvent): void {
    if (event.key === 'F5' && !this.presentation) {
      event.preventDefault();
      if (!this.starting && this.#frame.framework) void this.openStart();
      return;
    }
    const p = this.presentation;
    if (!p || event.ctrlKey || event.metaKey || document.querySelector('dialog[open]')) return;
    event.preventDefault();
    event.stopPropagation();
    const key = event.key;
    if (this.pending) {
      const field = this.pending;
      this.pending = null;
      if (key === 'Escape') return;
      const levels = this.#frame.framework?.maturity.map((m) => m.level) ?? [5];
      const c = capture(field, key, Math.max(...levels));
      if (c) void this.capture(c);
      else this.message = 'That key is not a value here; capture cancelled.';
      return;
    }
    const m = moveOf(key);
    if (m) {
      if (this.tour) void this.publish(move(p, this.tour, m));
      return;
    }
    const field = event.altKey ? null : captureField(key);
    if (field) {
      this.pending = field;
      return;
    }
    switch (key) {
      case 'Escape':
        if (p.blackout) void this.publish({ ...p, blackout: false });
        else void this.stop();
        break;
      case 'b':
      case 'B':
      case '.':
        void this.publish({ ...p, blackout: !p.blackout });
        break;
      case 'r':
      case 'R':
        void this.publish({ ...p, revealed: !p.revealed });
        break;
      case 'w':
      case 'W':
        void this.#platform.call('open_presenter', {});
        break;
    }
  }
}
