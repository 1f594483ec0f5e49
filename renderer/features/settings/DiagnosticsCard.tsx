import { Alert, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import type { DiagnosticsBundle } from '../../../shared/api/diagnostics';
import { call } from '../../api';
import { inShanghai } from '../../format';
import { download } from '../reports/download';
import { useDiagnosticsMessages } from './messages';

/**
 * Part H (issue 15): the manager hands the hall's IT a diagnostics bundle as a file. The bundle is
 * built by the main process (diagnostics.export, manager only) and holds no applicant's data; the
 * file is named after the window (or the device when not yet enrolled) and the Beijing date, so
 * fifty of them in one mailbox can be told apart.
 */
export function DiagnosticsCard() {
  const m = useDiagnosticsMessages();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const exportBundle = async () => {
    setBusy(true);
    setError(null);
    const r = await call('diagnostics.export', {});
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    download(
      diagnosticsFileName(r.value),
      JSON.stringify(r.value, null, 2),
      'application/json;charset=utf-8',
    );
  };

  return (
    <Card title={m('title')} style={{ maxWidth: 720 }}>
      <Typography.Paragraph type="secondary">{m('hint')}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          message={m('failed')}
          description={error}
          style={{ marginBottom: 12 }}
        />
      )}
      <Button onClick={() => void exportBundle()} loading={busy} data-testid="diagnostics-export">
        {m('export')}
      </Button>
    </Card>
  );
}

/** 诊断包-<window or device>-T<n>-<YYYYMMDD-HHmm>.json, with characters no file system takes replaced. */
export function diagnosticsFileName(b: DiagnosticsBundle): string {
  const who = b.device.windowName ?? b.device.id;
  const terminal = b.device.terminalNumber === null ? '' : `-T${b.device.terminalNumber}`;
  const at = inShanghai(b.generatedAt).slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `诊断包-${who}${terminal}-${at}.json`.replace(/[\\/:*?"<>|\s]+/g, '_');
}
