import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { readerAddress, type IdCardReaderSettings } from '../../../shared/id-card';
import { call } from '../../api';
import { useIdCardMessages } from './messages';

const fields = new Set(['vendor', 'host', 'port', 'path']);

/** The manager says where this PC's ID card reader service listens (终端设置). */
export function IdCardReaderCard() {
  const m = useIdCardMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<IdCardReaderSettings>();
  const [current, setCurrent] = useState<IdCardReaderSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('idCard.settings.get', {}).then((r) => {
      if (!r.ok) return;
      setCurrent(r.value);
      form.setFieldsValue(r.value);
    });
  }, [form]);

  const save = async (values: IdCardReaderSettings) => {
    setBusy(true);
    const r = await call('idCard.settings.set', values);
    setBusy(false);
    if (!r.ok) {
      // main checks with the very schema of shared/id-card.ts; its refusal stands at the field
      const field = r.error.field;
      if (field && fields.has(field)) {
        form.setFields([{ name: field as keyof IdCardReaderSettings, errors: [r.error.message] }]);
        setError(null);
      } else setError(r.error.message);
      return;
    }
    setError(null);
    setCurrent(r.value);
    // main's earlier refusal at a field no longer holds
    form.setFields(
      [...fields].map((name) => ({ name: name as keyof IdCardReaderSettings, errors: [] })),
    );
    form.setFieldsValue(r.value);
    void message.success(m('saved', { address: readerAddress(r.value) }));
  };

  return (
    <Card title={m('cardTitle')} style={{ maxWidth: 720 }} data-testid="id-card-reader-card">
      <Typography.Paragraph type="secondary">{m('cardHint')}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={m('saveFailed')}
          description={error}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<IdCardReaderSettings> form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="vendor" label={m('vendor')}>
              <Select options={[{ value: 'zkidronline', label: m('vendorZk') }]} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="host" label={m('host')}>
              <Input autoComplete="off" data-testid="id-card-host" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="port" label={m('port')}>
              <InputNumber
                min={1}
                max={65535}
                precision={0}
                style={{ width: '100%' }}
                data-testid="id-card-port"
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="path" label={m('path')}>
              <Input autoComplete="off" data-testid="id-card-path" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {m('hostExtra')}
        </Typography.Paragraph>
        <Flex align="center" gap={16}>
          <Button type="primary" htmlType="submit" loading={busy}>
            {m('save')}
          </Button>
          {current && (
            <Typography.Text type="secondary" data-testid="id-card-current">
              {m('current', {
                vendor: m('vendorZk'),
                address: readerAddress(current),
                path: current.path,
              })}
            </Typography.Text>
          )}
        </Flex>
      </Form>
    </Card>
  );
}
