import { protocolAccepted, protocolHeader, protocolVersion } from '../../shared/sync';
import { HttpError } from './errors';

/**
 * The protocol version a sync request declares. A header that is missing or not a whole number is
 * a malformed request (400): every terminal release sends it. A well-formed but unsupported one is
 * an outdated terminal (426): it keeps its events queued and asks the hall to update it.
 */
export function requireProtocol(header: string | string[] | undefined): number {
  const text = Array.isArray(header) ? header[0] : header;
  if (text === undefined || !/^\d+$/.test(text.trim())) {
    throw new HttpError(400, 'invalid_input', `缺少协议版本 / ${protocolHeader} header required`, {
      field: `headers.${protocolHeader}`,
    });
  }
  const version = Number(text);
  if (protocolAccepted(version)) return version;
  throw new HttpError(
    426,
    'protocol_unsupported',
    version < protocolVersion
      ? `终端版本过旧（协议 ${version}，中心 ${protocolVersion}），请更新一窗通终端后再同步（未同步的记录已保留）`
      : `中心服务器版本较旧（协议 ${protocolVersion}，终端 ${version}），请联系管理员升级中心（未同步的记录已保留）`,
  );
}
