/** electron-store in memory, for tests that run the composition root under vitest (vi.mock('electron-store')). */
export default class MemoryElectronStore {
  store: Record<string, unknown> = {};
  set(key: string, value: unknown) {
    this.store = { ...this.store, [key]: value };
  }
}
