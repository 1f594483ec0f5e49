export * from './canonical';
export * from './envelope';
export * from './wire';
export * from './supervision';
export * from './clock';
export * from './device-report';
