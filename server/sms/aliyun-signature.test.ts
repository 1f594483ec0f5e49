import { describe, expect, it } from 'vitest';
import { canonicalQuery, percentEncode, rpcSignature } from './aliyun-signature';

// The worked example of Alibaba Cloud's SMS API reference (签名机制, SendSms, 2017-05-25): the
// stand-in checks signatures with the same function, so this is what proves it the provider's.
const example = {
  AccessKeyId: 'testId',
  Action: 'SendSms',
  Format: 'XML',
  OutId: '123',
  PhoneNumbers: '15300000001',
  RegionId: 'cn-hangzhou',
  SignName: '阿里云短信测试专用',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
  SignatureVersion: '1.0',
  TemplateCode: 'SMS_71390007',
  TemplateParam: '{"customer":"test"}',
  Timestamp: '2017-07-12T02:42:19Z',
  Version: '2017-05-25',
};

describe('Alibaba Cloud RPC signature', () => {
  it('gives the published signature of the SendSms example', () => {
    expect(rpcSignature(example, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
    expect(rpcSignature(example, 'testsecret')).not.toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('encodes as RFC 3986 does, not as a form does', () => {
    expect(percentEncode("a b*~!'()")).toBe('a%20b%2A~%21%27%28%29');
    expect(canonicalQuery({ b: '1', a: '派', Signature: 'x' })).toBe('a=%E6%B4%BE&b=1');
  });
});
