import type { Kysely } from 'kysely';
import {
  smsSettingsInputSchema,
  type SmsSettings,
  type SmsSettingsInput,
} from '../../shared/center-api';
import type { ServerDb } from '../db/schema';

// The provider, its key and the templates, in `sms_settings` (0024): never in `settings`, which
// every terminal pulls. The secret is read here for the sender and nowhere answered.

/** What a new center starts with: sending off until the manager enters the provider's key. */
export const defaultSmsSettings: SmsSettingsInput = {
  enabled: false,
  provider: 'aliyun',
  endpoint: 'https://dysmsapi.aliyuncs.com/',
  accessKeyId: '',
  signName: '政务服务中心',
  window: { from: '08:00', to: '20:00' },
  maxAttempts: 5,
  templates: {
    accepted: {
      templateCode: '',
      text: '您申请的${itemName}（办件编号${caseNumber}）已于${date}受理，请等待办理结果，无需再到窗口询问。',
    },
    noticeIssued: {
      templateCode: '',
      text: '您申请的${itemName}（办件编号${caseNumber}）材料需要补正，请按一次性告知书所列备齐材料后到原窗口办理。',
    },
    stamped: {
      templateCode: '',
      text: '您申请的${itemName}（办件编号${caseNumber}）已于${date}作出${result}决定，请携带本人身份证件到窗口领取决定书。',
    },
    certificateIssued: {
      templateCode: '',
      text: '您申请的${itemName}（办件编号${caseNumber}）证照已制作完成，请携带本人身份证件到窗口领取。',
    },
  },
};

type Stored = SmsSettingsInput & { accessKeySecret: string };

/** The settings with the secret, for the sender only. */
export async function readSmsConfig(db: Kysely<ServerDb>): Promise<Stored> {
  const row = await db
    .selectFrom('sms_settings')
    .select('value')
    .where('key', '=', 'sms')
    .executeTakeFirst();
  const stored = row ? (JSON.parse(row.value) as Partial<Stored>) : {};
  const merged = smsSettingsInputSchema.parse({ ...defaultSmsSettings, ...stored });
  return { ...merged, accessKeySecret: merged.accessKeySecret ?? '' };
}

/** The settings as the manager sees them: whether a secret is set, never the secret. */
export function publicSmsSettings(config: Stored): SmsSettings {
  const { accessKeySecret, ...rest } = config;
  return { ...rest, secretSet: accessKeySecret !== '' };
}

export async function writeSmsSettings(
  db: Kysely<ServerDb>,
  input: SmsSettingsInput,
): Promise<SmsSettings> {
  return db.transaction().execute(async (trx) => {
    const current = await readSmsConfig(trx);
    // a blank secret keeps the stored one: the form never holds it to send back
    const secret = input.accessKeySecret ? input.accessKeySecret : current.accessKeySecret;
    const next: Stored = { ...input, accessKeySecret: secret };
    const value = JSON.stringify(next);
    await trx
      .insertInto('sms_settings')
      .values({ key: 'sms', value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
    return publicSmsSettings(next);
  });
}
