export * from './snapshot';
export * from './feed';
export * from './actions';
export * from './supervisor';
export * from './pairing';
export * from './recap';
