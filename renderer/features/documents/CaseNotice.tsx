import type { Applicant } from '../../../shared/case';
import { appealNoticeText } from '../../../shared/case';
import type { CaseDocument } from '../../../shared/documents';
import { A4Document, SealBlock, VerificationNote } from './A4Document';
import { cnDate, cnDateTime, documentTitles, formLabels, procedureLabels } from './labels';

type Doc<K extends CaseDocument['kind']> = Extract<CaseDocument, { kind: K }>;

function idOf(a: Applicant): { label: string; value: string } {
  return a.kind === 'person'
    ? { label: '身份证号码', value: a.idNumber }
    : { label: '统一社会信用代码', value: a.uscc };
}

/** Who the notice is for and what they applied for: the same rows on every notice. */
function CaseTable({ doc, extra }: { doc: CaseDocument; extra?: [string, string][] }) {
  const id = idOf(doc.applicant);
  const rows: [string, string][] = [
    ['申请人', doc.applicant.name],
    [id.label, id.value],
    ...(doc.applicant.kind === 'organisation'
      ? ([
          ['法定代表人', doc.applicant.legalRepresentative],
          ['联系人', doc.applicant.contact],
        ] as [string, string][])
      : []),
    ['联系电话', doc.applicant.mobile],
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
          ? `本机关未在五个工作日内一次告知需要补正的全部内容，根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，自收到申请材料之日（${cnDate(doc.deemedAcceptedOn)}）起即为受理。`
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
          ['承诺办结日期', `${cnDate(doc.promisedDate)}前`],
          ['法定办结期限', `${cnDate(doc.statutoryDate)}前`],
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
      <p className="a4-indent">
        本机关将在
        <span className="a4-strong">{cnDate(doc.promisedDate)}</span>
        前作出决定。依法需要听证、检验、检测、鉴定、专家评审等的，所需时间不计算在上述期限内，届时另行书面告知。
      </p>
      {doc.provisional && (
        <p className="a4-indent">
          注：上述日期所在年度的节假日安排尚未公布，暂按周一至周五计算，公布后如有变动将另行告知。
        </p>
      )}
    </>
  );
}

const refusalGround: Record<Doc<'refusal'>['ground'], string> = {
  noLicenceNeeded:
    '根据《中华人民共和国行政许可法》第三十二条第一款第（一）项，申请事项依法不需要取得行政许可',
  notThisAgency:
    '根据《中华人民共和国行政许可法》第三十二条第一款第（二）项，申请事项依法不属于本机关职权范围',
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
      <p className="a4-indent">{appealNoticeText(doc.departmentName)}</p>
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
            <th style={{ width: '48%' }}>材料名称</th>
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
              <td>{item.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="a4-indent">
        {doc.returnBy ? (
          <>
            请于<span className="a4-strong">{cnDate(doc.returnBy)}</span>
            前携带上述材料到本窗口补正。
          </>
        ) : (
          <>请补齐上述材料后到本窗口补正。</>
        )}
        补正的材料齐全、符合法定形式的，本机关将予以受理。以上为需要补正的全部内容，本机关不再要求补正其他材料。
      </p>
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
        {doc.procedure === 'publication'
          ? `依照有关规定，${procedure}期间不计算在办理期限内，现书面告知如下：`
          : `根据《中华人民共和国行政许可法》第四十五条的规定，${procedure}所需时间不计算在行政许可期限内，现书面告知如下：`}
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
        {procedure}结束后，办理期限继续计算，本机关将及时告知结果。本告知已报政务服务中心备案。
      </p>
    </>
  );
}

function Extension({ doc }: { doc: Doc<'extension'> }) {
  return (
    <>
      <Salutation doc={doc} />
      <p className="a4-indent">
        你（单位）申请的{doc.itemName}（办件编号 {doc.caseNumber}
        ），因{doc.reason}
        {doc.joint
          ? '，在四十五日内不能办结。经本级人民政府负责人批准，根据《中华人民共和国行政许可法》第四十二条第二款的规定，办理期限延长'
          : '，在二十日内不能作出决定。经本机关负责人批准，根据《中华人民共和国行政许可法》第四十二条第一款的规定，办理期限延长'}
        <span className="a4-strong">{doc.workingDays}个工作日</span>，延长后的法定办结期限为
        <span className="a4-strong">{cnDate(doc.newStatutoryDate)}</span>。
      </p>
      <CaseTable
        doc={doc}
        extra={[
          ['延长期限', `${doc.workingDays}个工作日`],
          ['批准人', doc.approver],
          ['延期后办结期限', `${cnDate(doc.newStatutoryDate)}前`],
        ]}
      />
      <p className="a4-indent">特此告知。</p>
    </>
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
  }
}

/** Any notice a case event issued, laid out on the one A4 sheet. */
export function CaseNotice({ doc }: { doc: CaseDocument }) {
  return (
    <A4Document
      centerName={doc.centerName}
      title={documentTitles[doc.kind]}
      {...(doc.kind === 'notice' ? { subtitle: '（一次性告知书）' } : {})}
      reference={`编号：${doc.caseNumber}`}
      verificationCode={doc.verificationCode}
      verificationUrl={doc.verificationUrl}
    >
      <Body doc={doc} />
      <SealBlock
        departmentName={doc.departmentName}
        date={doc.issuedAt}
        left={
          <>
            <div>
              经办人：{doc.clerkName}　办理窗口：{doc.windowName}
            </div>
            <div>出具时间：{cnDateTime(doc.issuedAt)}</div>
          </>
        }
      />
      {doc.kind === 'notice' && (
        <div className="a4-receipt">
          申请人（或代理人）签收：＿＿＿＿＿＿＿＿　　签收日期：＿＿＿＿年＿＿月＿＿日
        </div>
      )}
      <VerificationNote code={doc.verificationCode} caseNumber={doc.caseNumber} />
    </A4Document>
  );
}
