import { materialWords, timeLimitWords, type ServiceItem } from '../../../shared/catalog';
import { A4Document, SealBlock } from './A4Document';

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 办事指南: the item's 七公开 on the same A4 sheet the notices use; no case yet, so the item code. */
export function ServiceGuide({
  item,
  centerName,
  departmentName,
  date,
}: {
  item: ServiceItem;
  centerName: string;
  departmentName: string;
  date: string;
}) {
  const sections: { title: string; body: React.ReactNode }[] = [
    { title: '设定依据', body: <List lines={item.legalBasis} /> },
    { title: '申请条件', body: <List lines={item.conditions} /> },
    // Art. 30: the quantity limit and the sample application form are public too
    { title: '数量限制', body: <p className="a4-indent">{item.quantityLimit}</p> },
    {
      title: '申请材料',
      body: (
        <table className="a4-table">
          <thead>
            <tr>
              <th className="a4-num">序号</th>
              <th>材料名称</th>
              <th style={{ width: '16mm' }}>是否必需</th>
              <th style={{ width: '24mm' }}>原件/复印件</th>
              <th style={{ width: '12mm' }}>份数</th>
              <th>说明</th>
            </tr>
          </thead>
          <tbody>
            {item.materials.map((m, i) => {
              const words = materialWords(m);
              return (
                <tr key={m.id}>
                  <td className="a4-num">{i + 1}</td>
                  <td>{m.name}</td>
                  <td>{words.requirement}</td>
                  <td>{words.form}</td>
                  <td>{words.count}</td>
                  <td>{m.note ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ),
    },
    { title: '申请书示范文本', body: <p className="a4-indent">{item.sampleForm}</p> },
    { title: '办理流程', body: <List lines={item.procedure} numbered /> },
    { title: '办理时限', body: <p className="a4-indent">{timeLimitWords(item)}</p> },
    { title: '收费标准', body: <p className="a4-indent">{item.fee.standard}</p> },
    { title: '收费依据', body: <p className="a4-indent">{item.fee.basis}</p> },
    {
      title: '咨询方式',
      body: (
        <p className="a4-indent">
          咨询电话：{item.contact.phone}　办理地点：{item.contact.address}
        </p>
      ),
    },
  ];
  const materialsAt = sections.findIndex((s) => s.title === '申请材料');
  return (
    <A4Document
      centerName={centerName}
      title="办事指南"
      variant="guide"
      subtitle={item.name}
      reference={`事项编码：${item.code}`}
    >
      {sections.slice(0, materialsAt + 1).map((s, i) => (
        <GuideSection key={s.title} n={i} title={s.title} body={s.body} />
      ))}
      {/* the short sections after the materials table side by side: the guide keeps to one sheet */}
      <div className="a4-guide-columns">
        {sections.slice(materialsAt + 1).map((s, i) => (
          <GuideSection key={s.title} n={materialsAt + 1 + i} title={s.title} body={s.body} />
        ))}
        {item.certificate && (
          <p className="a4-indent">办理结果：准予许可的，核发{item.certificate}。</p>
        )}
        <SealBlock
          departmentName={departmentName}
          date={date}
          left={<div>本指南依据本中心公布的事项目录打印，内容以最新公布为准。</div>}
        />
      </div>
    </A4Document>
  );
}

function GuideSection({ n, title, body }: { n: number; title: string; body: React.ReactNode }) {
  return (
    <section>
      <h3>
        {numerals[n]}、{title}
      </h3>
      {body}
    </section>
  );
}

function List({ lines, numbered }: { lines: readonly string[]; numbered?: boolean }) {
  return (
    <>
      {lines.map((line, i) => (
        <p key={line} className="a4-indent">
          {numbered ? `${i + 1}. ` : lines.length > 1 ? `（${numerals[i] ?? i + 1}）` : ''}
          {line}
        </p>
      ))}
    </>
  );
}
