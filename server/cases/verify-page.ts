import { documentTitles } from '../../shared/documents';
import {
  ratingStepOfDocument,
  type CaseProgress,
  type Verification,
} from '../../shared/center-api';
import { guideFontsPath } from '../guide/static';
import { escapeHtml, publicPageHeaders } from '../http/page';

// What a phone shows after scanning the QR of a printed notice: one small self-contained page
// (no scripts, and no fonts or images from elsewhere), readable without zooming. Issue 17 part 4:
// the Chinese font for a browser without one is the public guide's, served by this center.

/** the guide's @font-face rules, from /verify/<code> (relative: a proxy's prefix is kept) */
const fontsHref = `../guide/${guideFontsPath}`;

/** '2025-03-03T09:00:00.000+08:00' → '2025年3月3日 09:00' (as written: terminals write +08:00). */
function cnTime(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日 ${m[4]}:${m[5]}` : iso;
}

// One fixed stylesheet (the verdict's colour by class, not interpolated), so that the page's CSP
// can allow exactly this style by its hash and nothing else: no 'unsafe-inline', no scripts.
// The system's CJK fonts first (a phone has one, and then loads nothing); the shipped Noto Sans SC
// before system-ui, which Chromium would otherwise take for characters it has no glyph of.
const style = `body{font-family:-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','WenQuanYi Micro Hei','Noto Sans SC',system-ui,sans-serif;margin:0;padding:1.5rem;color:#1f2328}
h1{font-size:1.6rem;margin:0 0 1rem}.genuine{color:#1a7f37}.conflicted{color:#b35900}.missing{color:#b42318}
dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem}
dt{color:#59636e}dd{margin:0}.code{font-family:monospace;letter-spacing:.1em}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}ol{list-style:none;margin:0;padding:0}
li{display:grid;grid-template-columns:1.5rem 1fr;padding:.45rem 0;border-left:2px solid #d0d7de;padding-left:.6rem}
li.done{border-color:#1a7f37}li.ahead{color:#8c959f}li b{font-weight:600}li span{grid-column:2;font-size:.9rem;color:#59636e}`;

/**
 * Sent with every answer of the public /verify (page or JSON): anyone can link to it, so it must
 * not run anything, load anything, be framed by a look-alike site (clickjacking a "genuine"
 * verdict), be sniffed into another type, or tell the next site which code was checked.
 */
export const verificationHeaders: Readonly<Record<string, string>> = publicPageHeaders(style, {
  // issue 17 part 4: besides its own, only the center's font stylesheet and font
  fonts: true,
  posts: false,
});

export function verificationPage(v: Verification): string {
  const [mark, headline, tone] = v.genuine
    ? ['✔', '真实有效', 'genuine']
    : 'conflicted' in v
      ? ['!', '与中心记录不一致', 'conflicted']
      : ['✘', '未找到', 'missing'];
  const rows: [string, string | null][] =
    'kind' in v
      ? [
          ['文书', documentTitles[v.kind]],
          ['办件编号', v.caseNumber],
          ['事项', v.itemName],
          ['部门', v.department],
          ['窗口', v.window],
          ['出具时间', cnTime(v.issuedAt)],
        ]
      : [];
  const details = rows
    .filter((r): r is [string, string] => r[1] !== null && r[1] !== '')
    .map(([k, value]) => `<dt>${k}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const note = v.genuine ? '' : `<p>${escapeHtml(v.message.split(' / ')[0] ?? '')}</p>`;
  const progress = v.genuine && v.progress ? progressSection(v.progress) : '';
  // issue 17 part 2: the applicant rates the step this notice closes (relative: a proxy's prefix stays)
  const rate =
    v.genuine && ratingStepOfDocument[v.kind]
      ? `<p><a href="../rate/${encodeURIComponent(v.code)}">评价本次服务</a></p>`
      : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>文书核验 ${escapeHtml(v.code)}</title>
<link rel="stylesheet" href="${fontsHref}">
<style>${style}</style></head>
<body><main><h1 class="${tone}">${mark} ${headline}</h1><p>核验码 <span class="code">${escapeHtml(v.code)}</span></p>
${note}<dl>${details}</dl>${progress}${rate}</main></body></html>
`;
}

/** Issue 17 part 4: the case's steps, done ones with their time, the rest greyed as ahead. */
function progressSection(p: CaseProgress): string {
  const steps = p.steps
    .map((s) =>
      s.at
        ? `<li class="done">●<b>${escapeHtml(s.label)}</b><span>${escapeHtml(cnTime(s.at))}</span></li>`
        : `<li class="ahead">○<b>${escapeHtml(s.label)}</b><span>尚未办理</span></li>`,
    )
    .join('');
  return `<h2>办理进度</h2><p>申请人 ${escapeHtml(p.applicant)}</p><ol>${steps}</ol>`;
}
