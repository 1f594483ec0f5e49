import { Descriptions, Form, Input, Radio } from 'antd';
import { shanghaiIso } from '../../../shared/calendar';
import type { RatingRecord } from '../../../shared/center-api';
import { useSession } from '../../stores/session';
import { adminCall } from '../admin/center';
import { FormModal } from '../admin/FormModal';
import { levelLabel, reasonLabel } from './labels';
import { useRatingMessages } from './messages';

// The two decisions taken on a rating at the console: the manager's follow-up of a bad one and
// the supervisor's ruling on the window's appeal. Each refusal of the center shows in the dialog.

type Props = { rating: RatingRecord | null; onCancel: () => void; onDone: () => void };

type FollowUpForm = {
  contactedBy?: string;
  /** as the datetime-local input gives it: Beijing time, to the minute */
  contactedAt: string;
  method: 'phone' | 'visit';
  result?: string;
  rectification?: string;
};

export function FollowUpModal({ rating, onCancel, onDone }: Props) {
  const m = useRatingMessages();
  const name = useSession((s) => s.session?.user.name ?? '');
  return (
    <FormModal<FollowUpForm>
      open={rating !== null}
      title={m('followUpTitle')}
      testId="follow-up-form"
      initialValues={{
        contactedBy: name,
        contactedAt: shanghaiIso(new Date()).slice(0, 16),
        method: 'phone',
      }}
      onCancel={onCancel}
      onDone={onDone}
      submit={(v) =>
        adminCall('admin.ratings.followUp', {
          id: rating?.id ?? '',
          method: v.method,
          // a field left empty goes as empty: the center's refusal names it in words
          contactedBy: v.contactedBy ?? '',
          contactedAt: v.contactedAt ? `${v.contactedAt}:00+08:00` : '',
          result: v.result ?? '',
          ...(v.rectification ? { rectification: v.rectification } : {}),
        })
      }
    >
      <Form.Item name="contactedBy" label={m('contactedBy')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="contactedAt" label={m('contactedAt')}>
        <Input type="datetime-local" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="method" label={m('method')}>
        <Radio.Group
          options={[
            { value: 'phone', label: m('methodPhone') },
            { value: 'visit', label: m('methodVisit') },
          ]}
        />
      </Form.Item>
      <Form.Item name="result" label={m('result')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      <Form.Item name="rectification" label={m('rectification')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
    </FormModal>
  );
}

type Decision = { upheld: boolean; note?: string };

export function DecideAppealModal({ rating, onCancel, onDone }: Props) {
  const m = useRatingMessages();
  return (
    <FormModal<Decision>
      open={rating !== null}
      title={m('decideTitle')}
      testId="appeal-decision-form"
      initialValues={{}}
      onCancel={onCancel}
      onDone={onDone}
      submit={(v) =>
        adminCall('admin.ratings.decideAppeal', {
          id: rating?.id ?? '',
          upheld: v.upheld,
          note: v.note ?? '',
        })
      }
    >
      {rating && (
        <Descriptions
          size="small"
          column={1}
          title={m('decideRating')}
          style={{ marginBottom: 16 }}
          items={[
            {
              label: m('window'),
              children: `${rating.windowCode ?? '—'} ${rating.staffName ?? ''}`,
            },
            { label: m('level'), children: levelLabel(m, rating.level) },
            {
              label: m('reasons'),
              children: rating.reasons.map((r) => reasonLabel(m, r)).join('、') || '—',
            },
            { label: m('comment'), children: rating.comment ?? '—' },
            { label: m('appeal'), children: rating.appeal?.reason ?? '' },
          ]}
        />
      )}
      <Form.Item
        name="upheld"
        label={m('decision')}
        rules={[{ required: true, message: m('chooseDecision') }]}
      >
        <Radio.Group
          options={[
            { value: true, label: m('upheld') },
            { value: false, label: m('rejected') },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label={m('note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
    </FormModal>
  );
}
