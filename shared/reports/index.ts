export * from './metrics';
export * from './dashboard';
export * from './complaints';
