import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { contract, type CaseRow } from '../../../shared/api';
import { statusLabels, type CaseStatus } from '../../../shared/case';
import { checkResidentId, checkUscc } from '../../../shared/ids';
import { call } from '../../api';
import { shanghaiMinute } from '../../format';
import { useLocale, useT } from '../../i18n';
import { validationText } from '../../i18n/validation';
import { useRoute } from '../../stores/route';

// Part T of issue 16: an applicant who comes back to another window of the department must not
// get a second case. Before a new case can be made, the department's open case of the same
// applicant and item is shown: "继续办理" opens it; "仍然新建" asks the reason, which main
// requires (the renderer is untrusted) and records in the new case's receipt.

/** A new case's standing against the department's open cases of the same applicant and item. */
export type OpenCaseCheck = {
  /** the open cases found (none: nothing stands in the way) */
  open: CaseRow[];
  /** the reason the clerk gave for creating one anyway; null until she has */
  reason: string | null;
};

const reasonSchema = contract['cases.receive'].input.shape.duplicateReason.unwrap();

const intakeStatuses = new Set(['received', 'awaitingSupplement']);

/** The open cases of the applicant key and item, asked again whenever either changes. */
export function useOpenCases(
  itemCode: string,
  kind: 'person' | 'organisation',
  key: string,
): [OpenCaseCheck, (reason: string | null) => void, () => void] {
  const [check, setCheck] = useState<OpenCaseCheck>({ open: [], reason: null });
  const [round, setRound] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    const code = key.trim().toUpperCase();
    // only a well-formed key is asked about: a half-typed one matches nothing anyway
    const wellFormed = kind === 'person' ? checkResidentId(code).ok : checkUscc(code).ok;
    if (!itemCode || !wellFormed) {
      setCheck({ open: [], reason: null });
      return;
    }
    void call('cases.openDuplicates', { itemCode, applicantKey: code }).then((r) => {
      // a slower answer to an older key must not overwrite a newer one
      if (mine === seq.current) setCheck({ open: r.ok ? r.value : [], reason: null });
    });
  }, [itemCode, kind, key, round]);
  return [check, (reason) => setCheck((c) => ({ ...c, reason })), () => setRound((n) => n + 1)];
}

export function OpenCaseWarning({
  check,
  onReason,
}: {
  check: OpenCaseCheck;
  onReason: (reason: string | null) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useRoute((s) => s.navigate);
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  if (check.open.length === 0) return null;

  const continueCase = (row: CaseRow) =>
    navigate(
      intakeStatuses.has(row.status)
        ? { page: 'intake', caseId: row.id }
        : { page: 'case', caseId: row.id },
    );

  const confirm = () => {
    // main's own check of the reason: "-" is refused here, not after the whole form was sent
    const parsed = reasonSchema.safeParse(typed);
    if (!parsed.success) {
      setTypedError(parsed.error.issues[0]!.message);
      return;
    }
    setAsking(false);
    onReason(parsed.data);
  };

  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 8 }}
      data-testid="open-case-warning"
      title={t('dept.duplicateTitle', { n: check.open.length })}
      description={
        <Space orientation="vertical" size={6} style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('dept.duplicateHint')}</Typography.Text>
          {check.open.map((row) => (
            <Space key={row.id} wrap data-testid="open-case" data-case-number={row.caseNumber}>
              <Typography.Text strong>
                {t('dept.duplicateCase', {
                  number: row.caseNumber,
                  window: row.receivingWindow.name,
                  status: statusLabels[row.status as CaseStatus] ?? row.status,
                  at: shanghaiMinute(row.receivedAt),
                })}
              </Typography.Text>
              <Button
                type="primary"
                size="small"
                data-testid="continue-open-case"
                onClick={() => continueCase(row)}
              >
                {t('dept.continue')}
              </Button>
            </Space>
          ))}
          {check.reason !== null ? (
            <Space wrap>
              <Typography.Text data-testid="duplicate-reason-given">
                {t('dept.reasonGiven', { reason: check.reason })}
              </Typography.Text>
              <Button size="small" onClick={() => onReason(null)}>
                {t('dept.reasonCancel')}
              </Button>
            </Space>
          ) : asking ? (
            <Form.Item
              label={t('dept.reasonLabel')}
              htmlFor="intake-duplicate-reason"
              validateStatus={typedError ? 'error' : ''}
              help={typedError ? validationText(typedError, locale) : undefined}
              style={{ marginBottom: 0 }}
            >
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  id="intake-duplicate-reason"
                  autoFocus
                  maxLength={500}
                  placeholder={t('dept.reasonPlaceholder')}
                  value={typed}
                  onChange={(e) => {
                    setTyped(e.target.value);
                    setTypedError(null);
                  }}
                  onPressEnter={(e) => {
                    // Enter here confirms the reason, never submits the intake form under it
                    e.preventDefault();
                    confirm();
                  }}
                />
                <Button data-testid="confirm-duplicate-reason" onClick={confirm}>
                  {t('dept.createAnyway')}
                </Button>
              </Space.Compact>
            </Form.Item>
          ) : (
            <Button size="small" data-testid="create-anyway" onClick={() => setAsking(true)}>
              {t('dept.createAnyway')}
            </Button>
          )}
        </Space>
      }
    />
  );
}
