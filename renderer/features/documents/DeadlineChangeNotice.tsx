import type { CaseDocument } from '../../../shared/documents';
import { A4Document, SealBlock, VerificationNote } from './A4Document';
import { cnDate, cnDateTime, documentTitle } from './labels';

type Doc = Extract<CaseDocument, { kind: 'deadlineChange' }>;

/**
 * 期限变更告知书 (issue 14 point 12): the State Council's table (or a closure of the center) changed
 * the working days after the case's notices were printed. Each clock's earlier date and the new
 * one side by side, so the applicant can hold both papers against each other.
 */
export function DeadlineChangeNotice({ doc }: { doc: Doc }) {
  return (
    <A4Document
      centerName={doc.centerName}
      title={documentTitle(doc)}
      reference={`编号：${doc.caseNumber}`}
      verificationCode={doc.verificationCode}
      verificationUrl={doc.verificationUrl}
    >
      <p>{doc.applicant.name}：</p>
      <p className="a4-indent">
        你（单位）于{cnDate(doc.receivedAt)}提出的{doc.itemName}申请（办件编号 {doc.caseNumber}
        ），因国务院办公厅公布的节假日安排（或本中心闭馆安排）调整了工作日，此前告知的下列期限相应变更。期限均含截止当日；其余事项不变。
      </p>
      <table className="a4-table" data-testid="deadline-changes">
        <thead>
          <tr>
            <th>期限</th>
            <th>原告知日期</th>
            <th>变更后日期</th>
          </tr>
        </thead>
        <tbody>
          {doc.changes.map((c) => (
            <tr key={c.clock}>
              <td>{c.label}</td>
              <td>{cnDate(c.from)}（含当日）</td>
              <td className="a4-strong">{cnDate(c.to)}（含当日）</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="a4-indent">特此告知。</p>
      <SealBlock
        departmentName={doc.departmentName}
        date={doc.issuedAt}
        left={`${doc.windowName} 经办人 ${doc.clerkName}，${cnDateTime(doc.issuedAt)} 出具`}
      />
      <VerificationNote code={doc.verificationCode} caseNumber={doc.caseNumber} />
    </A4Document>
  );
}
