import '../../app/font';
import QRCode from 'qrcode';
import { useEffect, useState, type ReactNode } from 'react';
import type { SealMark } from '../../../shared/documents';
import './a4.css';
import { cnDate } from './labels';
import { Seal } from './Seal';

/**
 * The verification code as a QR image, drawn in the browser: no network, no server round trip.
 * It carries the center's verification page when there is one, else the bare code.
 */
function QrCode({ code, url }: { code: string; url: string | null }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url ?? code, { margin: 0, width: 240, errorCorrectionLevel: 'M' })
      .then((url) => live && setSrc(url))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [code, url]);
  return (
    <div className="a4-qr" data-testid="document-qr">
      {src ? (
        <img src={src} alt={`验证码 ${code}`} data-ready="true" />
      ) : (
        <div style={{ height: '24mm' }} />
      )}
      <div>验证码</div>
      <div className="a4-strong">{code}</div>
    </div>
  );
}

export type A4DocumentProps = {
  centerName: string;
  title: string;
  subtitle?: string;
  /** '编号：…' for a case notice; '事项编码：…' for the applicant's guide */
  reference: string;
  /** case notices only: printed and drawn as a QR code in the head */
  verificationCode?: string;
  verificationUrl?: string | null;
  /** 'certificate': the 证照's own large title; 'guide': the applicant's denser reference sheet */
  variant?: 'notice' | 'certificate' | 'guide';
  children: ReactNode;
};

/**
 * The one A4 sheet every printed document uses: the center's letterhead, the title, the reference,
 * the verification QR code, then the document's own body. The embedded Noto Sans SC makes the PDF
 * render Chinese on a PC without CJK fonts.
 */
export function A4Document({
  centerName,
  title,
  subtitle,
  reference,
  verificationCode,
  verificationUrl = null,
  variant = 'notice',
  children,
}: A4DocumentProps) {
  return (
    <article
      className={variant === 'notice' ? 'a4-sheet' : `a4-sheet a4-${variant}`}
      data-testid="a4-document"
    >
      <header className="a4-head">
        <div />
        <div className="a4-letterhead">{centerName}</div>
        {verificationCode ? <QrCode code={verificationCode} url={verificationUrl} /> : <div />}
      </header>
      <div className="a4-rule" />
      <h1 className="a4-title">{title}</h1>
      {subtitle && <div className="a4-subtitle">{subtitle}</div>}
      <div className="a4-reference">{reference}</div>
      {children}
    </article>
  );
}

/**
 * Where the chief stamps the department's seal, with the date and who handled it at the window.
 * With `seal` the seal's image is printed over the name and date, as the stamp sits on paper;
 * without it the block keeps the place for a hand stamp (（盖章）).
 */
export function SealBlock({
  departmentName,
  date,
  left,
  seal,
  stampPlace = '（盖章）',
}: {
  departmentName: string;
  date: string;
  left: ReactNode;
  seal?: SealMark;
  /** what marks the place for a hand stamp */
  stampPlace?: string;
}) {
  return (
    <div className="a4-sign">
      <div className="a4-sign-left">{left}</div>
      {seal ? (
        <div className="a4-sign-right a4-sealed">
          <div className="a4-sign-lines">
            <div className="a4-sign-name">{departmentName}</div>
            <div style={{ position: 'relative' }}>{cnDate(date)}</div>
            <Seal seal={seal} />
          </div>
        </div>
      ) : (
        <div className="a4-sign-right">
          <div className="a4-stamp">{stampPlace}</div>
          <div className="a4-sign-name">{departmentName}</div>
          <div style={{ position: 'relative' }}>{cnDate(date)}</div>
        </div>
      )}
    </div>
  );
}

/** How anyone can check a printed notice against the case log. */
export function VerificationNote({ code, caseNumber }: { code: string; caseNumber: string }) {
  return (
    <div className="a4-footnote">
      办件编号 {caseNumber}　验证码 {code}
      。本文书可凭验证码或扫描右上角二维码，在政务服务中心任一窗口核验真伪；如有疑问请向出具窗口咨询。
    </div>
  );
}
