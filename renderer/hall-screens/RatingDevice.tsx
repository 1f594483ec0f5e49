import { useCallback, useEffect, useState } from 'react';
import { ratingLabels } from '../../shared/case';
import { ratingReasons, ratingServiceLabels, type RatingPrompt } from '../../shared/center-api';
import { ratingDevice } from './center';
import { usePoll } from './usePoll';

// Issue 17 part 2: the window's rating device (评价器) — a tablet or the window's second screen at
// /hall/?rate=SJ01. Paired once with its window (a code from the manager), it keeps its token in
// localStorage; it welcomes while idle and shows the five levels as soon as the clerk presses 办结.
// The applicant rates, never the clerk: nothing of the applicant is shown, nothing is asked of
// the clerk.

const thanksMs = 6_000;
const tokenKey = (windowCode: string) => `onewindow.rating-device.${windowCode}`;

function Pairing({ windowCode, onPaired }: { windowCode: string; onPaired: (t: string) => void }) {
  const [code, setCode] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = async () => {
    const answer = await ratingDevice.pair(windowCode, code);
    if (answer.ok) onPaired(answer.value.token);
    else setRefusal(answer.message);
  };
  return (
    <main className="rate rate-pairing">
      <h1>评价器配对</h1>
      <p>窗口 {windowCode}：请输入管理员提供的配对码</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          配对码
          <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="kiosk-primary">
          配对
        </button>
      </form>
      {refusal && (
        <p className="kiosk-error" role="alert">
          {refusal}
        </p>
      )}
    </main>
  );
}

type Service = NonNullable<RatingPrompt['service']>;

/** what is being rated, in the applicant's words: their ticket, or the step just done for them */
const serviceText = (service: Service) =>
  service.ticketNumber !== null
    ? `${service.ticketNumber}号 · ${ratingServiceLabels.ticket}`
    : `办件${ratingServiceLabels[service.serviceKind]}`;

function Levels({
  token,
  service,
  onDone,
}: {
  token: string;
  service: Service;
  onDone: () => void;
}) {
  const [level, setLevel] = useState<number | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const send = async (chosen: number) => {
    const answer = await ratingDevice.rate(token, service.serviceId, {
      level: chosen,
      reasons: chosen >= 4 ? (reasons as (typeof ratingReasons)[number][]) : [],
      comment: chosen >= 4 ? comment : undefined,
    });
    // refused as already rated: the applicant is thanked all the same
    if (answer.ok || answer.status === 409) onDone();
    else setRefusal(answer.message);
  };
  const pick = (chosen: number) => {
    setRefusal(null);
    if (chosen >= 4) setLevel(chosen);
    else void send(chosen);
  };
  if (level === null) {
    return (
      <main className="rate">
        <h1>请您对本次服务进行评价</h1>
        <p className="rate-hint">{serviceText(service)}</p>
        <div className="rate-levels">
          {[1, 2, 3, 4, 5].map((l) => (
            <button
              key={l}
              type="button"
              className={`rate-level rate-level-${l}`}
              onClick={() => pick(l)}
            >
              {ratingLabels[l]}
            </button>
          ))}
        </div>
        {refusal && (
          <p className="kiosk-error" role="alert">
            {refusal}
          </p>
        )}
      </main>
    );
  }
  return (
    <main className="rate">
      <h1>{ratingLabels[level]}：请选择原因</h1>
      <div className="rate-reasons" role="group" aria-label="不满意的原因">
        {ratingReasons.map((r) => (
          <label key={r} className={`rate-reason${reasons.includes(r) ? ' chosen' : ''}`}>
            <input
              type="checkbox"
              checked={reasons.includes(r)}
              onChange={(e) =>
                setReasons(e.target.checked ? [...reasons, r] : reasons.filter((x) => x !== r))
              }
            />
            {r}
          </label>
        ))}
      </div>
      <label className="rate-comment">
        意见或建议（可不填）
        <textarea value={comment} maxLength={200} onChange={(e) => setComment(e.target.value)} />
      </label>
      {refusal && (
        <p className="kiosk-error" role="alert">
          {refusal}
        </p>
      )}
      <div className="kiosk-actions">
        <button type="button" className="kiosk-secondary" onClick={() => setLevel(null)}>
          返回
        </button>
        <button
          type="button"
          className="kiosk-primary"
          disabled={reasons.length === 0}
          onClick={() => void send(level)}
        >
          提交评价
        </button>
      </div>
    </main>
  );
}

function Paired({ token, onUnpaired }: { token: string; onUnpaired: () => void }) {
  const load = useCallback(() => ratingDevice.prompt(token), [token]);
  const { value, error, status } = usePoll(load, 1500);
  const [thanked, setThanked] = useState<string | null>(null);
  useEffect(() => {
    if (status === 401) onUnpaired();
  }, [status, onUnpaired]);
  useEffect(() => {
    if (thanked === null) return;
    const timer = setTimeout(() => setThanked(null), thanksMs);
    return () => clearTimeout(timer);
  }, [thanked]);
  const service = value?.service;
  if (thanked !== null) {
    return (
      <main className="rate rate-idle">
        <h1>感谢您的评价！</h1>
        <p>您的评价将帮助我们改进服务</p>
      </main>
    );
  }
  if (service) {
    return <Levels token={token} service={service} onDone={() => setThanked(service.serviceId)} />;
  }
  return (
    <main className="rate rate-idle">
      <h1>欢迎您</h1>
      <p>{value?.windowName ?? ''}</p>
      <p className="rate-hint">办理完成后，请在此对我们的服务进行评价</p>
      {error && <p className="kiosk-error">{error}</p>}
    </main>
  );
}

export function RatingDevice({ windowCode }: { windowCode: string }) {
  const [token, setToken] = useState(() => localStorage.getItem(tokenKey(windowCode)));
  const unpair = useCallback(() => {
    localStorage.removeItem(tokenKey(windowCode));
    setToken(null);
  }, [windowCode]);
  if (!token) {
    return (
      <Pairing
        windowCode={windowCode}
        onPaired={(t) => {
          localStorage.setItem(tokenKey(windowCode), t);
          setToken(t);
        }}
      />
    );
  }
  return <Paired token={token} onUnpaired={unpair} />;
}
