export * from './contract';
export * from './errors';
export * from './names';
export * from './result';
export * from './diagnostics';
export * from './database-contract';
