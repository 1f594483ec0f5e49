import { createHmac } from 'node:crypto';

// Alibaba Cloud's RPC signature (SignatureVersion 1.0, HMAC-SHA1), as its API reference
// publishes it: every parameter but Signature, sorted by name, each name and value
// percent-encoded (RFC 3986: only A–Z a–z 0–9 - _ . ~ stay as they are), joined with = and &;
// then "GET&%2F&" + that string percent-encoded once more, signed with the secret plus "&".
// The adapter signs with it and the test stand-in checks with it; the published example
// (aliyun-signature.test.ts) is what ties it to the real service.

/** RFC 3986 percent-encoding: encodeURIComponent leaves ! ' ( ) * alone, the provider does not. */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The sorted, encoded query the signature covers (and the request sends after Signature). */
export function canonicalQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&');
}

export function rpcSignature(
  params: Readonly<Record<string, string>>,
  secret: string,
  method = 'GET',
): string {
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}
