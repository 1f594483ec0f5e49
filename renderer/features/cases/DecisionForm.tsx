import { Alert, Form, Input, Radio } from 'antd';
import type { AppealNotice, Decision, OpenCase } from '../../../shared/case';
import { currentReview, decidedTermYears, lastDayOfTerm, ruleMessages } from '../../../shared/case';
import { addDays, shanghaiDate } from '../../../shared/calendar';
import { itemLaw } from '../../../shared/catalog';
import type { DecisionMsg } from './decision-messages';
import { PhraseTextArea } from '../phrases/PhraseTextArea';

/** The decision as the form holds it: flat, dates as 'YYYY-MM-DD' strings ('' when none). */
export type DecisionValues = {
  outcome: 'approve' | 'deny';
  granted?: string;
  validUntil?: string;
  conditions?: string;
  facts?: string;
  reasons?: string;
  legalBasis?: string;
  departmentRef?: string;
};

/** What the form starts with: the decision being reconsidered or corrected, else the review's recommendation. */
export function decisionInitialValues(
  state: OpenCase,
  certificate: string | undefined,
  m: DecisionMsg,
): DecisionValues {
  const d = state.decision?.decision;
  const grantedDefault = certificate
    ? m('grantedWithCertificate', { item: state.item.name, certificate })
    : m('grantedDefault', { item: state.item.name });
  if (!d) {
    return { outcome: currentReview(state)?.recommendation ?? 'approve', granted: grantedDefault };
  }
  const ref = d.departmentRef ? { departmentRef: d.departmentRef } : {};
  return d.outcome === 'approve'
    ? {
        outcome: 'approve',
        granted: d.granted,
        validUntil: d.validUntil ?? '',
        conditions: d.conditions ?? '',
        ...ref,
      }
    : {
        outcome: 'deny',
        granted: grantedDefault,
        facts: d.facts,
        reasons: d.reasons,
        legalBasis: d.legalBasis,
        ...ref,
      };
}

function filled(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t ? t : undefined;
}

/** The `decided` payload (or a correction's `decision`) from the form. */
export function toDecision(v: DecisionValues, appealNotice: AppealNotice): Decision {
  const departmentRef = filled(v.departmentRef);
  const ref = departmentRef ? { departmentRef } : {};
  if (v.outcome === 'deny') {
    return {
      outcome: 'deny',
      facts: v.facts?.trim() ?? '',
      reasons: v.reasons?.trim() ?? '',
      legalBasis: v.legalBasis?.trim() ?? '',
      appealNotice,
      ...ref,
    };
  }
  const validUntil = filled(v.validUntil);
  const conditions = filled(v.conditions);
  return {
    outcome: 'approve',
    granted: v.granted?.trim() ?? '',
    ...(validUntil ? { validUntil } : {}),
    ...(conditions ? { conditions } : {}),
    ...ref,
  };
}

/**
 * The fields of a decision, for a first decision and a correction alike. A denial names facts,
 * reasons and basis and carries the appeal notice (filled in, read-only); a 报批件 carries the
 * department's reference number.
 */
export function DecisionFields({
  state,
  appealNotice,
  appealBodiesMissing,
  legalBasisHint,
  m,
}: {
  state: OpenCase;
  appealNotice: AppealNotice;
  /** the department has no 复议机关 and court set: no denial can be issued (main refuses it too) */
  appealBodiesMissing: boolean;
  /** the item's published legal basis, as a reminder beside the field */
  legalBasisHint: string | undefined;
  m: DecisionMsg;
}) {
  const outcome = Form.useWatch<DecisionValues['outcome'] | undefined>('outcome');
  const required = [{ required: true, whitespace: true, message: m('required') }];
  return (
    <>
      {state.referral && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={m('referredExplain', { department: state.referral.department })}
        />
      )}
      <Form.Item
        name="outcome"
        label={m('outcome')}
        rules={[
          { required: true, message: m('required') },
          {
            validator: (_, v) =>
              v === 'deny' && appealBodiesMissing
                ? Promise.reject(new Error(ruleMessages['appeal.departmentUnset']))
                : Promise.resolve(),
          },
        ]}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'approve', label: m('approve') },
            { value: 'deny', label: m('deny') },
          ]}
        />
      </Form.Item>
      {outcome === 'deny' ? (
        <>
          <Form.Item name="facts" label={m('facts')} rules={required}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="reasons" label={m('reasons')} rules={required}>
            <PhraseTextArea kind="denyReason" rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="legalBasis"
            label={m('legalBasis')}
            rules={required}
            {...(legalBasisHint ? { extra: m('legalBasisHint', { basis: legalBasisHint }) } : {})}
          >
            <PhraseTextArea kind="legalBasis" rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item label={m('appealNotice')} htmlFor="decision-appeal-notice">
            <Input.TextArea
              id="decision-appeal-notice"
              data-testid="appeal-notice"
              value={appealNotice.text}
              readOnly
              autoSize
            />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item name="granted" label={m('granted')} rules={required}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <ValidityField state={state} m={m} />
          <Form.Item name="conditions" label={m('conditions')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      )}
      {state.referral && (
        <Form.Item name="departmentRef" label={m('departmentRef')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
      )}
    </>
  );
}

/**
 * 有效期至 as the item's law has it (issue 14 point 4): set by the decision, required; a fixed
 * term, blank to count it from the seal, never past it; permanent, no date at all. The shared
 * rules (notice-rules.ts) refuse the same in main and at the center; this says it at the field.
 */
function ValidityField({ state, m }: { state: OpenCase; m: DecisionMsg }) {
  const law = itemLaw(state.item).validity;
  if (law.kind === 'permanent') {
    return (
      <Form.Item label={m('validUntil')}>
        <span data-testid="validity-permanent">{m('validityPermanent', { basis: law.basis })}</span>
      </Form.Item>
    );
  }
  // the decision is dated when it is recorded: today, in Beijing
  const today = shanghaiDate(Date.now());
  // where the decision sets the term, a mistyped year is refused as in notice-rules.ts
  const years = law.kind === 'years' ? law.years : decidedTermYears;
  const last = lastDayOfTerm(today, years);
  return (
    <Form.Item
      name="validUntil"
      label={m('validUntil')}
      required={law.kind === 'decided'}
      extra={
        law.kind === 'years'
          ? m('validityYears', { years: String(law.years), basis: law.basis })
          : m('validityDecided')
      }
      rules={[
        {
          validator: (_, v: string | undefined) => {
            const date = v?.trim();
            if (!date) {
              return law.kind === 'decided'
                ? Promise.reject(new Error(ruleMessages['validity.required']))
                : Promise.resolve();
            }
            if (date <= today) return Promise.reject(new Error(m('validityNotAfterToday')));
            if (date > last) {
              return Promise.reject(
                new Error(
                  law.kind === 'years'
                    ? m('validityBeyond', { last })
                    : m('validityTooFar', { last, years: String(years) }),
                ),
              );
            }
            return Promise.resolve();
          },
        },
      ]}
    >
      {/* the picker offers only days the rules accept: after today, within the term */}
      <Input type="date" min={addDays(today, 1)} max={last} style={{ width: 200 }} />
    </Form.Item>
  );
}
