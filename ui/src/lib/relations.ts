// How a mapping's relation reads from the side of the node being looked at: "subset" means
// this node is part of the other one. Shared by the reader's counterparts and the crosswalk.
export const RELATIONS: Record<string, { label: string; hint: string }> = {
  equal: { label: 'Same as', hint: 'The two ask for the same thing.' },
  subset: { label: 'Part of', hint: 'Everything this asks for, the other asks for too, and more.' },
  superset: { label: 'Covers', hint: 'This asks for everything the other does, and more.' },
  intersect: { label: 'Overlaps', hint: 'The two share some of what they ask for.' },
};

export const relation = (id: string) => RELATIONS[id] ?? { label: id, hint: '' };
