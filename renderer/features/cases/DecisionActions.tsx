import { PhraseTextArea } from '../phrases/PhraseTextArea';
import { useDomainLabels } from '../../i18n/domain';
import { Alert, Button, ConfigProvider, Form, Input, Radio, Space, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import type { RecordableType } from '../../../shared/api';
import {
  appealBodiesOf,
  appealNotice,
  currentReview,
  holdsPower,
  licenceValidity,
  validityDate,
  type CaseEventType,
  type OpenCase,
} from '../../../shared/case';
import type { ServiceItem } from '../../../shared/catalog';
import { call } from '../../api';
import { useSession } from '../../stores/session';
import { ActionModal, type Rejection } from './CaseActions';
import { useDecisionMessages, type DecisionMsg } from './decision-messages';
import {
  DecisionFields,
  decisionInitialValues,
  toDecision,
  type DecisionValues,
} from './DecisionForm';
import { SealDialog } from './SealDialog';

type Record_ = (
  type: RecordableType,
  payload: Record<string, unknown>,
) => Promise<Rejection | null>;

type Dialog =
  | 'reviewed'
  | 'checked'
  | 'referred'
  | 'decided'
  | 'stamped'
  | 'corrected'
  | 'certificateIssued'
  | 'delivered'
  | 'rectified';

type ReviewForm = { opinion: string; recommendation: 'approve' | 'deny' };
type CheckForm = { opinion: string; agree: boolean };
type ReferForm = { department: string; holder: string; note?: string };
type CorrectForm = DecisionValues & { reason: string };
type CertificateForm = { certificateNumber: string; validUntil?: string };
type DeliverForm = {
  method: 'window' | 'post' | 'electronic';
  recipient: string;
  address?: string;
  receiptRef?: string;
  byDepartment?: string;
};
type RectifyForm = { measures: string };

/** '' and whitespace are no value: the payload leaves the key out. */
function optional<K extends string>(key: K, v: string | undefined): Partial<Record<K, string>> {
  const t = v?.trim();
  return t ? ({ [key]: t } as Record<K, string>) : {};
}

/** The reviewer of the current review may not decide a 一审一核 item (a 报批件 is the department's). */
export function reviewerMayNotDecide(state: OpenCase, userId: string | undefined): boolean {
  return (
    state.item.reviewMode === 'twoPerson' &&
    state.referral === null &&
    userId !== undefined &&
    currentReview(state)?.by.userId === userId
  );
}

/** The catalog item behind the case, for its certificate and legal basis; null until it arrives. */
function useCatalogItem(code: string, wanted: boolean): ServiceItem | null {
  const [item, setItem] = useState<ServiceItem | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void call('catalog.item', { code }).then((r) => {
      if (live && r.ok) setItem(r.value);
    });
    return () => {
      live = false;
    };
  }, [code, wanted]);
  return item;
}

/**
 * The reviewer's and the chief's acts on a case — review, re-check, referral, decision, seal,
 * correction, certificate, delivery, rectification — each offered only when
 * `allowedEvents` has it; main still checks every one and its refusal shows in the dialog.
 */
export function DecisionActions({
  state,
  allowed,
  record,
  reload,
}: {
  state: OpenCase;
  allowed: readonly CaseEventType[];
  record: Record_;
  reload: () => Promise<void>;
}) {
  const m = useDecisionMessages();
  const l = useDomainLabels();
  const session = useSession((s) => s.session);
  const userId = session?.user.id;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const deciding = allowed.includes('decided') || allowed.includes('corrected');
  const catalogItem = useCatalogItem(state.item.code, deciding);
  const certificate = state.item.certificate ?? catalogItem?.certificate;
  const legalBasisHint = catalogItem?.legalBasis.join('；');
  const departmentName = session?.department?.name ?? state.issuer?.departmentName;
  // the 复议机关 and court the center set for the department (main writes them again, afresh)
  const bodies = session?.department ? appealBodiesOf(session.department) : null;
  const notice = appealNotice(state.issuer?.departmentName ?? departmentName, bodies ?? undefined);
  const required = [{ required: true, whitespace: true, message: m('required') }];
  const reviewerBlocked = reviewerMayNotDecide(state, userId);
  // the certificate repeats the decision's validity (the rule validity.certificate)
  const approved = state.decision?.decision;
  const certificateValidUntil =
    approved?.outcome === 'approve'
      ? validityDate(licenceValidity(state.item, approved.validUntil, state.stamp?.at ?? null))
      : null;
  const checkerBlocked = currentReview(state)?.by.userId === userId;
  const has = (t: CaseEventType) => allowed.includes(t);
  const decisionFields = (
    <DecisionFields
      state={state}
      appealNotice={notice}
      appealBodiesMissing={bodies === null}
      legalBasisHint={legalBasisHint}
      m={m}
    />
  );

  return (
    // exact button names (审查, 提交 …): no space antd would put between two Chinese characters
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <Space wrap>
        {has('reviewed') && (
          <Button onClick={() => setDialog('reviewed')}>{l.event('reviewed')}</Button>
        )}
        {has('checked') && (
          <Tooltip title={checkerBlocked ? m('checkerIsReviewer') : undefined}>
            <Button onClick={() => setDialog('checked')} disabled={checkerBlocked}>
              {l.event('checked')}
            </Button>
          </Tooltip>
        )}
        {has('referred') && (
          <Button type="primary" onClick={() => setDialog('referred')}>
            {l.event('referred')}
          </Button>
        )}
        {has('decided') && (
          <Tooltip title={reviewerBlocked ? m('reviewerDecides') : undefined}>
            <Button
              type="primary"
              onClick={() => setDialog('decided')}
              disabled={reviewerBlocked}
              data-testid="decide-button"
            >
              {l.event('decided')}
            </Button>
          </Tooltip>
        )}
        {has('stamped') && (
          <Button type="primary" onClick={() => setDialog('stamped')}>
            {l.event('stamped')}
          </Button>
        )}
        {has('corrected') && (
          <Button onClick={() => setDialog('corrected')}>{l.event('corrected')}</Button>
        )}
        {has('certificateIssued') && (
          <Button type="primary" onClick={() => setDialog('certificateIssued')}>
            {l.event('certificateIssued')}
          </Button>
        )}
        {has('delivered') && (
          <Button type="primary" onClick={() => setDialog('delivered')}>
            {l.event('delivered')}
          </Button>
        )}
        {has('rectified') && (
          <Button danger type="primary" onClick={() => setDialog('rectified')}>
            {l.event('rectified')}
          </Button>
        )}
      </Space>

      <ActionModal<ReviewForm>
        title={l.event('reviewed')}
        open={dialog === 'reviewed'}
        onClose={close}
        okText={m('submit')}
        testId="review-dialog"
        initialValues={{ recommendation: 'approve' }}
        onSubmit={(v) =>
          record('reviewed', { opinion: v.opinion.trim(), recommendation: v.recommendation })
        }
      >
        <Form.Item name="opinion" label={m('opinion')} rules={required}>
          <PhraseTextArea kind="reviewOpinion" rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item name="recommendation" label={m('recommendation')} rules={required}>
          <Radio.Group
            options={[
              { value: 'approve', label: m('recommendApprove') },
              { value: 'deny', label: m('recommendDeny') },
            ]}
          />
        </Form.Item>
      </ActionModal>

      <ActionModal<CheckForm>
        title={l.event('checked')}
        open={dialog === 'checked'}
        onClose={close}
        okText={m('submit')}
        testId="check-dialog"
        initialValues={{ agree: true }}
        onSubmit={(v) => record('checked', { opinion: v.opinion.trim(), agree: v.agree })}
      >
        <ReviewSummary state={state} m={m} />
        <Form.Item name="opinion" label={m('checkOpinion')} rules={required}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="agree"
          label={m('agree')}
          rules={[{ required: true, message: m('required') }]}
        >
          <Radio.Group
            options={[
              { value: true, label: m('agreeYes') },
              { value: false, label: m('agreeNo') },
            ]}
          />
        </Form.Item>
      </ActionModal>

      <ActionModal<ReferForm>
        title={l.event('referred')}
        open={dialog === 'referred'}
        onClose={close}
        okText={m('submit')}
        testId="refer-dialog"
        initialValues={departmentName ? { department: departmentName } : {}}
        onSubmit={(v) =>
          record('referred', {
            department: v.department.trim(),
            holder: v.holder.trim(),
            ...optional('note', v.note),
          })
        }
      >
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={m('referExplain')} />
        <Form.Item name="department" label={m('referDepartment')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="holder" label={m('referHolder')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label={m('referNote')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </ActionModal>

      <ActionModal<DecisionValues>
        title={l.event('decided')}
        open={dialog === 'decided'}
        onClose={close}
        okText={m('submit')}
        testId="decide-dialog"
        width={640}
        initialValues={decisionInitialValues(state, certificate, m)}
        onSubmit={(v) => record('decided', toDecision(v, notice))}
      >
        {reviewerBlocked && (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title={m('reviewerDecides')} />
        )}
        {decisionFields}
      </ActionModal>

      <ActionModal<CorrectForm>
        title={l.event('corrected')}
        open={dialog === 'corrected'}
        onClose={close}
        okText={m('submit')}
        testId="correct-dialog"
        width={640}
        initialValues={decisionInitialValues(state, certificate, m)}
        onSubmit={(v) =>
          record('corrected', { reason: v.reason.trim(), decision: toDecision(v, notice) })
        }
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={m('correctionExplain')}
        />
        <Form.Item name="reason" label={m('correctionReason')} rules={required}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        {decisionFields}
      </ActionModal>

      <ActionModal<CertificateForm>
        title={l.event('certificateIssued')}
        open={dialog === 'certificateIssued'}
        onClose={close}
        okText={m('submit')}
        testId="certificate-dialog"
        initialValues={{
          certificateNumber: `${state.caseNumber}-01`,
          validUntil: certificateValidUntil ?? '',
        }}
        onSubmit={(v) =>
          record('certificateIssued', {
            certificateNumber: v.certificateNumber.trim(),
            ...optional('validUntil', v.validUntil),
          })
        }
      >
        <Form.Item
          name="certificateNumber"
          label={
            state.item.certificate
              ? m('certificateOf', { certificate: state.item.certificate })
              : m('certificateNumber')
          }
          rules={required}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="validUntil"
          label={m('certificateValidUntil')}
          extra={m('certificateValidityFromDecision')}
        >
          <Input type="date" style={{ width: 200 }} disabled />
        </Form.Item>
      </ActionModal>

      <ActionModal<DeliverForm>
        title={l.event('delivered')}
        open={dialog === 'delivered'}
        onClose={close}
        okText={m('submit')}
        testId="deliver-dialog"
        initialValues={{ method: 'window', recipient: state.applicant.name }}
        onSubmit={(v) =>
          record('delivered', {
            method: v.method,
            recipient: v.recipient.trim(),
            ...(v.method === 'window'
              ? {}
              : { ...optional('address', v.address), ...optional('receiptRef', v.receiptRef) }),
            ...optional('byDepartment', v.byDepartment),
          })
        }
      >
        <DeliveryFields m={m} byDepartment={!holdsPower(state, 'deliver')} />
      </ActionModal>

      <ActionModal<RectifyForm>
        title={l.event('rectified')}
        open={dialog === 'rectified'}
        onClose={close}
        okText={m('submit')}
        testId="rectify-dialog"
        onSubmit={(v) => record('rectified', { measures: v.measures.trim() })}
      >
        {state.rating && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={m('badRatingBanner', { label: l.rating(state.rating.score) })}
            {...(state.rating.comment ? { description: state.rating.comment } : {})}
          />
        )}
        <Form.Item name="measures" label={m('measures')} rules={required}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </ActionModal>

      <SealDialog
        caseId={state.caseId}
        decisionEventId={state.decision?.eventId ?? null}
        open={dialog === 'stamped'}
        onClose={close}
        onStamped={reload}
        m={m}
      />
    </ConfigProvider>
  );
}

/** The review being re-checked, so the checker reads what they agree or disagree with. */
function ReviewSummary({ state, m }: { state: OpenCase; m: DecisionMsg }) {
  const review = currentReview(state);
  if (!review) return null;
  return (
    <Alert
      type="info"
      style={{ marginBottom: 12 }}
      title={`${m('reviewStep')}：${review.by.name} · ${
        review.recommendation === 'approve' ? m('recommendApprove') : m('recommendDeny')
      }`}
      description={review.opinion}
    />
  );
}

/** `byDepartment`: the window holds no 办结送达, so it records the department's delivery. */
function DeliveryFields({ m, byDepartment }: { m: DecisionMsg; byDepartment: boolean }) {
  const method = Form.useWatch<DeliverForm['method'] | undefined>('method');
  const required = [{ required: true, whitespace: true, message: m('required') }];
  return (
    <>
      {byDepartment && (
        <Form.Item name="byDepartment" label={m('byDepartment')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
      )}
      <Form.Item
        name="method"
        label={m('deliveryMethod')}
        rules={[{ required: true, message: m('required') }]}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'window', label: m('methodWindow') },
            { value: 'post', label: m('methodPost') },
            { value: 'electronic', label: m('methodElectronic') },
          ]}
        />
      </Form.Item>
      <Form.Item name="recipient" label={m('recipient')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      {method && method !== 'window' && (
        <>
          <Form.Item
            name="address"
            label={method === 'post' ? m('address') : m('electronicAddress')}
            rules={required}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="receiptRef"
            label={method === 'post' ? m('postReceiptRef') : m('electronicReceiptRef')}
            rules={required}
          >
            <Input maxLength={100} />
          </Form.Item>
        </>
      )}
    </>
  );
}
