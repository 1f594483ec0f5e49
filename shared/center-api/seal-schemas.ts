import { z } from 'zod';

// A chief's seal key, registered by the terminal that made it (issue 13). The device token says
// which PC; the chief's username and password say whose seal (checked against the center's
// staff hash, with the sign-in lockout); `proof` — the new key's signature over
// sealRegistrationMessage (shared/case/seal.ts) — says the terminal holds the private half.
export const sealKeyRegistrationSchema = z.strictObject({
  keyId: z.string().min(1).max(80),
  publicKey: z.string().min(1).max(2000),
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
  /** when the terminal made the key (+08:00), as signed in `proof` */
  createdAt: z.iso.datetime({ offset: true }),
  proof: z.string().min(1).max(200),
});
export type SealKeyRegistration = z.infer<typeof sealKeyRegistrationSchema>;

export const sealKeyRegisteredSchema = z.object({
  keyId: z.string(),
  staffId: z.string(),
  registeredAt: z.string(),
});
