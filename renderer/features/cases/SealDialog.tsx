import { Alert, Button, Form, Input, Modal, Result, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../shared/api';
import { shanghaiMinute } from '../../format';
import { call } from '../../api';
import { useRoute } from '../../stores/route';
import { RejectionAlert, type Rejection } from './CaseActions';
import type { DecisionMsg } from './decision-messages';

type SealStatus = CallOutput<'seal.status'>;
type Stamped = CallOutput<'cases.stamp'>;
type PinForm = { pin: string };
type SetPinForm = { password: string; newPin: string; newPinAgain: string };

const sixDigits = /^\d{6}$/;

/** Keeps only digits: the PIN field takes nothing else. */
const digitsOnly = (e: React.ChangeEvent<HTMLInputElement>) => e.target.value.replace(/\D/g, '');

/**
 * The chief applies the department's seal: the PIN proves the seal's holder is at this PC. Without
 * a PIN yet, the dialog sets one first (the sign-in password proves it is them), then stamps.
 * Lockout and wrong-PIN answers are main's, shown word for word.
 */
export function SealDialog({
  caseId,
  decisionEventId,
  open,
  onClose,
  onStamped,
  m,
}: {
  caseId: string;
  /** the decision the chief is looking at: the seal goes on this one or none */
  decisionEventId: string | null;
  open: boolean;
  onClose: () => void;
  /** after the seal is on: the case page reloads */
  onStamped: () => Promise<void>;
  m: DecisionMsg;
}) {
  const navigate = useRoute((s) => s.navigate);
  const [pinForm] = Form.useForm<PinForm>();
  const [setForm] = Form.useForm<SetPinForm>();
  const [status, setStatus] = useState<SealStatus | null>(null);
  const [settingPin, setSettingPin] = useState(false);
  const [busy, setBusy] = useState(false);
  const [rejection, setRejection] = useState<Rejection | null>(null);
  const [stamped, setStamped] = useState<Stamped | null>(null);

  const loadStatus = async () => {
    const r = await call('seal.status', {});
    if (r.ok) {
      setStatus(r.value);
      setSettingPin(!r.value.pinSet);
    } else setRejection({ message: r.error.message, rule: r.error.rule });
  };

  useEffect(() => {
    if (!open) return;
    setStatus(null);
    setStamped(null);
    setRejection(null);
    void loadStatus();
  }, [open]);

  const stamp = async (pin: string): Promise<boolean> => {
    const r = await call('cases.stamp', {
      caseId,
      pin,
      ...(decisionEventId ? { decisionEventId } : {}),
    });
    if (r.ok) {
      setStamped(r.value);
      setRejection(null);
      await onStamped();
      return true;
    }
    setRejection({ message: r.error.message, rule: r.error.rule });
    // a wrong PIN may have locked the seal: show when it opens again
    void call('seal.status', {}).then((s) => s.ok && setStatus(s.value));
    return false;
  };

  const submit = async () => {
    if (settingPin) {
      const v = await setForm.validateFields().catch(() => null);
      if (!v) return;
      setBusy(true);
      const r = await call('seal.setPin', { password: v.password, pin: v.newPin });
      if (!r.ok) {
        setBusy(false);
        setRejection({ message: r.error.message, rule: r.error.rule });
        return;
      }
      setStatus((s) => ({
        pinSet: true,
        lockedUntil: s?.lockedUntil ?? null,
        unregistered: !r.value.registered,
      }));
      setSettingPin(false);
      setForm.resetFields();
      await stamp(v.newPin);
      setBusy(false);
      return;
    }
    const v = await pinForm.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    const ok = await stamp(v.pin);
    setBusy(false);
    if (!ok) pinForm.setFieldValue('pin', '');
  };

  const close = () => {
    pinForm.resetFields();
    setForm.resetFields();
    onClose();
  };

  const footer = stamped
    ? [
        <Button key="close" onClick={close}>
          {m('close')}
        </Button>,
        <Button
          key="print"
          type="primary"
          onClick={() => navigate({ page: 'print', caseId, eventId: stamped.eventId })}
        >
          {m('printDecision')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={close}>
          {m('cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={busy}
          disabled={!status}
          onClick={() => void submit()}
        >
          {m('submit')}
        </Button>,
      ];

  return (
    <Modal
      title={m('stampTitle')}
      open={open}
      onCancel={close}
      footer={footer}
      destroyOnHidden
      data-testid="seal-dialog"
    >
      {stamped ? (
        <Result
          status="success"
          title={m('stampedTitle')}
          subTitle={
            <span data-testid="stamped-number">
              {m('stampedLine', { number: stamped.decisionNumber })}
            </span>
          }
          style={{ padding: '16px 0' }}
        />
      ) : (
        <>
          <RejectionAlert rejection={rejection} />
          {!status ? (
            <Spin description={m('loadingSeal')}>
              <div style={{ height: 80 }} />
            </Spin>
          ) : (
            <>
              {status.lockedUntil && (
                <Alert
                  type="error"
                  showIcon
                  data-testid="seal-locked"
                  style={{ marginBottom: 12 }}
                  title={m('sealLocked', { until: shanghaiMinute(status.lockedUntil) })}
                />
              )}
              {status.unregistered && <RegisterSeal m={m} onRegistered={() => void loadStatus()} />}
              <Typography.Paragraph type="secondary">{m('stampExplain')}</Typography.Paragraph>
              {settingPin ? (
                <SetPinFields form={setForm} m={m} pinSet={status.pinSet} />
              ) : (
                <Form form={pinForm} layout="vertical" onFinish={() => void submit()}>
                  <Form.Item
                    name="pin"
                    label={m('sealPin')}
                    getValueFromEvent={digitsOnly}
                    rules={[
                      { required: true, message: m('required') },
                      { pattern: sixDigits, message: m('pinDigits') },
                    ]}
                  >
                    <Input.Password
                      maxLength={6}
                      inputMode="numeric"
                      autoComplete="off"
                      autoFocus
                      style={{ width: 200, letterSpacing: 4 }}
                      onPressEnter={() => void submit()}
                    />
                  </Form.Item>
                </Form>
              )}
              <Space>
                <Button
                  type="link"
                  style={{ paddingInline: 0 }}
                  onClick={() => {
                    setRejection(null);
                    setSettingPin((s) => !s);
                  }}
                  // without a PIN there is nothing to go back to
                  disabled={settingPin && !status.pinSet}
                >
                  {settingPin ? m('usePin') : m('changePin')}
                </Button>
              </Space>
            </>
          )}
        </>
      )}
    </Modal>
  );
}

function SetPinFields({
  form,
  m,
  pinSet,
}: {
  form: ReturnType<typeof Form.useForm<SetPinForm>>[0];
  m: DecisionMsg;
  pinSet: boolean;
}) {
  const pinRules = [
    { required: true, message: m('required') },
    { pattern: sixDigits, message: m('pinDigits') },
  ];
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={pinSet ? m('changePinHint') : m('noPinYet')}
      />
      <Form form={form} layout="vertical">
        <Form.Item
          name="password"
          label={m('loginPassword')}
          rules={[{ required: true, message: m('required') }]}
        >
          <Input.Password autoComplete="current-password" maxLength={256} />
        </Form.Item>
        <Form.Item
          name="newPin"
          label={m('newPin')}
          getValueFromEvent={digitsOnly}
          rules={pinRules}
        >
          <Input.Password maxLength={6} inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="newPinAgain"
          label={m('newPinAgain')}
          getValueFromEvent={digitsOnly}
          dependencies={['newPin']}
          rules={[
            ...pinRules,
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('newPin')
                  ? Promise.resolve()
                  : Promise.reject(new Error(m('pinMismatch'))),
            }),
          ]}
        >
          <Input.Password maxLength={6} inputMode="numeric" autoComplete="off" />
        </Form.Item>
      </Form>
    </>
  );
}

/**
 * The banner of a seal key the center has not taken yet (set offline): the chief's stamps wait in
 * the outbox until the password registers it. Sign-in registers it too, when the center answers.
 */
function RegisterSeal({ m, onRegistered }: { m: DecisionMsg; onRegistered: () => void }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const register = async () => {
    setBusy(true);
    const r = await call('seal.register', { password });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    if (!r.value.registered) return setError(r.value.registrationError);
    setPassword('');
    onRegistered();
  };
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="seal-unregistered"
      style={{ marginBottom: 12 }}
      title={m('sealUnregistered')}
      description={
        <Space.Compact style={{ width: '100%' }}>
          <Input.Password
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            data-testid="seal-register-password"
          />
          <Button loading={busy} disabled={!password} onClick={() => void register()}>
            {m('sealRegister')}
          </Button>
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
        </Space.Compact>
      }
    />
  );
}
