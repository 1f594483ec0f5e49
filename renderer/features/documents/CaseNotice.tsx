import type { ReactNode } from 'react';
import type { Applicant, LicenceValidity } from '../../../shared/case';
import { appealNoticeText } from '../../../shared/case';
import { noticePageWords, type CaseDocument } from '../../../shared/documents';
import { A4Document, SealBlock, VerificationNote } from './A4Document';
import { limitText } from '../../../shared/catalog';
import {
  cnDate,
  cnDateTime,
  cnLastDay,
  deliveryMethodLabels,
  documentSubtitle,
  documentTitle,
  formLabels,
  procedureLabels,
} from './labels';

type Doc<K extends CaseDocument['kind']> = Extract<CaseDocument, { kind: K }>;

function idOf(a: Applicant): { label: string; value: string } {
  return a.kind === 'person'
    ? { label: '身份证号码', value: a.idNumber }
    : { label: '统一社会信用代码', value: a.uscc };
}

/** Who the notice is for and what they applied for: the same rows on every notice. */
function CaseTable({
  doc,
  extra,
  contact = true,
}: {
  doc: CaseDocument;
  extra?: [string, string][];
  /** a decision names the applicant, not how to reach them */
  contact?: boolean;
}) {
  const id = idOf(doc.applicant);
  const rows: [string, string][] = [
    ['申请人', doc.applicant.name],
    [id.label, id.value],
    ...(doc.applicant.kind === 'organisation'
      ? ([
          ['法定代表人', doc.applicant.legalRepresentative],
          ...(contact ? [['联系人', doc.applicant.contact]] : []),
        ] as [string, string][])
      : []),
    ...(contact ? ([['联系电话', doc.applicant.mobile]] as [string, string][]) : []),
    ['申请事项', `${doc.itemName}（${doc.itemCode}）`],
    ['收件时间', cnDateTime(doc.receivedAt)],
    ...(extra ?? []),
  ];
  // two facts a row: the notice keeps to one sheet with room for the seal
  const pairs: [string, string][][] = [];
  for (let i = 0; i < rows.length; i += 2) pairs.push(rows.slice(i, i + 2));
  return (
    <table className="a4-table">
      <tbody>
        {pairs.map((pair) => (
          <tr key={pair[0]![0]}>
            {pair.map(([k, v], i) => (
              <Cell key={k} label={k} value={v} wide={pair.length === 1 && i === 0} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Cell({ label, value, wide }: { label: string; value: string; wide: boolean }) {
  return (
    <>
      <th style={{ width: '25mm' }}>{label}</th>
      <td colSpan={wide ? 3 : 1}>{value}</td>
    </>
  );
}

function Salutation({ doc }: { doc: CaseDocument }) {
  return <p>{doc.applicant.name}：</p>;
}

function Acceptance({ doc }: { doc: Doc<'acceptance'> }) {
  return (
    <>
      <Salutation doc={doc} />
      <p className="a4-indent">
        你（单位）于{cnDate(doc.receivedAt)}提出的{doc.itemName}申请，
        {doc.deemedAcceptedOn
          ? // Art. 32(4) in its own words; the day stands above and as 受理时间 in the table
            '本机关逾期未告知需要补正的内容，依照《中华人民共和国行政许可法》第三十二条第一款第（四）项，自收到申请材料之日起即为受理。'
          : doc.waived.length > 0
            ? `经审查，申请材料基本齐全、符合法定形式，下列材料依据本中心容缺受理规定暂缺，本机关决定予以受理，请于办结前补齐。`
            : '经审查，申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，本机关决定予以受理。'}
      </p>
      <CaseTable
        doc={doc}
        extra={[
          [
            '受理时间',
            doc.deemedAcceptedOn
              ? `${cnDate(doc.deemedAcceptedOn)}（视为受理）`
              : cnDateTime(doc.acceptedAt),
          ],
          ['承诺办结期限', promisedRow(doc)],
          [
            '法定办结期限',
            doc.statutoryPassed
              ? `${cnDate(doc.statutoryDate)}（已届满）`
              : cnLastDay(doc.statutoryDate),
          ],
        ]}
      />
      <h3>已收取的申请材料</h3>
      <table className="a4-table">
        <thead>
          <tr>
            <th className="a4-num">序号</th>
            <th>材料名称</th>
            <th style={{ width: '26mm' }}>原件/复印件</th>
            <th style={{ width: '14mm' }}>份数</th>
          </tr>
        </thead>
        <tbody>
          {doc.materials.map((m, i) => (
            <tr key={m.name}>
              <td className="a4-num">{i + 1}</td>
              <td>{m.name}</td>
              <td>{formLabels[m.form]}</td>
              <td>{m.count}</td>
            </tr>
          ))}
          {/* a deemed acceptance of papers the window never checked: nothing is listed as
              received, and the sheet says why rather than print an empty table */}
          {doc.materials.length === 0 && (
            <tr>
              <td colSpan={4}>窗口未登记核验结果，以申请人提交的申请材料为准。</td>
            </tr>
          )}
        </tbody>
      </table>
      {doc.waived.length > 0 && (
        <>
          <h3>容缺受理的材料（须在办结前补齐）</h3>
          <table className="a4-table">
            <tbody>
              {doc.waived.map((w) => (
                <tr key={w.name}>
                  <td>{w.name}</td>
                  <td>依据：{w.rule}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {/* the dates stand in the table above; two lines here keep the notice to one sheet */}
      <p className="a4-indent">
        <AcceptancePromise doc={doc} />
        法定办结期限为{limitText(doc.statutory.days, doc.statutory.unit)}
        {doc.statutoryPassed ? `，已于${cnDate(doc.statutoryDate)}届满` : ''}
        。依法需要听证、检验、检测、鉴定、专家评审等的，所需时间不计算在上述期限内，届时另行书面告知。
      </p>
      {doc.provisional && <ProvisionalNote />}
    </>
  );
}

/** A date in a year whose State Council table is not out yet is provisional: the paper says so. */
function ProvisionalNote() {
  return (
    <p className="a4-indent">
      注：上述日期所在年度的国务院节假日安排尚未公布，日期按现行规定暂定，公布后如有变动将另行书面告知。
    </p>
  );
}

/** The promised limit in the table: a 0-day item is decided on the spot, a past day said so. */
function promisedRow(doc: Doc<'acceptance'>): string {
  if (doc.promisedPassed) return `${cnDate(doc.promisedDate)}（已届满）`;
  return doc.promisedDays === 0 ? '当场办结' : cnLastDay(doc.promisedDate);
}

/**
 * When the decision comes. A notice issued after the promised day (a deemed acceptance found
 * late) must not promise that day as if it were still to come: it says the limit has passed and
 * that the decision follows at once — or, when the decision was sealed before the notice, when.
 */
function AcceptancePromise({ doc }: { doc: Doc<'acceptance'> }) {
  if (doc.decidedOn)
    return (
      <>
        本机关已于<span className="a4-strong">{cnDate(doc.decidedOn)}</span>
        作出决定，决定书另行送达，
      </>
    );
  if (doc.promisedPassed)
    return (
      <>
        承诺办结期限已届满，本机关将
        <span className="a4-strong">立即作出决定</span>，
      </>
    );
  if (doc.promisedDays === 0)
    return (
      <>
        本事项为即办事项，本机关将<span className="a4-strong">当场办结</span>，
      </>
    );
  return (
    <>
      本机关承诺于<span className="a4-strong">{cnLastDay(doc.promisedDate)}</span>作出决定，
    </>
  );
}

const refusalGround: Record<Doc<'refusal'>['ground'], string> = {
  noLicenceNeeded:
    '根据《中华人民共和国行政许可法》第三十二条第一款第（一）项，申请事项依法不需要取得行政许可',
  notThisAgency:
    '根据《中华人民共和国行政许可法》第三十二条第一款第（二）项，申请事项依法不属于本机关职权范围',
  // only on reprints of refusals stored before `refusal.ground` refused this catch-all
  other: '经审查，申请不符合受理条件',
};

function Refusal({ doc }: { doc: Doc<'refusal'> }) {
  return (
    <>
      <Salutation doc={doc} />
      <p className="a4-indent">
        你（单位）于{cnDate(doc.receivedAt)}提出的{doc.itemName}申请，{refusalGround[doc.ground]}
        ，本机关决定不予受理。
      </p>
      <CaseTable doc={doc} />
      <h3>不予受理的理由</h3>
      <p className="a4-indent">{doc.reasons}</p>
      <h3>法律依据</h3>
      <p className="a4-indent">{doc.legalBasis}</p>
      {doc.rightAgency && (
        <p className="a4-indent">
          请向<span className="a4-strong">{doc.rightAgency}</span>提出申请。
        </p>
      )}
      {/* as recorded, naming the 复议机关 and court; refusals recorded before: the old wording */}
      <p className="a4-indent">{doc.appealText ?? appealNoticeText(doc.departmentName)}</p>
    </>
  );
}

function OneTimeNotice({ doc }: { doc: Doc<'notice'> }) {
  return (
    <>
      <Salutation doc={doc} />
      <p className="a4-indent">
        你（单位）于{cnDate(doc.receivedAt)}提出的{doc.itemName}
        申请，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现将需要补正的全部内容一次性告知如下：
      </p>
      <table className="a4-table">
        <thead>
          <tr>
            <th className="a4-num">序号</th>
            {/* the detail is the longer text: give it the room, the name wraps */}
            <th style={{ width: '34%' }}>材料名称</th>
            <th style={{ width: '13mm' }}>问题</th>
            <th>需要补正的内容</th>
          </tr>
        </thead>
        <tbody>
          {doc.items.map((item, i) => (
            <tr key={item.name}>
              <td className="a4-num">{i + 1}</td>
              <td>{item.name}</td>
              <td>{item.problem === 'missing' ? '缺少' : '有误'}</td>
              <td>
                {item.detail}
                {/* the page is named, never printed: the applicant has the paper in hand */}
                {item.page && `（见所附${noticePageWords(item.page)}）`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="a4-indent">
        {doc.returnBy ? (
          <>
            建议于<span className="a4-strong">{cnLastDay(doc.returnBy)}</span>
            携带上述材料到本窗口补正。
          </>
        ) : (
          <>请补齐上述材料后到本窗口补正。</>
        )}
        补正的材料齐全、符合法定形式的，本机关将予以受理。以上为需要补正的全部内容，本机关不再要求补正其他材料。
      </p>
      {/* the law sets the applicant no deadline (DOMAIN.md): the date must not read as one */}
      {doc.returnBy && (
        <p className="a4-indent" data-testid="return-by-meaning">
          上述日期为本机关建议的补正日期，不是法定期限。在此日期之后补正的，本机关同样予以办理，不影响您的申请。
        </p>
      )}
      <CaseTable doc={doc} />
    </>
  );
}

function Pause({ doc }: { doc: Doc<'pause'> }) {
  const procedure = procedureLabels[doc.procedure];
  return (
    <>
      <Salutation doc={doc} />
      <p className="a4-indent">
        你（单位）申请的{doc.itemName}（办件编号 {doc.caseNumber}
        ），依法需要进行{procedure}。
        {/* Art. 45 lists hearing, bidding, auction, inspection, testing, quarantine, appraisal
            and expert review; publication is not counted by the center's rules, not by Art. 45 */}
        {!doc.publication
          ? `根据《中华人民共和国行政许可法》第四十五条的规定，${procedure}所需时间不计算在行政许可期限内，现书面告知如下：`
          : doc.publication.pausesStatutory
            ? `依照${doc.publication.basis ?? '本事项的法律规定'}，${procedure}期间不计算在办理期限内，现书面告知如下：`
            : `${procedure}期间暂停计算本中心承诺的办理期限。${procedure}不属于《中华人民共和国行政许可法》第四十五条规定的不计算在期限内的情形，法定办结期限不因${procedure}延长，仍为${cnLastDay(doc.statutoryDate)}。现书面告知如下：`}
      </p>
      <CaseTable
        doc={doc}
        extra={[
          ['特别程序', procedure],
          ['开始时间', cnDateTime(doc.from)],
          ['预计所需时间', `${doc.expectedWorkingDays}个工作日`],
          ['告知书文号', doc.noticeRef],
        ]}
      />
      <p className="a4-indent">
        {procedure}结束后，
        {doc.publication && !doc.publication.pausesStatutory ? '承诺办理期限' : '办理期限'}
        继续计算，本机关将及时告知结果。本告知已报政务服务中心备案。
      </p>
      {doc.provisional && <ProvisionalNote />}
    </>
  );
}

/**
 * Art. 42 and the item's own law: its own limit, article and approver — 食品经营许可 is 10 working
 * days +5 under its own regulation, a joint item 45 +15 approved by the government's head.
 */
function Extension({ doc }: { doc: Doc<'extension'> }) {
  const extended = limitText(doc.days, doc.limit.unit);
  return (
    <>
      <Salutation doc={doc} />
      <p className="a4-indent">
        你（单位）申请的{doc.itemName}（办件编号 {doc.caseNumber}
        ），因{doc.reason}，在法定的{limitText(doc.limit.days, doc.limit.unit)}内不能
        {doc.joint ? '办结' : '作出决定'}。经{doc.approverTitle}批准，根据{doc.extensionBasis}
        的规定，办理期限延长<span className="a4-strong">{extended}</span>
        ，本机关将于<span className="a4-strong">{cnLastDay(doc.newStatutoryDate)}</span>
        作出决定。
      </p>
      <CaseTable
        doc={doc}
        extra={[
          ['延长期限', extended],
          ['批准人', `${doc.approver}（${doc.approverTitle}）`],
          ['延期依据', doc.extensionBasis],
          ['延期后办结期限', cnLastDay(doc.newStatutoryDate)],
        ]}
      />
      <p className="a4-indent">特此告知。</p>
      {doc.provisional && <ProvisionalNote />}
    </>
  );
}

/**
 * Who handled it at the window: the left of the sign block on the notices the window issues. An
 * acceptance, refusal or one-time notice carries the 受理专用章 (Art. 32): drawn where the
 * department prints it, a place marked for it where the hall stamps by hand.
 */
function WindowSign({ doc }: { doc: CaseDocument }) {
  const intake = doc.intakeSeal;
  return (
    <SealBlock
      departmentName={doc.departmentName}
      date={doc.issuedAt}
      {...(intake?.mode === 'printed' ? { seal: intake.seal } : {})}
      {...(intake?.mode === 'byHand' ? { stampPlace: '（受理专用章）' } : {})}
      left={
        <>
          <div>
            经办人：{doc.clerkName}　办理窗口：{doc.windowName}
          </div>
          <div>出具时间：{cnDateTime(doc.issuedAt)}</div>
        </>
      }
    />
  );
}

/** A label and its value a row: the facts of a decision that are too long to pair. */
function Rows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <table className="a4-table">
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th style={{ width: '25mm' }}>{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * 有效期至 as decision and certificate print it. 长期 only where the item's law makes the
 * licence permanent: a blank field was once printed 长期, a permanent licence on paper.
 */
function validity(v: LicenceValidity | null): string {
  switch (v?.kind) {
    case 'until':
      return cnDate(v.date);
    case 'permanent':
      return '长期';
    default:
      // a reprint of an approval recorded before the validity was required
      return '（决定未载明）';
  }
}

const numerals = ['一', '二', '三', '四'];

/** The headed sections of a denial, in order; a section the decision left empty is not printed. */
function denial(doc: Doc<'decision'>): [string, string][] {
  const sections: [string, string | null][] = [
    ['经审查认定的事实', doc.facts],
    ['不予许可的理由', doc.reasons],
    ['法律依据', doc.legalBasis],
    ['申请人的权利', doc.appealText ?? appealNoticeText(doc.departmentName)],
  ];
  return sections.filter((s): s is [string, string] => s[1] !== null && s[1].trim() !== '');
}

/**
 * When the application was accepted: by law (Art. 32(4)) the day of receipt when no notice came
 * within 5 working days, whatever day the clerk recorded 受理 — the acceptance notice said so too.
 */
function DecisionAccepted({ doc }: { doc: Doc<'decision'> }) {
  if (doc.deemedAccepted && doc.acceptedAt)
    return (
      <>
        本机关逾期未告知需要补正的内容，依照《中华人民共和国行政许可法》第三十二条第一款第（四）项，自收到申请材料之日（
        {cnDate(doc.acceptedAt)}）起视为受理。
      </>
    );
  return <>本机关{doc.acceptedAt ? `于${cnDate(doc.acceptedAt)}` : '已'}依法受理。</>;
}

/**
 * Art. 38: the decision, sealed by the department; its chief (首席代表) decided it. It carries one
 * date, the seal's (成文日期): the clocks stop there and the delivery clock starts there.
 */
function Decision({ doc }: { doc: Doc<'decision'> }) {
  const approve = doc.outcome === 'approve';
  return (
    <>
      <Salutation doc={doc} />
      {doc.correction && (
        <p className="a4-indent">
          本决定更正本机关已作出的决定（原决定书文号：
          <span className="a4-strong">{doc.correction.correctsNumber}</span>
          ），更正理由：{doc.correction.reason}。原决定书的内容以本决定为准。
        </p>
      )}
      <p className="a4-indent">
        你（单位）于{cnDate(doc.receivedAt)}提出的{doc.itemName}申请，
        <DecisionAccepted doc={doc} />
        {approve
          ? '经审查，申请符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，决定准予行政许可。'
          : '经审查，申请不符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第二款的规定，决定不予行政许可。现将有关事项告知如下：'}
      </p>
      <CaseTable doc={doc} contact={false} extra={[['决定书文号', doc.decisionNumber]]} />
      {approve ? (
        <>
          <Rows
            rows={[
              ['许可内容', doc.granted ?? '—'],
              ['有效期至', validity(doc.validity)],
              ['许可条件', doc.conditions ?? '无'],
              ['证照名称', doc.certificateName ?? '—'],
            ]}
          />
        </>
      ) : (
        <>
          {/* Art. 38(2): the facts, the reasons and the law, then both rights with their time
              limits, word for word */}
          {denial(doc).map(([head, body], i) => (
            <p key={head} className="a4-indent">
              <span className="a4-strong">
                {numerals[i]}、{head}：
              </span>
              <span className={head === '申请人的权利' ? 'a4-strong' : undefined}>{body}</span>
            </p>
          ))}
        </>
      )}
      {doc.departmentRef && (
        <p className="a4-indent">
          本决定经{doc.departmentName}审批（批复文号：{doc.departmentRef}）。
        </p>
      )}
      <p className="a4-indent">特此决定。</p>
      <SealBlock
        departmentName={doc.departmentName}
        date={doc.sealedAt}
        seal={doc.seal}
        left={
          <>
            <div>首席代表：{doc.decidedBy}</div>
            <div>
              经办人：{doc.clerkName}　办理窗口：{doc.windowName}
            </div>
          </>
        }
      />
    </>
  );
}

/** The certificate (证照) the approval issues, on the same sheet, sealed by the department. */
function Certificate({ doc }: { doc: Doc<'certificate'> }) {
  const id = idOf(doc.applicant);
  const rows: [string, ReactNode][] = [
    ['持证人', doc.applicant.name],
    [id.label, id.value],
    ...(doc.applicant.kind === 'organisation'
      ? ([['法定代表人', doc.applicant.legalRepresentative]] as [string, string][])
      : []),
    ['许可事项', doc.itemName],
    ['许可内容', doc.granted],
    ['许可条件', doc.conditions ?? '无'],
    ['有效期至', validity(doc.validity)],
    ['依据决定书', doc.decisionNumber],
  ];
  return (
    <>
      <div className="a4-cert-number">
        证照编号：<span className="a4-strong">{doc.certificateNumber}</span>
      </div>
      <table className="a4-table a4-cert-table">
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th>{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="a4-indent">
        本证照依据{doc.departmentName}
        作出的行政许可决定核发，持证人应当在许可范围和有效期内从事许可活动，并遵守许可条件。
      </p>
      <SealBlock
        departmentName={doc.departmentName}
        date={doc.issuedAt}
        seal={doc.seal}
        left={<div>发证机关：{doc.departmentName}</div>}
      />
    </>
  );
}

/** 送达回证: the ruled form the recipient signs when the decision (and certificate) is handed over. */
function Delivery({ doc }: { doc: Doc<'delivery'> }) {
  return (
    <table className="a4-table a4-delivery">
      <tbody>
        <tr>
          <th>送达机关</th>
          <td colSpan={3}>{doc.departmentName}</td>
        </tr>
        <tr>
          <th>申请事项</th>
          <td colSpan={3}>
            {doc.itemName}（{doc.itemCode}）
          </td>
        </tr>
        <tr>
          <th>送达文书</th>
          <td colSpan={3}>
            {doc.delivered.map((d, i) => (
              <div key={`${d.title}-${d.number}`}>
                {doc.delivered.length > 1 ? `${i + 1}. ` : ''}《{d.title}》（{d.number}）
              </div>
            ))}
          </td>
        </tr>
        <tr>
          <th>受送达人</th>
          <td colSpan={3}>{doc.recipient}</td>
        </tr>
        <tr>
          <th>送达地点</th>
          <td colSpan={3}>{doc.place}</td>
        </tr>
        <tr>
          <th>送达方式</th>
          <td>{deliveryMethodLabels[doc.method]}</td>
          <th>送达时间</th>
          <td>{cnDateTime(doc.deliveredAt)}</td>
        </tr>
        {doc.receiptRef && (
          <tr>
            <th>回执编号</th>
            <td colSpan={3}>{doc.receiptRef}</td>
          </tr>
        )}
        <tr>
          <th>受送达人签名</th>
          <td colSpan={3}>
            <SignatureBox />
          </td>
        </tr>
        <tr>
          <th>送达人</th>
          <td colSpan={3}>
            <SignatureBox name={doc.deliveredBy} />
          </td>
        </tr>
        <tr>
          <th>备注</th>
          <td colSpan={3} className="a4-delivery-note" />
        </tr>
      </tbody>
    </table>
  );
}

/** Room for a hand signature, with the date to write beside it. */
function SignatureBox({ name }: { name?: string }) {
  return (
    <div className="a4-signature">
      {name && <div>{name}</div>}
      <div className="a4-signature-date">年　　月　　日</div>
    </div>
  );
}

function Body({ doc }: { doc: CaseDocument }) {
  switch (doc.kind) {
    case 'acceptance':
      return <Acceptance doc={doc} />;
    case 'refusal':
      return <Refusal doc={doc} />;
    case 'notice':
      return <OneTimeNotice doc={doc} />;
    case 'pause':
      return <Pause doc={doc} />;
    case 'extension':
      return <Extension doc={doc} />;
    case 'decision':
      return <Decision doc={doc} />;
    case 'certificate':
      return <Certificate doc={doc} />;
    case 'delivery':
      return <Delivery doc={doc} />;
  }
}

/** Any document a case event issued, laid out on the one A4 sheet. */
export function CaseNotice({ doc }: { doc: CaseDocument }) {
  const subtitle = documentSubtitle(doc);
  // decisions and certificates carry the seal in their own sign block; the receipt is signed
  const windowSigned =
    doc.kind !== 'decision' && doc.kind !== 'certificate' && doc.kind !== 'delivery';
  return (
    <A4Document
      centerName={doc.centerName}
      title={documentTitle(doc)}
      {...(subtitle ? { subtitle } : {})}
      reference={`编号：${doc.caseNumber}`}
      verificationCode={doc.verificationCode}
      verificationUrl={doc.verificationUrl}
      variant={doc.kind === 'certificate' ? 'certificate' : 'notice'}
    >
      <Body doc={doc} />
      {windowSigned && <WindowSign doc={doc} />}
      {doc.kind === 'notice' && (
        <div className="a4-receipt">
          申请人（或代理人）签收：＿＿＿＿＿＿＿＿　　签收日期：＿＿＿＿年＿＿月＿＿日
        </div>
      )}
      <VerificationNote code={doc.verificationCode} caseNumber={doc.caseNumber} />
    </A4Document>
  );
}
