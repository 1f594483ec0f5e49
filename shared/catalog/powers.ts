import { z } from 'zod';

// What a department delegated in writing to its window (授权), per item. The window may only do
// what is delegated; 审批 missing means the decision goes to the department (报批件).
export const powers = ['accept', 'approve', 'coordinate', 'deliver', 'respond', 'certify'] as const;
export const powerSchema = z.enum(powers);
export type Power = z.infer<typeof powerSchema>;

export const powerLabels: Readonly<Record<Power, string>> = {
  accept: '受理',
  approve: '审批',
  coordinate: '协调处置',
  deliver: '办结送达',
  respond: '应诉',
  certify: '制证',
};

export const windowPowersSchema = z.strictObject({
  windowId: z.string().min(1),
  itemCode: z.string().min(1),
  powers: z.array(powerSchema).refine((list) => new Set(list).size === list.length, '授权重复'),
});
export type WindowPowers = z.infer<typeof windowPowersSchema>;
