import { authenticatedDevice, signedIn } from '../admin/access';
import type { AuthRater, CenterHandlers } from '../http/spec';
import { appealRating, decideAppeal, recordFollowUp } from './appeals';
import { keyInPaperForm } from './case-step';
import { rateAtDevice, ratingPrompt } from './device';
import { issuePairingCode, pairDevice } from './pairing';
import { ratingReport } from './report';
import { ratingsOf, toRecord } from './views';

/** The rating device a 'rater' call was authenticated as (the app resolves it first). */
function pairedDevice(rater: AuthRater | null): AuthRater {
  if (!rater) throw new Error('rating device route reached without a paired device');
  return rater;
}

/** Issue 17, part 2: 好差评 by the applicant. */
export const ratingHandlers = {
  'rating.pairingCode': async ({ params }, ctx) => ({
    body: await issuePairingCode(ctx, params.code),
  }),
  'rating.pair': async ({ body }, ctx) => ({
    body: await pairDevice(ctx, body.windowCode, body.code),
  }),
  'rating.prompt': async ({ rater }, ctx) => ({
    body: await ratingPrompt(ctx, pairedDevice(rater)),
  }),
  'rating.rate': async ({ rater, body }, ctx) => ({
    body: await rateAtDevice(ctx, pairedDevice(rater), body.serviceId, body.rating),
  }),
  'rating.paper': async ({ staff, body }, ctx) => ({
    body: await keyInPaperForm(ctx, signedIn(staff), body),
  }),
  'rating.list': async ({ query }, ctx) => ({
    body: { ratings: (await ratingsOf(ctx.db, query)).map(toRecord) },
  }),
  'rating.appeal': async ({ device, params, body }, ctx) => ({
    body: await appealRating(
      ctx,
      authenticatedDevice(device),
      params.id,
      body.staffId,
      body.reason,
    ),
  }),
  'rating.decideAppeal': async ({ staff, params, body }, ctx) => ({
    body: await decideAppeal(ctx, signedIn(staff), params.id, body.upheld, body.note),
  }),
  'rating.followUp': async ({ staff, params, body }, ctx) => ({
    body: await recordFollowUp(ctx, signedIn(staff), params.id, body),
  }),
  'reports.ratings': async ({ query }, ctx) => ({ body: await ratingReport(ctx.db, query) }),
} satisfies Partial<CenterHandlers>;
