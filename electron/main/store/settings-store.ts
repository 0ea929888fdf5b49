import type { SettingsStore } from '../../../shared/sync';
import type { AppStore } from './app-store';

export function createSettingsStore(store: AppStore): SettingsStore {
  return {
    load: async () => store.getSettings(),
    save: async (settings) => store.setSettings(settings),
  };
}
