export * from './primitives';
export * from './events';
export * from './metrics-model';
export * from './mission-model';
export * from './streak-model';
export * from './people-model';
export * from './growth-model';
