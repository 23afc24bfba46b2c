// The one seam between the UI and the desktop shell. Components receive a `Platform` and
// never import `@tauri-apps/*` themselves, so every component runs in Vitest against
// `FakePlatform`. Only this folder may import from `@tauri-apps`.
import type { ApiError, Assessment, Commands, Presentation } from './bindings';

export type * from './bindings';

export type Command = keyof Commands;
export type Args<K extends Command> = Commands[K]['args'];
export type Result<K extends Command> = Commands[K]['result'];

/** What the app broadcasts to all of its windows, by event name. */
export interface Events {
  /** The presentation moved (step, reveal, blackout …), from either window. */
  presentation: Presentation;
  /** A menu bar item was clicked: its id (see `lib/menu.svelte.ts`). */
  menu: string;
}

export interface Platform {
  call<K extends Command>(command: K, args: Args<K>): Promise<Result<K>>;
  /** Calls `handler` with each broadcast of `event`; resolves to the function that stops it. */
  listen<E extends keyof Events>(event: E, handler: (payload: Events[E]) => void): Promise<() => void>;
}

/** An IPC failure as the UI sees it: the core's `{code, message}`. */
export class AppError extends Error {
  readonly code: ApiError['code'];
  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    (typeof (value as ApiError).code === 'string' || (value as ApiError).code === null) &&
    typeof (value as ApiError).message === 'string'
  );
}

/** An assessment with nothing recorded yet: what a capability shows before its first edit. */
export function emptyAssessment(): Assessment {
  return {
    current: null,
    target: null,
    priority: null,
    stage: null,
    owner: null,
    not_applicable: null,
    notes: '',
    evidence: [],
    tags: [],
    confidence: null,
    actions: [],
  };
}
