export * from './contract';
export * from './celebration-policy';
