import type { ReactNode } from 'react';
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SidekickApi } from '../../../../shared/ipc/contract';
import { ApiProvider } from '../../../../renderer/src/api/api-context';
import { useAdminRead } from '../../../../renderer/src/views/admin/use-admin-read';

const api = {} as SidekickApi;
const readAnswer = async () => 42;

/**
 * Under StrictMode React mounts, unmounts and mounts again: the read's result must still be shown (before,
 * the first cleanup left the "alive" flag false for good and the console stayed on Loading).
 */
describe('useAdminRead', () => {
  it('shows what it read under StrictMode', async () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ApiProvider api={api}>{children}</ApiProvider>
    );
    const { result } = renderHook(() => useAdminRead(readAnswer), { wrapper, reactStrictMode: true });
    await waitFor(() => expect(result.current.value).toBe(42));
    expect(result.current.loading).toBe(false);
    expect(result.current.error).toBeNull();
  });
});
