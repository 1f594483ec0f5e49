import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rpcSignature } from '../../server/sms/aliyun-signature';

// A test tool, not product code: a loopback server that speaks Alibaba Cloud SMS's RPC API
// (dysmsapi 2017-05-25, SendSms and QuerySendDetails) as far as the center uses it. It checks
// every request's signature with the same secret and answers a bad one as the provider does
// (SignatureDoesNotMatch), refuses a reused SignatureNonce, records what it received and what it
// "delivered", and can be told to fail the next requests.

export type StandInFault =
  /** the next SendSms answers this HTTP status (a 5xx: the provider's outage) */
  | { status: number }
  /** the next SendSms answers HTTP 200 with this provider error code */
  | { code: string }
  /** the next SendSms is taken and delivered, but its answer never comes (a timeout) */
  | { swallow: true };

export type Delivered = {
  phone: string;
  signName: string;
  templateCode: string;
  templateParam: Record<string, string>;
  outId: string;
  bizId: string;
  /** YYYYMMDD, Beijing time, as QuerySendDetails is asked */
  sendDate: string;
};

export type SmsStandIn = {
  url: string;
  accessKeyId: string;
  secret: string;
  /** every request, after its signature was checked (bad ones included, with `signatureOk`) */
  requests: { action: string; signatureOk: boolean }[];
  delivered: Delivered[];
  /** the next `times` SendSms requests fail with `fault` */
  failNext(times: number, fault: StandInFault): void;
  close(): Promise<void>;
};

function reply(res: ServerResponse, status: number, body: Record<string, unknown>) {
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
  res.end(JSON.stringify({ RequestId: randomUUID().toUpperCase(), ...body }));
}

function beijingDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
}

export async function startSmsStandIn(
  opts: { accessKeyId?: string; secret?: string; now?: () => Date } = {},
): Promise<SmsStandIn> {
  const accessKeyId = opts.accessKeyId ?? 'LTAI-stand-in';
  const secret = opts.secret ?? 'stand-in-secret';
  const now = opts.now ?? (() => new Date());
  const requests: SmsStandIn['requests'] = [];
  const delivered: Delivered[] = [];
  const faults: StandInFault[] = [];
  const nonces = new Set<string>();
  const hanging = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const params = Object.fromEntries(url.searchParams);
    const { Signature: signature, ...signed } = params;
    const signatureOk =
      params.AccessKeyId === accessKeyId && signature === rpcSignature(signed, secret);
    requests.push({ action: params.Action ?? '', signatureOk });
    if (params.AccessKeyId !== accessKeyId) {
      return reply(res, 404, {
        Code: 'InvalidAccessKeyId.NotFound',
        Message: 'Specified access key is not found.',
      });
    }
    if (!signatureOk) {
      return reply(res, 400, {
        Code: 'SignatureDoesNotMatch',
        Message: 'Specified signature is not matched with our calculation.',
        HostId: 'dysmsapi.aliyuncs.com',
      });
    }
    if (nonces.has(params.SignatureNonce ?? '')) {
      return reply(res, 400, {
        Code: 'SignatureNonceUsed',
        Message: 'Specified signature nonce was used already.',
      });
    }
    nonces.add(params.SignatureNonce ?? '');
    if (params.Version !== '2017-05-25' || params.SignatureMethod !== 'HMAC-SHA1') {
      return reply(res, 400, {
        Code: 'InvalidVersion',
        Message: 'Specified parameter Version is not valid.',
      });
    }

    if (params.Action === 'QuerySendDetails') {
      const found = delivered.filter(
        (d) => d.phone === params.PhoneNumber && d.sendDate === params.SendDate,
      );
      return reply(res, 200, {
        Code: 'OK',
        Message: 'OK',
        TotalCount: found.length,
        SmsSendDetailDTOs: {
          SmsSendDetailDTO: found.map((d) => ({
            PhoneNum: d.phone,
            SendStatus: 3,
            TemplateCode: d.templateCode,
            OutId: d.outId,
            BizId: d.bizId,
          })),
        },
      });
    }
    if (params.Action !== 'SendSms') {
      return reply(res, 404, {
        Code: 'InvalidAction.NotFound',
        Message: 'Specified api is not found.',
      });
    }
    const fault = faults.shift();
    if (fault && 'status' in fault) {
      return reply(res, fault.status, {
        Code: 'InternalError',
        Message: 'The request processing has failed due to some unknown error.',
      });
    }
    if (fault && 'code' in fault) {
      return reply(res, 200, { Code: fault.code, Message: `stand-in: ${fault.code}` });
    }
    let templateParam: Record<string, string>;
    try {
      templateParam = JSON.parse(params.TemplateParam ?? '{}') as Record<string, string>;
    } catch {
      return reply(res, 200, { Code: 'isv.INVALID_JSON_PARAM', Message: 'JSON参数不合法' });
    }
    if (!params.SignName) {
      return reply(res, 200, { Code: 'isv.SMS_SIGNATURE_ILLEGAL', Message: '短信签名不合法' });
    }
    if (!params.TemplateCode) {
      return reply(res, 200, { Code: 'isv.SMS_TEMPLATE_ILLEGAL', Message: '短信模板不合法' });
    }
    if (!/^1\d{10}$/.test(params.PhoneNumbers ?? '')) {
      return reply(res, 200, { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号' });
    }
    const bizId = `${Date.now()}^${delivered.length + 1}`;
    delivered.push({
      phone: params.PhoneNumbers!,
      signName: params.SignName ?? '',
      templateCode: params.TemplateCode ?? '',
      templateParam,
      outId: params.OutId ?? '',
      bizId,
      sendDate: beijingDate(now()),
    });
    // taken and delivered, but the answer is lost on the way back
    if (fault && 'swallow' in fault) {
      hanging.add(res);
      return;
    }
    return reply(res, 200, { Code: 'OK', Message: 'OK', BizId: bizId });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    accessKeyId,
    secret,
    requests,
    delivered,
    failNext(times, fault) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
