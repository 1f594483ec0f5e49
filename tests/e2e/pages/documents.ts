import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { readPdf, renderPdfPage, type PdfReading } from '../../support/pdf';
import { apiPost, type DemoAccount, type WebTerminal } from '../../support/web-terminal';

const artifacts = 'tests/e2e/artifacts';

type Applicant = { kind: 'person'; name: string; idNumber: string; mobile: string };
type Item = { code: string; name: string; materials: { id: string; required: boolean }[] };

/**
 * The terminal's HTTP API as the renderer uses it (web mode wants JSON with a bearer token):
 * prepares cases for the documents and the work list without walking the intake screens.
 */
export async function apiAs(t: WebTerminal, account: DemoAccount) {
  const post = <T>(name: string, body: unknown, token?: string) => apiPost<T>(t, name, body, token);
  const { token } = await post<{ token: string }>('auth.login', {
    username: account.username,
    password: account.password,
  });
  const api = {
    item: (code: string) => post<Item>('catalog.item', { code }, token),
    /** `extra`: what the intake form adds, e.g. the applicant's SMS consent (issue 17 part 4) */
    receive: (itemCode: string, applicant: Applicant, extra: { smsConsent?: boolean } = {}) =>
      post<{ caseId: string; caseNumber: string }>(
        'cases.receive',
        { itemCode, applicant, channel: 'window', ...extra },
        token,
      ),
    record: (caseId: string, type: string, payload: Record<string, unknown>) =>
      post<{ eventId: string; status: string }>('cases.record', { caseId, type, payload }, token),
    /** the chief's seal PIN at this terminal, proved by the sign-in password */
    setSealPin: (pin: string) =>
      post<{ registered: boolean }>('seal.setPin', { password: account.password, pin }, token),
    /** the banner's button: the chief's seal keys set offline, registered with the password */
    registerSeal: () =>
      post<{ registered: boolean; registrationError: string | null }>(
        'seal.register',
        { password: account.password },
        token,
      ),
    stamp: (caseId: string, pin: string) =>
      post<{ eventId: string; decisionNumber: string }>('cases.stamp', { caseId, pin }, token),
    caseEvents: async (caseId: string) =>
      (await post<{ events: { id: string; type: string }[] }>('cases.get', { caseId }, token))
        .events,
    document: (caseId: string, eventId: string) =>
      post<Record<string, unknown>>('documents.get', { caseId, eventId }, token),
    /** a received case: every material received → accepted; answers the acceptance event */
    async accept(caseId: string, itemCode: string) {
      const item = await api.item(itemCode);
      await api.record(caseId, 'materialsChecked', {
        materials: item.materials.map((m) => ({ materialId: m.id, status: 'received' })),
      });
      return (await api.record(caseId, 'accepted', {})).eventId;
    },
    /** received → every material received → accepted; answers the acceptance event */
    async acceptedCase(
      itemCode: string,
      applicant: Applicant,
      extra: { smsConsent?: boolean } = {},
    ) {
      const c = await api.receive(itemCode, applicant, extra);
      return { ...c, eventId: await api.accept(c.caseId, itemCode) };
    },
    /** received → two materials wrong → the one-time notice listing exactly them */
    async noticeCase(
      itemCode: string,
      applicant: Applicant,
      problems: { missing: string; defective: string; defect: string },
      returnBy: string,
    ) {
      const item = await api.item(itemCode);
      const c = await api.receive(itemCode, applicant);
      await api.record(c.caseId, 'materialsChecked', {
        materials: item.materials.map((m) =>
          m.id === problems.missing
            ? { materialId: m.id, status: 'missing' }
            : m.id === problems.defective
              ? { materialId: m.id, status: 'defective', defect: problems.defect }
              : { materialId: m.id, status: 'received' },
        ),
      });
      const { eventId } = await api.record(c.caseId, 'noticeIssued', {
        items: [
          { materialId: problems.missing, problem: 'missing', detail: '请提交原件一份' },
          { materialId: problems.defective, problem: 'defective', detail: problems.defect },
        ],
        returnBy,
      });
      return { ...c, eventId, item };
    },
  };
  return api;
}

export function printPage(page: Page) {
  const locators = {
    sheet: page.getByTestId('a4-document'),
    qr: page.getByTestId('document-qr').locator('img[data-ready="true"]'),
    toolbar: page.getByRole('toolbar'),
    printButton: page.getByRole('toolbar').getByRole('button', { name: /打\s*印/ }),
    backButton: page.getByRole('toolbar').getByRole('button', { name: /返\s*回/ }),
  };
  return {
    locators,
    /**
     * In-app navigation: a reload would lose the in-memory session. Waits for this document's
     * desk: the hash changes before the app renders, and the sheet on screen until then is the
     * previous one.
     */
    async open(caseId: string, eventId: string) {
      await page.evaluate((hash) => (location.hash = hash), `#/print/${caseId}/${eventId}`);
      await page.locator(`[data-document="${caseId}/${eventId}"]`).waitFor();
      await this.ready();
    },
    /**
     * The sheet is laid out with its QR code, and the desk has every slice of the embedded font
     * its text needs (data-ready, as 打印 waits for): ready for paper.
     */
    async ready() {
      await page.locator('.a4-desk[data-ready="true"]').waitFor();
      await locators.sheet.waitFor();
      await locators.qr.waitFor();
    },
    /** page → A4 PDF → first page as PNG (MuPDF, 80 dpi as pdftoppm gave), its text and fonts. */
    async toPdf(name: string): Promise<{ pdf: string; png: string } & PdfReading> {
      mkdirSync(artifacts, { recursive: true });
      const pdf = `${artifacts}/${name}.pdf`;
      await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
      renderPdfPage(pdf, `${artifacts}/${name}.png`, 80);
      return { pdf, png: `${artifacts}/${name}.png`, ...readPdf(pdf) };
    },
  };
}
