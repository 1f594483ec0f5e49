import { authenticatedDevice } from '../admin/access';
import type { CenterHandlers } from '../http/spec';
import { fileForDevice, filesHave, uploadChunk } from './uploads';

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
} satisfies Pick<CenterHandlers, 'files.have' | 'files.upload' | 'files.get'>;
