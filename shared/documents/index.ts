export * from './model';
export { sealSvg } from './seal';
