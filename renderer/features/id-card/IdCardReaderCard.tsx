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
import { readerAddress, type IdCardReaderSettings } from '../../../shared/id-card';
import { call } from '../../api';
import { useSettingForm } from '../settings/useSettingForm';
import { useIdCardMessages } from './messages';

/** The manager says where this PC's ID card reader service listens (终端设置). */
export function IdCardReaderCard() {
  const m = useIdCardMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<IdCardReaderSettings>();
  const { current, error, busy, ...setting } = useSettingForm({
    form,
    load: () => call('idCard.settings.get', {}),
    store: (values: IdCardReaderSettings) => call('idCard.settings.set', values),
    fields: ['vendor', 'host', 'port', 'path'],
    shown: (v) => v,
  });
  const save = async (values: IdCardReaderSettings) => {
    const saved = await setting.save(values);
    if (saved) void message.success(m('saved', { address: readerAddress(saved) }));
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
