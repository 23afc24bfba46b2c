// The real platform: calls the Rust commands through Tauri's IPC.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { AppError, isApiError, type Args, type Command, type Events, type Platform, type Result } from './index';

export const tauriPlatform: Platform = {
  async call<K extends Command>(command: K, args: Args<K>): Promise<Result<K>> {
    try {
      return await invoke<Result<K>>(command, args as Record<string, unknown>);
    } catch (e) {
      throw isApiError(e) ? new AppError(e) : new AppError({ code: null, message: String(e) });
    }
  },
  async listen<E extends keyof Events>(event: E, handler: (payload: Events[E]) => void) {
    return listen<Events[E]>(event, (e) => handler(e.payload));
  },
};
