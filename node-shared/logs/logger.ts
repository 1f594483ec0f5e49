import { pino, stdSerializers, type Logger } from 'pino';
import { rotatingFile, type RotatingFile } from './rotating-file';

export type { Logger } from 'pino';

// The logger of the terminal and of the center's --log-dir (issue 15 point 5): pino into a
// rotating file. No personal data: fields that carry applicants' data are censored by path, and
// every message and error text is scrubbed of ID-card and mobile numbers — an error thrown deep
// in a service may quote its input. Names cannot be recognised in free text, so nothing here
// logs a case's payload or an applicant's name; the test of the terminal's logs checks that.

/** Keys whose values never reach a log, at the top and one level down. */
const personalKeys = [
  'payload',
  'applicant',
  'applicantName',
  'name',
  'idNumber',
  'phone',
  'contact',
  'address',
  'body',
  'password',
  'token',
  'authorization',
];

const idNumber = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const mobile = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)/g;
const landline = /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g;

export function scrubPersonal(text: string): string {
  return text
    .replace(idNumber, '[身份证号]')
    .replace(mobile, '[手机号]')
    .replace(landline, '[电话]');
}

export type LogFileOptions = { dir: string; name: string; maxBytes?: number; files?: number };

export const logDefaults = { maxBytes: 5 * 1024 * 1024, files: 5 } as const;

export function fileLogger(
  opts: LogFileOptions & { level?: string; base?: Record<string, unknown> },
): { log: Logger; file: RotatingFile } {
  const file = rotatingFile({
    dir: opts.dir,
    name: opts.name,
    maxBytes: opts.maxBytes ?? logDefaults.maxBytes,
    files: opts.files ?? logDefaults.files,
  });
  const log = pino(
    {
      level: opts.level ?? 'info',
      base: opts.base ?? {},
      redact: {
        paths: [...personalKeys, ...personalKeys.map((k) => `*.${k}`)],
        censor: '[已隐去]',
      },
      serializers: {
        err: (error: Error) => {
          const out = stdSerializers.err(error);
          return {
            ...out,
            message: scrubPersonal(out.message),
            stack: scrubPersonal(out.stack),
          };
        },
      },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? scrubPersonal(a) : a)) as Parameters<
              typeof method
            >,
          );
        },
      },
    },
    { write: (line: string) => file.write(line) },
  );
  return { log, file };
}
