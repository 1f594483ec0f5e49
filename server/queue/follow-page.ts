import { ticketStatusLabels, type PublicTicket as Ticket } from '../../shared/center-api';
import { escapeHtml, publicPageHeaders } from '../http/page';

// Issue 17, part 1: the page a phone opens from the ticket's QR code — the number, where it
// stands and how many are before it. Like the notice check (server/cases/verify-page.ts): no
// scripts, one stylesheet allowed by its hash; it refreshes itself every 15 seconds.

const style = `body{font-family:system-ui,sans-serif;margin:0;padding:1.5rem;color:#1f2328;text-align:center}
.number{font-size:4rem;font-weight:700;letter-spacing:.05em;margin:.5rem 0}
.state{font-size:1.4rem;margin:.5rem 0}.ahead{font-size:1.2rem}.ahead b{font-size:2rem;color:#0958d9}
.call{font-size:1.6rem;color:#1a7f37;font-weight:700}.muted{color:#59636e;font-size:.9rem}`;

export const followHeaders: Readonly<Record<string, string>> = {
  ...publicPageHeaders(style, { fonts: false, posts: false }),
  'cache-control': 'no-store',
};

function standing(t: Ticket): string {
  switch (t.status) {
    case 'waiting':
      return `<p class="ahead">前面还有 <b>${t.ahead ?? 0}</b> 人</p>${
        t.windowName ? `<p>已转至 ${escapeHtml(t.windowName)}</p>` : ''
      }`;
    case 'called':
      return `<p class="call">请到 ${escapeHtml(t.windowName ?? '')} 办理</p>`;
    default:
      return `<p class="state">${ticketStatusLabels[t.status]}</p>`;
  }
}

export function followPage(t: Ticket): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="15">
<title>排队进度 ${escapeHtml(t.number)}</title>
<style>${style}</style></head>
<body><main><p>${escapeHtml(t.departmentName)}</p><p class="number">${escapeHtml(t.number)}</p>
${standing(t)}<p class="muted">取号时间 ${escapeHtml(t.takenAt.slice(11, 16))} · 本页每15秒自动刷新</p></main></body></html>
`;
}
