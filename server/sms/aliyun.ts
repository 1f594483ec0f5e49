import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { canonicalQuery, percentEncode, rpcSignature } from './aliyun-signature';
import type { SendOutcome, SmsProvider, SmsRequest } from './provider';

// Alibaba Cloud SMS (dysmsapi, version 2017-05-25) over its RPC API: SendSms to send,
// QuerySendDetails to find out whether a send whose answer never came went out (its records
// carry our OutId). Proven only against tests/support/sms-stand-in.ts, a loopback stand-in
// that speaks this API; never against the real service from here.

export type AliyunConfig = {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** how long a call may take before its answer counts as never coming */
  timeoutMs?: number;
};

/** The provider's codes a later try may get past (rate limits, its own faults); others are final. */
const passingCodes: ReadonlySet<string> = new Set([
  'isv.BUSINESS_LIMIT_CONTROL',
  'isv.DAY_LIMIT_CONTROL',
  'Throttling.User',
  'isp.SYSTEM_ERROR',
  'isp.RAM_PERMISSION_DENY',
  'ServiceUnavailable',
]);

const answerSchema = z.looseObject({
  Code: z.string(),
  Message: z.string().optional(),
  BizId: z.string().optional(),
});
const detailsSchema = z.looseObject({
  Code: z.string(),
  Message: z.string().optional(),
  SmsSendDetailDTOs: z
    .looseObject({
      SmsSendDetailDTO: z.array(
        z.looseObject({ OutId: z.string().optional(), BizId: z.string().optional() }),
      ),
    })
    .optional(),
});

/** 2026-03-02T01:02:03Z: the provider's Timestamp is UTC to the second. */
function timestamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function aliyunSms(config: AliyunConfig, now: () => Date = () => new Date()): SmsProvider {
  const timeoutMs = config.timeoutMs ?? 10_000;

  async function call(action: Record<string, string>): Promise<unknown> {
    const params: Record<string, string> = {
      AccessKeyId: config.accessKeyId,
      Format: 'JSON',
      RegionId: 'cn-hangzhou',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: randomUUID(),
      SignatureVersion: '1.0',
      Timestamp: timestamp(now()),
      Version: '2017-05-25',
      ...action,
    };
    const signature = rpcSignature(params, config.accessKeySecret);
    const url = `${config.endpoint.replace(/\/?$/, '/')}?Signature=${percentEncode(signature)}&${canonicalQuery(params)}`;
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    if (response.status >= 500) throw new ProviderAnswer(`服务商应答 HTTP ${response.status}`);
    try {
      return JSON.parse(text);
    } catch {
      throw new ProviderAnswer(`服务商应答 HTTP ${response.status}，内容不是 JSON`);
    }
  }

  return {
    async send(request: SmsRequest): Promise<SendOutcome> {
      let body: unknown;
      try {
        body = await call({
          Action: 'SendSms',
          PhoneNumbers: request.phone,
          SignName: request.signName,
          TemplateCode: request.templateCode,
          TemplateParam: JSON.stringify(request.params),
          OutId: request.outId,
        });
      } catch (error) {
        return { kind: 'uncertain', error: reason(error) };
      }
      const answer = answerSchema.safeParse(body);
      if (!answer.success) return { kind: 'uncertain', error: '服务商应答格式无法识别' };
      const { Code, Message, BizId } = answer.data;
      if (Code === 'OK' && BizId) return { kind: 'sent', providerId: BizId };
      return {
        kind: 'refused',
        error: `${Code}${Message ? `: ${Message}` : ''}`,
        retry: passingCodes.has(Code),
      };
    },

    async findSent({ phone, outId, sendDate }) {
      const body = detailsSchema.parse(
        await call({
          Action: 'QuerySendDetails',
          PhoneNumber: phone,
          SendDate: sendDate,
          PageSize: '50',
          CurrentPage: '1',
        }),
      );
      if (body.Code !== 'OK') throw new Error(`${body.Code}: ${body.Message ?? ''}`);
      const found = body.SmsSendDetailDTOs?.SmsSendDetailDTO.find((d) => d.OutId === outId);
      return found ? (found.BizId ?? outId) : null;
    },
  };
}

/** An answer that says nothing of the message: the provider's own failure. */
class ProviderAnswer extends Error {}

function reason(error: unknown): string {
  if (error instanceof ProviderAnswer) return error.message;
  if (error instanceof Error && error.name === 'TimeoutError') return '服务商超时未应答';
  return error instanceof Error ? `连接服务商失败：${error.message}` : '连接服务商失败';
}
