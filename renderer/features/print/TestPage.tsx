import { useSession } from '../../stores/session';
import { A4Document } from '../documents/A4Document';
import { Desk } from '../documents/Desk';
import './test-page.css';

/** Today in Shanghai as '2026年12月5日 14:30', whatever zone the PC is set to. */
function shanghaiNow(): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date());
}

const sample =
  '行政服务中心一窗通：受理、一次性告知、法定时限、审批决定、送达。天地玄黄，宇宙洪荒；' +
  '永和九年，岁在癸丑，暮春之初。０１２３４５６７８９ ABCDEFG abcdefg 0123456789';

/**
 * A printer's test page: the sheet every notice uses, with what IT checks on paper — the
 * printer's name, a 100 mm ruler (scaling), Chinese in the embedded font, bold and small sizes.
 * Printed to the printer it names, one copy (main decides; electron/print/direct.ts).
 */
export function TestPage({ printer }: { printer: string }) {
  const session = useSession((s) => s.session);
  return (
    <Desk
      shows={`test/${printer}`}
      loaded
      pdfName={`打印测试页-${printer}`}
      request={{ testPage: printer }}
    >
      <A4Document
        centerName={session?.centerName ?? ''}
        title="打印测试页"
        reference={`打印机：${printer}`}
      >
        <table className="a4-table" data-testid="test-page-facts">
          <tbody>
            <tr>
              <th>行政服务中心</th>
              <td>{session?.centerName ?? ''}</td>
            </tr>
            <tr>
              <th>窗口</th>
              <td>{session?.window?.name ?? '—'}</td>
            </tr>
            <tr>
              <th>打印机</th>
              <td>{printer}</td>
            </tr>
            <tr>
              <th>打印时间</th>
              <td>{shanghaiNow()}</td>
            </tr>
          </tbody>
        </table>
        <h3>刻度尺</h3>
        <p>下方刻度尺应正好 100 毫米长；如不足或超出，请在打印机驱动中关闭“缩放以适合页面”。</p>
        <div className="test-ruler" data-testid="test-ruler" aria-label="100 毫米刻度尺">
          {Array.from({ length: 11 }, (_, cm) => (
            <span key={cm} className="test-ruler-cm" style={{ left: `${cm * 10}mm` }}>
              {cm * 10}
            </span>
          ))}
        </div>
        <h3>中文样张</h3>
        <p className="test-sample-large">{sample}</p>
        <p className="a4-strong">{sample}</p>
        <p className="test-sample-small">{sample}</p>
        <p className="a4-footnote">
          本页用于检查打印机：纸张为 A4、无缩放、中文字体完整、页边距上下 15 毫米、左右 18 毫米。
        </p>
      </A4Document>
    </Desk>
  );
}
