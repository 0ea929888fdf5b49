import { createContext, useContext, type ReactNode } from 'react';
import type { SidekickApi } from '../../../shared/ipc/contract';

const ApiContext = createContext<SidekickApi | null>(null);

/** Views reach the host only through this context, so tests hand them a fake SidekickApi. */
export function ApiProvider({ api, children }: { api: SidekickApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): SidekickApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it');
  return api;
}
