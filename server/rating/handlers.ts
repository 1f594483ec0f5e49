import { authenticatedDevice, signedIn } from '../admin/access';
import { shanghaiDate } from '../../shared/calendar';
import { ratingChannelOfPage } from '../../shared/center-api';
import { documentTitles } from '../../shared/documents';
import { HttpError } from '../http/errors';
import { wantsPage } from '../http/page';
import type { AuthRater, CenterHandlers } from '../http/spec';
import { appealRating, decideAppeal, recordFollowUp } from './appeals';
import { keyInPaperForm } from './case-step';
import { rateAtDevice, ratingPrompt } from './device';
import { issuePairingCode, pairDevice } from './pairing';
import { phoneService, rateByPhone, type PhoneForm } from './phone';
import {
  phoneRatingHeaders as headers,
  phoneRatingPage,
  phoneRefusedPage,
  phoneThanksPage,
} from './phone-page';
import { exportCsv, toExportRow } from './export';
import { pushStatus } from './push';
import { ratingReport } from './report';
import { readRatingSettings, settingsView, writeRatingSettings } from './settings';
import { ratingsOf, toRecord } from './views';
import { terminalFigures, windowAppeal, windowRatings } from './window';

/** The rating device a 'rater' call was authenticated as (the app resolves it first). */
function pairedDevice(rater: AuthRater | null): AuthRater {
  if (!rater) throw new Error('rating device route reached without a paired device');
  return rater;
}

const typedOf = (form: PhoneForm) => ({
  caseNumber: form.caseNumber ?? '',
  level: form.level ?? '',
  reasons: form.reasons === undefined ? [] : [form.reasons].flat(),
  comment: form.comment ?? '',
});

/**
 * The phone page's refusals come back as pages: a mistake in the form shows the form again with
 * what was typed, anything else (rated already, too many, no such notice) says so plainly.
 */
async function phonePageOr<T>(
  page: boolean,
  run: () => Promise<T>,
  refused: (error: { status: number; message: string }) => string,
): Promise<{ ok: T } | { status: number; headers: typeof headers; page: string }> {
  try {
    return { ok: await run() };
  } catch (error) {
    if (!page || !(error instanceof HttpError)) throw error;
    const { status, message } = error;
    return { status, headers, page: refused({ status, message }) };
  }
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
  'rating.phoneForm': async ({ params, query, accept }, ctx) => {
    const page = wantsPage(accept);
    const found = await phonePageOr(
      page,
      () => phoneService(ctx, params.code),
      (e) => phoneRefusedPage(e.message),
    );
    if (!('ok' in found)) return found;
    const { code, kind, step } = found.ok;
    return page
      ? {
          headers,
          page: phoneRatingPage({
            code,
            via: ratingChannelOfPage(query.via),
            kind,
            step,
            error: null,
            typed: typedOf({}),
          }),
        }
      : { headers, body: { code, step, document: documentTitles[kind] } };
  },
  'rating.phone': async ({ params, query, body, accept, address }, ctx) => {
    const via = ratingChannelOfPage(query.via);
    const page = wantsPage(accept);
    const service = await phonePageOr(
      page,
      () => phoneService(ctx, params.code),
      (e) => phoneRefusedPage(e.message),
    );
    if (!('ok' in service)) return service;
    const { code, kind, step } = service.ok;
    const kept = await phonePageOr(
      page,
      () => rateByPhone(ctx, params.code, address, body, via),
      (e) =>
        e.status === 400
          ? phoneRatingPage({ code, via, kind, step, error: e.message, typed: typedOf(body) })
          : phoneRefusedPage(e.message),
    );
    if (!('ok' in kept)) return kept;
    return page ? { status: 201, headers, page: phoneThanksPage() } : { headers, body: kept.ok };
  },
  'rating.paper': async ({ staff, body }, ctx) => ({
    body: await keyInPaperForm(ctx, signedIn(staff), body),
  }),
  'rating.list': async ({ query }, ctx) => ({
    body: { ratings: (await ratingsOf(ctx.db, query)).map(toRecord) },
  }),
  'rating.appeal': async ({ staff, params, body }, ctx) => {
    const member = signedIn(staff);
    const by = { windowId: member.windowId, staffId: member.id };
    return { body: await appealRating(ctx, by, params.id, body.reason) };
  },
  'rating.decideAppeal': async ({ staff, params, body }, ctx) => ({
    body: await decideAppeal(ctx, signedIn(staff), params.id, body.upheld, body.note),
  }),
  'rating.followUp': async ({ staff, params, body }, ctx) => ({
    body: await recordFollowUp(ctx, signedIn(staff), params.id, body),
  }),
  'rating.export': async ({ query }, ctx) => {
    const { format, ...period } = query;
    const ratings = (await ratingsOf(ctx.db, period)).map(toExportRow);
    return format === 'csv'
      ? { file: exportCsv(period.from, period.to, ratings) }
      : { body: { from: period.from, to: period.to, ratings } };
  },
  'rating.settings': async (_input, ctx) => ({
    body: settingsView(await readRatingSettings(ctx.db)),
  }),
  'rating.setSettings': async ({ body }, ctx) => ({
    body: await writeRatingSettings(ctx.db, body),
  }),
  'rating.pushStatus': async (_input, ctx) => ({ body: await pushStatus(ctx.db) }),
  'rating.terminalFigures': async ({ device, query }, ctx) => ({
    body: await terminalFigures(ctx, authenticatedDevice(device), query),
  }),
  'rating.windowList': async ({ device, query }, ctx) => ({
    body: await windowRatings(ctx, authenticatedDevice(device), query),
  }),
  'rating.windowAppeal': async ({ device, params, body }, ctx) => ({
    body: await windowAppeal(ctx, authenticatedDevice(device), params.id, body),
  }),
  'reports.ratings': async ({ query }, ctx) => ({
    body: await ratingReport(ctx.db, query, shanghaiDate(ctx.now())),
  }),
} satisfies Partial<CenterHandlers>;
