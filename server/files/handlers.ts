import { authenticatedDevice } from '../admin/access';
import type { CenterHandlers } from '../http/spec';
import { fileForDevice, filesHave, uploadChunk } from './uploads';
import { caseReceipt, publishedReceiptKey } from './receipt';

export const filesHandlers = {
  'files.have': async ({ device, body }, ctx) => ({
    body: { files: await filesHave(ctx, authenticatedDevice(device), body.files) },
  }),
  'files.upload': async ({ device, params, query, body }, ctx) => ({
    body: await uploadChunk(ctx, authenticatedDevice(device), params.sha256, query, body),
  }),
  'files.get': async ({ device, params }, ctx) => {
    const file = await fileForDevice(ctx, authenticatedDevice(device), params.sha256);
    return { file: { type: file.mediaType, name: params.sha256, bytes: file.bytes } };
  },
  'cases.receipt': async ({ device, params, query }, ctx) => ({
    body: await caseReceipt(ctx, authenticatedDevice(device), params.caseId, query.manifest),
  }),
  'center.receiptKey': async (_input, ctx) => ({ body: await publishedReceiptKey(ctx) }),
} satisfies Pick<
  CenterHandlers,
  'files.have' | 'files.upload' | 'files.get' | 'cases.receipt' | 'center.receiptKey'
>;
