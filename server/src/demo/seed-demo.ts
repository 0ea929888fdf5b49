import type { AppContext } from '../app/context';

export interface DemoToken {
  id: string;
  name: string;
  role: 'agent' | 'supervisor' | 'admin';
  token: string;
}

export async function seedDemo(_ctx: AppContext): Promise<DemoToken[]> {
  return [];
}
