import { useDomainLabels } from '../../i18n/domain';
import { Alert, App, AutoComplete, Button, Card, InputNumber, Spin, Table } from 'antd';
import { useEffect, useState } from 'react';
import {
  maxCopies,
  printKinds,
  type PrinterSeen,
  type PrintKind,
  type PrintSettings,
} from '../../../shared/print/routing';
import { call } from '../../api';
import { useRoute } from '../../stores/route';
import { listPrinters } from './desktop';
import { usePrintMessages } from './messages';

/**
 * The window's printers: one row per kind of document, its printer and copies, and a test page
 * for the printer of the row. The names come from this PC (desktop app); in web mode they can be
 * typed, for the desktop app on this PC to use.
 */
export function PrintersCard() {
  const m = usePrintMessages();
  const l = useDomainLabels();
  const { message } = App.useApp();
  const navigate = useRoute((s) => s.navigate);
  const [settings, setSettings] = useState<PrintSettings | null>(null);
  const [printers, setPrinters] = useState<PrinterSeen[] | null | 'loading'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void call('print.settings.get', {}).then((r) => {
      if (!live) return;
      if (r.ok) setSettings(r.value);
      else setError(r.error.message);
    });
    void listPrinters().then((p) => live && setPrinters(p));
    return () => {
      live = false;
    };
  }, []);

  const change = (kind: PrintKind, patch: Partial<PrintSettings['targets'][PrintKind]>) =>
    setSettings((s) =>
      s ? { targets: { ...s.targets, [kind]: { ...s.targets[kind], ...patch } } } : s,
    );

  const save = async () => {
    if (!settings) return;
    setBusy(true);
    const r = await call('print.settings.set', settings);
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setError(null);
    setSettings(r.value);
    void message.success(m('saved'));
  };

  if (!settings) return error ? <Alert type="error" title={error} /> : <Spin />;
  const options = Array.isArray(printers)
    ? printers.map((p) => ({ value: p.name, label: p.displayName || p.name }))
    : [];
  return (
    <Card title={m('cardTitle')} style={{ maxWidth: 960 }} data-testid="printers-card">
      <p style={{ marginTop: 0 }}>{m('cardIntro')}</p>
      {printers === null && (
        <Alert type="info" showIcon title={m('webMode')} style={{ marginBottom: 12 }} />
      )}
      {Array.isArray(printers) && printers.length === 0 && (
        <Alert type="warning" showIcon title={m('noPrinters')} style={{ marginBottom: 12 }} />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          data-testid="printers-error"
        />
      )}
      <Table
        size="small"
        pagination={false}
        rowKey={(k) => k}
        dataSource={[...printKinds]}
        columns={[
          { title: m('kind'), key: 'kind', render: (_, k) => l.printKind(k), width: 230 },
          {
            title: m('printer'),
            key: 'printer',
            render: (_, k) => (
              <AutoComplete
                aria-label={`${l.printKind(k)} ${m('printer')}`}
                style={{ width: '100%' }}
                options={options}
                value={settings.targets[k].printer}
                placeholder={m('printerPlaceholder')}
                allowClear
                onChange={(v: string | undefined) => change(k, { printer: v ?? '' })}
              />
            ),
          },
          {
            title: m('copies'),
            key: 'copies',
            width: 90,
            render: (_, k) => (
              <InputNumber
                aria-label={`${l.printKind(k)} ${m('copies')}`}
                min={1}
                max={maxCopies}
                precision={0}
                value={settings.targets[k].copies}
                onChange={(v) => change(k, { copies: v ?? 1 })}
              />
            ),
          },
          {
            title: '',
            key: 'test',
            width: 130,
            render: (_, k) => (
              <Button
                size="small"
                disabled={settings.targets[k].printer === ''}
                onClick={() =>
                  navigate({ page: 'printTest', printer: settings.targets[k].printer })
                }
              >
                {m('testPage')}
              </Button>
            ),
          },
        ]}
      />
      <Button type="primary" loading={busy} onClick={() => void save()} style={{ marginTop: 12 }}>
        {m('save')}
      </Button>
    </Card>
  );
}
