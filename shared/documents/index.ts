export * from './model';
export type { SealPurpose } from './seal';
export { sealPurposes, sealSvg } from './seal';
export * from './notice-page';
