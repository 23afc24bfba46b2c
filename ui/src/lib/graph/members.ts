// The nodes of a big graph kept out of Cytoscape while they are far from the view: the members
// of groups, and the loose nodes (roles, concepts…) around them.
//
// Cytoscape's every frame walks all of its elements, drawn or not: with thousands of members
// merely hidden, a frame took half a second on a software-rendered canvas. So these nodes are
// handed to Cytoscape only when the level of detail (see detail.ts) wants them drawn, and
// taken out again when the view moves away. Two invisible anchors at opposite corners of each
// group keep its box the size of all its members whichever of them are present, and this
// layer keeps the positions of the absent ones, so a saved layout never loses a node.
//
// The anchors are a group's only children in Cytoscape; its members are drawn over it
// (Cytoscape draws childless nodes, and lines between them, above every group) but are not
// inside it. In Cytoscape a node joining or leaving a group restyles the group and every other
// node in it, which cost tens of ms each time the view moved on; a node outside any group
// restyles itself alone. So the layer moves a group's members along when the group is dragged.
import type { Core, ElementDefinition, EdgeSingular, NodeSingular, CollectionReturnValue } from 'cytoscape';
import type { Point } from '../platform';

/** The class of the invisible corner nodes that size a group. */
export const ANCHOR = 'anchor';

/** How far beyond the outermost member centres a group's anchors sit: about half a node. */
const REACH = 24;

export class MemberLayer {
  /** Definitions of members never yet handed to Cytoscape. */
  private readonly defs = new Map<string, ElementDefinition>();
  /** Members Cytoscape has made, whether in the graph now or taken out. */
  private readonly made = new Map<string, NodeSingular>();
  /** Where each member is. For a member in the graph, Cytoscape's position wins. */
  private readonly where = new Map<string, Point>();
  /** Every node this layer holds, and the group of those that are members. */
  private readonly held = new Set<string>();
  private readonly groupOf = new Map<string, string>();
  private readonly inGroup = new Map<string, string[]>();
  /** Lines touching a member, by member: added when both ends are in the graph. */
  private readonly linesOf = new Map<string, string[]>();
  private readonly lineDefs = new Map<string, ElementDefinition>();
  private readonly lineMade = new Map<string, EdgeSingular>();
  private cy: Core | undefined;

  /**
   * Splits a graph's elements: what Cytoscape starts with (everything but members and the lines
   * touching them, plus each group's anchors), and the members, which this layer keeps.
   */
  constructor(elements: ElementDefinition[], positions: Record<string, Point>) {
    const parents = new Set(
      elements.filter((e) => e.group === 'nodes' && e.data.parent).map((e) => String(e.data.parent)),
    );
    for (const e of elements) {
      const id = String(e.data.id);
      // Groups stay, and so does the root, the one fixed point of the picture.
      if (e.group !== 'nodes' || parents.has(id) || e.data.kind === 'framework') continue;
      this.held.add(id);
      this.defs.set(id, outsideGroup(e));
      if (e.data.parent) {
        const group = String(e.data.parent);
        this.groupOf.set(id, group);
        (this.inGroup.get(group) ?? this.inGroup.set(group, []).get(group)!).push(id);
      }
      const p = positions[id];
      if (p) this.where.set(id, { x: p.x, y: p.y });
    }
    this.start = elements.filter((e) => !this.defs.has(String(e.data.id)) && !this.claims(e));
    for (const group of this.inGroup.keys()) this.start.push(...this.anchorsOf(group));
  }

  /** What Cytoscape is created with. */
  readonly start: ElementDefinition[];

  attach(cy: Core) {
    this.cy = cy;
  }

  /** How many group members there are. */
  get count() {
    return this.groupOf.size;
  }

  /** Whether this layer holds the node (a member or a loose node), rather than Cytoscape alone. */
  holds(id: string) {
    return this.held.has(id);
  }

  /** The group a member belongs to; undefined for a loose node. */
  groupOfMember(id: string) {
    return this.groupOf.get(id);
  }

  present(id: string) {
    return this.made.get(id)?.inside() ?? false;
  }

  /** Every member with where it is and whether it is drawn, for the level of detail. */
  members(): { id: string; x: number; y: number; off: boolean; loose: boolean }[] {
    return [...this.held].map((id) => ({
      id,
      ...this.positionOf(id),
      off: !this.present(id),
      loose: !this.groupOf.has(id),
    }));
  }

  positionOf(id: string): Point {
    const n = this.made.get(id);
    if (n?.inside()) return { ...n.position() };
    return this.where.get(id) ?? { x: 0, y: 0 };
  }

  /** Positions of every node held here, present or not (for saving the layout). */
  positions(): Record<string, Point> {
    const out: Record<string, Point> = {};
    for (const id of this.held) out[id] = this.positionOf(id);
    return out;
  }

  membersOf(group: string): string[] {
    return this.inGroup.get(group) ?? [];
  }

  /**
   * Takes lines that touch a member (first shown, or switched on later): each joins the graph
   * once both its ends are there. Returns the lines that do not touch a member, for the caller.
   */
  addLines(lines: ElementDefinition[]): ElementDefinition[] {
    const rest = lines.filter((e) => !this.claims(e));
    const cy = this.cy;
    if (cy) cy.add(lines.filter((e) => this.claims(e) && this.endsIn(e)));
    return rest;
  }

  /** Hands members to Cytoscape (with their lines whose other end is there). Returns what was added. */
  show(ids: Iterable<string>): CollectionReturnValue | undefined {
    const cy = this.cy;
    if (!cy) return undefined;
    let added = cy.collection();
    cy.batch(() => {
      const shown: string[] = [];
      for (const id of ids) {
        if (!this.held.has(id) || this.present(id)) continue;
        const p = this.where.get(id) ?? { x: 0, y: 0 };
        let n = this.made.get(id);
        if (n) {
          n.restore();
          n.position({ ...p });
        } else {
          n = cy.add({ ...this.defs.get(id)!, position: { ...p } });
          this.made.set(id, n);
          this.defs.delete(id);
        }
        added = added.union(n);
        shown.push(id);
      }
      for (const id of shown) {
        for (const line of this.linesOf.get(id) ?? []) {
          const def = this.lineDefs.get(line)!;
          const made = this.lineMade.get(line);
          if (made?.inside() || !this.endsIn(def)) continue;
          const e = made ? made.restore() : cy.add(def);
          if (!made) this.lineMade.set(line, e as unknown as EdgeSingular);
          added = added.union(e);
        }
      }
    });
    return added;
  }

  /** Takes members out of Cytoscape, remembering where they were. */
  hide(ids: Iterable<string>) {
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      for (const id of ids) {
        const n = this.made.get(id);
        if (!n?.inside()) continue;
        this.where.set(id, { ...n.position() });
        n.remove()
          .edges()
          .forEach((e) => void this.lineMade.set(e.id(), e));
      }
    });
  }

  /** Moves members: those in the graph through Cytoscape, the others here. */
  place(positions: Record<string, Point>) {
    const cy = this.cy;
    cy?.batch(() => {
      for (const [id, p] of Object.entries(positions)) {
        if (!this.held.has(id)) continue;
        this.where.set(id, { x: p.x, y: p.y });
        const n = this.made.get(id);
        if (n?.inside()) n.position({ x: p.x, y: p.y });
      }
    });
    for (const group of this.inGroup.keys()) this.fitAnchors(group);
  }

  /** A group is being dragged: its members follow, those in the graph through Cytoscape. */
  moved(group: string, by: Point) {
    if (!by.x && !by.y) return;
    this.cy?.batch(() => {
      for (const id of this.membersOf(group)) {
        const n = this.made.get(id);
        if (n?.inside()) n.shift(by);
        else {
          const p = this.where.get(id);
          if (p) this.where.set(id, { x: p.x + by.x, y: p.y + by.y });
        }
      }
    });
  }

  /** Sets a group's anchors at the corners of all its members, wherever they are now. */
  fitAnchors(group: string) {
    const cy = this.cy;
    if (!cy) return;
    const [a, b] = this.corners(group);
    cy.batch(() => {
      cy.getElementById(anchorId(group, 'a')).position(a);
      cy.getElementById(anchorId(group, 'b')).position(b);
    });
  }

  private corners(group: string): [Point, Point] {
    let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const id of this.membersOf(group)) {
      if (!this.made.has(id) && !this.where.has(id)) continue;
      const p = this.positionOf(id);
      [x1, y1, x2, y2] = [Math.min(x1, p.x), Math.min(y1, p.y), Math.max(x2, p.x), Math.max(y2, p.y)];
    }
    if (x1 > x2)
      return [
        { x: 0, y: 0 },
        { x: 0, y: 0 },
      ];
    return [
      { x: x1 - REACH, y: y1 - REACH },
      { x: x2 + REACH, y: y2 + REACH },
    ];
  }

  private anchorsOf(group: string): ElementDefinition[] {
    const [a, b] = this.corners(group);
    // Invisible, but given what the node stylesheet reads, which Cytoscape warns about otherwise.
    const data = (corner: 'a' | 'b') => ({
      id: anchorId(group, corner),
      parent: group,
      kind: ANCHOR,
      shape: 'rectangle',
      color: 'transparent',
    });
    return [
      { group: 'nodes', data: data('a'), classes: ANCHOR, position: a },
      { group: 'nodes', data: data('b'), classes: ANCHOR, position: b },
    ];
  }

  /** Whether a line touches a member; if so it is indexed under each member end. */
  private claims(e: ElementDefinition): boolean {
    if (e.group !== 'edges') return false;
    const ends = [String(e.data.source), String(e.data.target)].filter((id) => this.held.has(id));
    if (!ends.length) return false;
    const id = String(e.data.id);
    if (!this.lineDefs.has(id)) {
      this.lineDefs.set(id, e);
      for (const end of ends) (this.linesOf.get(end) ?? this.linesOf.set(end, []).get(end)!).push(id);
    }
    return true;
  }

  private endsIn(e: ElementDefinition) {
    const cy = this.cy!;
    const inGraph = (id: string) => (this.held.has(id) ? this.present(id) : cy.getElementById(id).nonempty());
    return inGraph(String(e.data.source)) && inGraph(String(e.data.target));
  }
}

/** A member as Cytoscape gets it: without its group as parent (see the top of this file). */
function outsideGroup(e: ElementDefinition): ElementDefinition {
  if (!e.data.parent) return e;
  const { parent: _group, ...data } = e.data;
  return { ...e, data: data as ElementDefinition['data'] };
}

export function anchorId(group: string, corner: 'a' | 'b') {
  return `anchor-${corner}:${group}`;
}
