import {
  guideQueryLimit,
  type GuideEntry,
  type GuideItem,
  type GuideList,
} from '../../shared/center-api';
import { escapeHtml, publicPageHeaders } from '../http/page';
import { guideFontsPath } from './static';

// The public 办事指南 as pages a phone shows and a printer puts on A4: built here as strings, no
// scripts; every value is escaped (a manager's text, the search typed into the address bar). The
// links are relative, so the pages work behind a proxy that serves the center under a prefix.

// One fixed stylesheet, so that the CSP allows exactly it by its hash. Long legal text wraps
// anywhere rather than pushing the page sideways on a narrow phone.
const style = `*{box-sizing:border-box}
body{font-family:-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','WenQuanYi Micro Hei','Noto Sans SC',system-ui,sans-serif;margin:0;color:#1f2328;line-height:1.6;overflow-wrap:anywhere}
header{background:#1d4ed8;color:#fff;padding:.75rem 1rem}header a{color:#fff;text-decoration:none;font-weight:600}
main{max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.25rem 0 .5rem}h2{font-size:1.1rem;margin:1.25rem 0 .5rem;border-left:4px solid #1d4ed8;padding-left:.5rem}
h3{font-size:1rem;margin:.75rem 0 .25rem}
form{display:flex;gap:.5rem;margin:.5rem 0 1rem}
input{flex:1;min-width:0;font:inherit;padding:.5rem .6rem;border:1px solid #8c959f;border-radius:6px}
button{font:inherit;padding:.5rem 1rem;border:0;border-radius:6px;background:#1d4ed8;color:#fff}
ul.items{list-style:none;padding:0;margin:0}ul.items li{border-bottom:1px solid #d0d7de}
ul.items a{display:block;padding:.6rem .25rem;color:#0b3ea8;text-decoration:none}
.meta{color:#59636e;font-size:.875rem}
ol{margin:.25rem 0;padding-left:1.5rem}li{margin:.15rem 0}
.terms{display:inline-block;font-size:.85rem;padding:0 .4rem;border-radius:4px;background:#eef2ff;color:#1e3a8a}
.required .terms{background:#fee2e2;color:#991b1b}
.note{display:block;color:#59636e;font-size:.875rem}
p{margin:.25rem 0}footer{max-width:46rem;margin:1.5rem auto;padding:0 1rem 2rem;color:#59636e;font-size:.8rem}
@media print{@page{size:A4;margin:12mm 14mm}
body{font-size:9.5pt;line-height:1.4}header,form,.screen{display:none}
main{max-width:none;padding:0}h1{font-size:15pt;text-align:center;margin:0}h1+.meta{text-align:center;margin-bottom:.3rem}
section{display:grid;grid-template-columns:7.5em 1fr;column-gap:.8em;border-top:1px solid #8c959f;padding:.2rem 0;break-inside:avoid}
section:last-of-type{border-bottom:1px solid #8c959f}
h2{font-size:9.5pt;margin:0;border:0;padding:0}p{margin:0}ol{margin:0;padding-left:1.3em}li{margin:0}
a{color:inherit;text-decoration:none}.terms{background:none;color:inherit;padding:0}.required .terms{background:none;color:inherit}
footer{margin:.5rem 0 0;padding:0}}`;

/**
 * Sent with every answer of /guide (page or JSON). Public and the same for everyone, so a cache may
 * keep it briefly — per Accept, since one address answers a page or JSON. Nothing runs, nothing
 * but the center's own font and this stylesheet loads, no look-alike site can frame it, and its
 * search form posts only back to the center.
 */
export const guideHeaders: Readonly<Record<string, string>> = {
  ...publicPageHeaders(style, { fonts: true, posts: true }),
  'cache-control': 'public, max-age=60',
  vary: 'Accept',
};

function page(title: string, centerName: string, main: string, footer: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${guideFontsPath}">
<style>${style}</style></head>
<body><header><a href="./">${escapeHtml(centerName)} · 办事指南</a></header>
<main>${main}</main>
<footer>${footer}</footer></body></html>
`;
}

const versionLine = (version: number) =>
  `<p data-testid="catalog-version">事项目录第${version}版（与本中心各窗口使用的目录相同）。内容以本中心最新公布为准。</p>`;

const searchForm = (query: string) =>
  `<form method="get" action="./" role="search"><input type="search" name="q" value="${escapeHtml(query)}" maxlength="${guideQueryLimit}" aria-label="搜索事项" placeholder="事项名称、拼音首字母或常用叫法"><button type="submit">搜索</button></form>`;

function entries(items: readonly GuideEntry[], departmentNames: ReadonlyMap<string, string>) {
  const rows = items.map((i) => {
    const alias = i.matchedAlias ? ` · 又称${escapeHtml(i.matchedAlias)}` : '';
    const department = escapeHtml(departmentNames.get(i.departmentCode) ?? i.departmentCode);
    return `<li><a href="${encodeURIComponent(i.code)}" data-testid="guide-entry">${escapeHtml(i.name)}<span class="meta"> · ${department}${alias}</span></a></li>`;
  });
  return `<ul class="items">${rows.join('')}</ul>`;
}

export function guideListPage(list: GuideList): string {
  const names = new Map(list.departments.map((d) => [d.code, d.name]));
  let body: string;
  if (list.results !== null) {
    const found =
      list.results.length === 0
        ? `<p>没有找到与“${escapeHtml(list.query ?? '')}”相符的事项。可换用事项名称中的字词、拼音首字母（如 spjy）或常用叫法。</p>`
        : entries(list.results, names);
    body = `<h2>搜索“${escapeHtml(list.query ?? '')}”：${list.results.length}项</h2>${found}<p><a href="./">查看全部事项</a></p>`;
  } else {
    const events = list.lifeEvents
      .map((e) => `<h3>${escapeHtml(e.name)}</h3>${entries(e.items, names)}`)
      .join('');
    const departments = list.departments
      .map((d) => `<h3>${escapeHtml(d.name)}</h3>${entries(d.items, names)}`)
      .join('');
    body = `${events ? `<h2>按主题</h2>${events}` : ''}<h2>按部门</h2>${departments}`;
  }
  return page(
    `办事指南 · ${list.centerName}`,
    list.centerName,
    `<h1>办事指南</h1><p class="meta">办事前请先查看所需材料和办理时限，备齐材料一次办成。</p>${searchForm(list.query ?? '')}${body}`,
    versionLine(list.catalogVersion),
  );
}

const lines = (items: readonly string[]) =>
  `<ol>${items.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ol>`;
const text = (value: string) => `<p>${escapeHtml(value)}</p>`;

export function guideItemPage(guide: GuideItem): string {
  const { item, words } = guide;
  const materials = item.materials.map((m, i) => {
    const note = m.note ? `<span class="note">${escapeHtml(m.note)}</span>` : '';
    const terms = words.materials[i]?.terms ?? '';
    return `<li class="${m.required ? 'required' : 'conditional'}" data-testid="guide-material"><span data-part="name">${escapeHtml(m.name)}</span> <span class="terms" data-part="terms">${escapeHtml(terms)}</span>${note}</li>`;
  });
  const sections: [string, string][] = [
    ['设定依据', lines(item.legalBasis)],
    ['申请条件', lines(item.conditions)],
    ['数量限制', text(item.quantityLimit)],
    ['申请材料', `<ol data-testid="guide-materials">${materials.join('')}</ol>`],
    ['申请书示范文本', text(item.sampleForm)],
    ['办理流程', lines(item.procedure)],
    ['办理时限', `<p data-testid="guide-limit">${escapeHtml(words.timeLimit)}</p>`],
    ['有效期限', text(words.validity)],
    ['收费标准', text(item.fee.standard)],
    ['收费依据', text(item.fee.basis)],
    ...(item.certificate
      ? ([['办理结果', text(`准予许可的，核发${item.certificate}`)]] as [string, string][])
      : []),
    ['办理部门', text(guide.department.name)],
    [
      '咨询方式',
      `<p>咨询电话：<a href="tel:${escapeHtml(item.contact.phone)}">${escapeHtml(item.contact.phone)}</a></p><p>办理地点：${escapeHtml(item.contact.address)}</p>`,
    ],
  ];
  return page(
    `${item.name} · 办事指南`,
    guide.centerName,
    `<p class="screen"><a href="./">‹ 全部事项</a></p><h1>${escapeHtml(item.name)}</h1><p class="meta">事项编码 ${escapeHtml(item.code)} · ${escapeHtml(guide.department.name)}</p>${sections.map(([title, body]) => `<section><h2>${title}</h2><div>${body}</div></section>`).join('')}`,
    `${versionLine(guide.catalogVersion)}<p>${escapeHtml(guide.centerName)}</p>`,
  );
}

/** A code that names no item of the catalog: said plainly, with the way back to the list. */
export function guideNotFoundPage(code: string, centerName: string, version: number): string {
  return page(
    `未找到事项 · 办事指南`,
    centerName,
    `<h1>未找到该事项</h1><p>事项编码“${escapeHtml(code)}”不在本中心的事项目录中，可能已调整或输入有误。</p>${searchForm('')}<p><a href="./">查看全部事项</a></p>`,
    versionLine(version),
  );
}
