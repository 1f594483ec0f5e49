import { expect } from 'vitest';
import { centerContract, ratingContract, type PairedDevice } from '../../shared/center-api';
import type { Call, TestDevice } from '../sync/test-support';
import type { TestApp } from '../test-app';

// The steps the 好差评 tests share: the manager pairs a window's tablet, and a window serves a
// ticket of SJ's line through the queue's real routes, so that there is a service to rate.

export const ratingPath = (name: keyof typeof ratingContract, id = '') =>
  ratingContract[name].path.replace(':code', id).replace(':id', id);

export function ratingSteps(call: Call, staffCall: TestApp['call'], manager: string) {
  return {
    /** the manager's code pairs `windowCode`'s tablet: its bearer token */
    async pair(windowCode: string): Promise<string> {
      const issued = await staffCall('POST', ratingPath('rating.pairingCode', windowCode), {
        token: manager,
      });
      expect(issued.statusCode, issued.body).toBe(201);
      const { code } = issued.json<{ code: string }>();
      const paired = await call('POST', ratingPath('rating.pair'), { body: { windowCode, code } });
      expect(paired.statusCode, paired.body).toBe(201);
      return paired.json<PairedDevice>().token;
    },
    /** a ticket taken, called and finished at `device`'s window by `staffId`: its id */
    async serve(device: TestDevice, staffId: string): Promise<string> {
      const taken = await call('POST', centerContract['queue.take'].path, {
        body: { departmentCode: 'SJ' },
      });
      for (const action of ['callNext', 'finish']) {
        const res = await call('POST', centerContract['queue.act'].path, {
          token: device.token,
          body: { staffId, act: { action } },
        });
        expect(res.statusCode, res.body).toBe(200);
      }
      return taken.json<{ id: string }>().id;
    },
  };
}
