export * from './staging';
