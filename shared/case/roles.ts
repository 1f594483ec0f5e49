import { z } from 'zod';

export const roles = ['clerk', 'reviewer', 'chief', 'manager', 'supervisor'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;
