import QRCode from 'qrcode';
import { useCallback, useEffect, useState } from 'react';
import type { PublicTicket as Ticket } from '../../shared/center-api';
import { followUrl, hallCenter } from './center';
import { usePoll } from './usePoll';

// Issue 17: the ticket kiosk (取号机) — a touch screen by the hall's door. One touch on a
// department gives a ticket with its number, how many are before it and a QR code to follow
// the queue on a phone; it prints on the kiosk's 80 mm receipt printer (`print=auto` for a kiosk
// whose browser prints silently, e.g. Chrome's --kiosk-printing).

/** The ticket stays on screen this long, then the kiosk is ready for the next applicant. */
const showTicketMs = 30_000;

function TicketCard({ ticket, centerName }: { ticket: Ticket; centerName: string }) {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toDataURL(followUrl(ticket.id), { margin: 0, width: 220 }).then(setQr);
  }, [ticket.id]);
  return (
    <section className="ticket" aria-label="号票">
      <p className="ticket-center">{centerName}</p>
      <p className="ticket-department">{ticket.departmentName}</p>
      <p className="ticket-number" data-testid="ticket-number">
        {ticket.number}
      </p>
      <p className="ticket-ahead">
        前面还有 <b data-testid="ticket-ahead">{ticket.ahead ?? 0}</b> 人
      </p>
      {qr && <img className="ticket-qr" src={qr} alt="扫码查看排队进度" />}
      <p className="ticket-hint">微信或浏览器扫码，随时查看排队进度</p>
      <p className="ticket-time">取号时间 {ticket.takenAt.slice(0, 16).replace('T', ' ')}</p>
    </section>
  );
}

export function Kiosk({ autoPrint }: { autoPrint: boolean }) {
  const load = useCallback(() => hallCenter.lines(), []);
  const { value: lines, error, reload } = usePoll(load, 10_000);
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const done = useCallback(() => {
    setTicket(null);
    reload();
  }, [reload]);

  useEffect(() => {
    if (!ticket) return;
    if (autoPrint) window.print();
    const timer = setTimeout(done, showTicketMs);
    return () => clearTimeout(timer);
  }, [ticket, autoPrint, done]);

  const take = async (departmentCode: string) => {
    setBusy(true);
    setRefusal(null);
    const answer = await hallCenter.take(departmentCode);
    setBusy(false);
    if (answer.ok) setTicket(answer.value);
    else setRefusal(answer.message);
  };

  const centerName = lines?.centerName ?? '';
  if (ticket) {
    return (
      <main className="kiosk">
        <TicketCard ticket={ticket} centerName={centerName} />
        <div className="kiosk-actions no-print">
          <button type="button" className="kiosk-secondary" onClick={() => window.print()}>
            打印号票
          </button>
          <button type="button" className="kiosk-primary" onClick={done}>
            完成
          </button>
        </div>
      </main>
    );
  }
  return (
    <main className="kiosk">
      <header className="kiosk-header">
        <h1>{centerName || '政务服务中心'}</h1>
        <p>请选择办事部门取号</p>
      </header>
      {error && !lines && <p className="kiosk-error">{error}</p>}
      {refusal && (
        <p className="kiosk-error" role="alert">
          {refusal}
        </p>
      )}
      <div className="kiosk-lines">
        {lines?.lines.map((l) => (
          <button
            key={l.departmentCode}
            type="button"
            className="kiosk-line"
            disabled={busy}
            onClick={() => void take(l.departmentCode)}
          >
            <span className="kiosk-line-name">{l.departmentName}</span>
            <span className="kiosk-line-waiting">等候 {l.waiting} 人</span>
          </button>
        ))}
      </div>
    </main>
  );
}
