// The manager's administration calls, by name only: the sandboxed preload imports this list (via
// names.ts) and must not pull zod or the domain into the privileged bridge.
export const adminCallNames = [
  'admin.center.status',
  'admin.center.signIn',
  'admin.departments.list',
  'admin.departments.create',
  'admin.departments.update',
  'admin.windows.list',
  'admin.windows.create',
  'admin.windows.update',
  'admin.enrollmentCode.create',
  'admin.staff.list',
  'admin.staff.create',
  'admin.staff.update',
  'admin.staff.deactivate',
  'admin.staff.resetPassword',
  'admin.items.list',
  'admin.items.create',
  'admin.items.update',
  'admin.items.delete',
  'admin.powers.get',
  'admin.powers.set',
  'admin.closures.get',
  'admin.closures.set',
  'admin.settings.get',
  'admin.settings.set',
  'admin.devices.list',
  'admin.devices.revoke',
] as const;

export type AdminCallName = (typeof adminCallNames)[number];
