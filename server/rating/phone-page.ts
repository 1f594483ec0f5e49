import { ratingLabels } from '../../shared/case';
import { ratingReasons, ratingServiceLabels, type CaseRatingStep } from '../../shared/center-api';
import { documentTitles, type CaseDocumentKind } from '../../shared/documents';
import { guideFontsPath } from '../guide/static';
import { escapeHtml, publicPageHeaders } from '../http/page';

// Issue 17 part 2: the phone page a notice's QR leads to (via /verify). Built on the server like
// the other public pages: no script, one hashed stylesheet, a POST form to itself. Nothing of the
// applicant is on it — not even the case number, which the applicant types from the paper.

const style = `body{font-family:-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','WenQuanYi Micro Hei','Noto Sans SC',system-ui,sans-serif;margin:0;padding:1.2rem;color:#1f2328;max-width:36rem}
h1{font-size:1.4rem;margin:0 0 .6rem;color:#0b4fa3}p{margin:.4rem 0}
fieldset{border:1px solid #d0d7de;border-radius:.5rem;margin:.8rem 0;padding:.6rem}
legend{font-weight:600}label{display:block;padding:.5rem 0;font-size:1.1rem}
input[type=text],textarea{font:inherit;width:100%;box-sizing:border-box;padding:.5rem}
button{font:inherit;font-size:1.2rem;width:100%;padding:.8rem;border:0;border-radius:.5rem;background:#0b4fa3;color:#fff}
.error{color:#b42318;background:#fff1f0;padding:.6rem;border-radius:.4rem}.thanks{color:#1a7f37}
.hint{color:#59636e;font-size:.95rem}`;

/** The rating page's headers: its own style only, and a form that may post to this center only. */
export const phoneRatingHeaders: Readonly<Record<string, string>> = {
  // the guide's Chinese font, for a phone or kiosk without one (server/guide/static.ts)
  ...publicPageHeaders(style, { fonts: true, posts: true }),
  'cache-control': 'no-store',
};

function shell(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="../guide/${guideFontsPath}"><style>${style}</style></head>
<body><main>${body}</main></body></html>
`;
}

export type PhoneFormView = {
  code: string;
  /** the page was opened from an SMS link: the form says so again when it posts */
  via: 'sms' | 'qr';
  kind: CaseDocumentKind;
  step: CaseRatingStep;
  error: string | null;
  /** what the applicant had typed, kept when the page comes back with an error */
  typed: { caseNumber: string; level: string; reasons: readonly string[]; comment: string };
};

export function phoneRatingPage(v: PhoneFormView): string {
  const levels = [1, 2, 3, 4, 5]
    .map((l) => {
      const checked = v.typed.level === String(l) ? ' checked' : '';
      return `<label><input type="radio" name="level" value="${l}"${checked}> ${ratingLabels[l]}</label>`;
    })
    .join('');
  const reasons = ratingReasons
    .map((r) => {
      const checked = v.typed.reasons.includes(r) ? ' checked' : '';
      return `<label><input type="checkbox" name="reasons" value="${r}"${checked}> ${r}</label>`;
    })
    .join('');
  const error = v.error ? `<p class="error" role="alert">${escapeHtml(v.error)}</p>` : '';
  return shell(
    '评价本次服务',
    `<h1>评价本次服务</h1>
<p>${documentTitles[v.kind]}（${ratingServiceLabels[v.step]}环节）</p>${error}
<form method="post" action="${encodeURIComponent(v.code)}${v.via === 'sms' ? '?via=sms' : ''}">
<label>办件编号<input type="text" name="caseNumber" value="${escapeHtml(v.typed.caseNumber)}" autocomplete="off" required></label>
<p class="hint">请输入文书上印的办件编号，以确认您持有这份文书。</p>
<fieldset><legend>您对本次服务的评价</legend>${levels}</fieldset>
<fieldset><legend>不满意的原因（选择“不满意”或“非常不满意”时必选）</legend>${reasons}</fieldset>
<label>意见或建议（可不填）<textarea name="comment" rows="3" maxlength="200">${escapeHtml(v.typed.comment)}</textarea></label>
<button type="submit">提交评价</button>
</form>`,
  );
}

export function phoneThanksPage(): string {
  return shell(
    '感谢您的评价',
    '<h1 class="thanks">感谢您的评价！</h1><p>每次服务只能评价一次，您的评价已记录。</p>',
  );
}

export function phoneRefusedPage(message: string): string {
  return shell(
    '无法评价',
    `<h1>无法评价</h1><p class="error" role="alert">${escapeHtml(message)}</p>`,
  );
}
