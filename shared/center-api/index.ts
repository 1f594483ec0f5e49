export * from './admin-schemas';
export * from './auth';
export * from './call';
export * from './case-schemas';
export * from './contract';
export * from './call-path';
export * from './report-schemas';
export * from './supervision-schemas';
export * from './system-schemas';
export * from './seal-schemas';
export * from './operations-schemas';
export * from './sms-schemas';
export * from './queue-schemas';
export * from './queue-contract';
// issue 17 part 3: the public guide
export * from './guide-schemas';
// issue 17 part 2: 好差评
export * from './rating-schemas';
export * from './rating-contract';
export * from './rating-csv';
