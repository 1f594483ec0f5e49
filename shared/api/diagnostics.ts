import { z } from 'zod';

// Part C (issue 15): the diagnostics bundle a manager exports from a PC for the hall's IT. It
// says what the program and the PC are, how sync stands and what went wrong — and nothing of any
// applicant: no names, ID numbers or phones (electron/operations/diagnostics.test.ts checks).

export const diagnosticsBundleSchema = z.object({
  kind: z.literal('onewindow-diagnostics'),
  generatedAt: z.string(),
  versions: z.object({
    app: z.string(),
    electron: z.string().nullable(),
    chrome: z.string().nullable(),
    node: z.string(),
    os: z.string(),
  }),
  device: z.object({
    id: z.string(),
    enrolled: z.boolean(),
    windowId: z.string().nullable(),
    windowName: z.string().nullable(),
    terminalNumber: z.number().nullable(),
  }),
  sync: z.object({
    state: z.string(),
    serverUrl: z.string().nullable(),
    pending: z.number(),
    conflicts: z.number(),
    lastSyncAt: z.string().nullable(),
    lastError: z.string().nullable(),
    clockOffsetMs: z.number().nullable(),
    clockState: z.string(),
  }),
  database: z.object({
    schemaVersion: z.number(),
    /** 'ok', or what PRAGMA quick_check found */
    integrity: z.string(),
    sizeBytes: z.number(),
  }),
  /** the newest warnings and errors of the rotating log, newest last */
  recentErrors: z.array(
    z.object({
      time: z.string(),
      level: z.string(),
      message: z.string(),
      error: z.string().nullable(),
    }),
  ),
});
export type DiagnosticsBundle = z.infer<typeof diagnosticsBundleSchema>;
