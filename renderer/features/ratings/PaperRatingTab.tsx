import { App, Button, Card, Checkbox, Form, Input, Radio, Select, Typography } from 'antd';
import { isBadRating } from '../../../shared/case';
import { caseRatingSteps, type CaseRatingStep } from '../../../shared/center-api';
import { adminCall, useCenterSave } from '../admin/center';
import { SaveError } from '../admin/TabFrame';
import { levelLabel, ratingLevels, reasonOptions } from './labels';
import { useRatingMessages } from './messages';

// 代录: the manager keys in a signed paper form by its number. The center refuses a number taken
// before (and a step rated already) in words, shown at the field it names or above the form.

type PaperForm = {
  formNumber?: string;
  caseNumber?: string;
  step?: CaseRatingStep;
  level?: number;
  reasons?: string[];
  comment?: string;
};

const stepKeys = {
  acceptance: 'stepAcceptance',
  decision: 'stepDecision',
  delivery: 'stepDelivery',
} as const;

export function PaperRatingTab() {
  const m = useRatingMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<PaperForm>();
  const level = Form.useWatch('level', form);
  const { busy, error, save: saving } = useCenterSave(form);

  const save = async (v: PaperForm) => {
    const saved = await saving(() =>
      adminCall('admin.ratings.paper', {
        formNumber: v.formNumber ?? '',
        caseNumber: v.caseNumber ?? '',
        step: v.step ?? 'acceptance',
        rating: {
          // none chosen: the center says to choose one
          level: v.level ?? 0,
          reasons: v.reasons ?? [],
          ...(v.comment ? { comment: v.comment } : {}),
        },
      }),
    );
    if (!saved) return;
    void message.success(m('paperSaved', { n: saved.formNumber ?? '' }));
    form.resetFields();
  };

  return (
    <Card style={{ maxWidth: 760 }}>
      <Typography.Paragraph type="secondary">{m('paperHint')}</Typography.Paragraph>
      <SaveError error={error} testId="paper-rating-error" />
      <Form<PaperForm>
        form={form}
        layout="vertical"
        initialValues={{ step: 'acceptance' }}
        onFinish={(v) => void save(v)}
        data-testid="paper-rating-form"
      >
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item name="formNumber" label={m('formNumberLabel')} style={{ width: 260 }}>
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item name="caseNumber" label={m('caseNumber')} style={{ width: 260 }}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="step" label={m('step')} style={{ width: 160 }}>
            <Select options={caseRatingSteps.map((s) => ({ value: s, label: m(stepKeys[s]) }))} />
          </Form.Item>
        </div>
        <Form.Item name="level" label={m('level')}>
          <Radio.Group
            options={ratingLevels.map((l) => ({ value: l, label: levelLabel(m, l) }))}
            onChange={() => form.setFieldValue('reasons', [])}
          />
        </Form.Item>
        {level !== undefined && isBadRating(level) && (
          <Form.Item name="reasons" label={m('reasons')}>
            <Checkbox.Group options={reasonOptions(m)} />
          </Form.Item>
        )}
        <Form.Item name="comment" label={m('paperComment')}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {m('paperSave')}
        </Button>
      </Form>
    </Card>
  );
}
