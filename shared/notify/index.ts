export * from './notification-budget';
export * from './quiet-hours';
export * from './local-minutes';
export * from './digest';
