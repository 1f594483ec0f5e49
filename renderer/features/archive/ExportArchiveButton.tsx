import { App, Button } from 'antd';
import { useState } from 'react';
import { call } from '../../api';
import { defineMessages } from '../../i18n';
import { useSession } from '../../stores/session';

const useArchiveMessages = defineMessages({
  zh: {
    export: '导出档案',
    exported: '已导出 {file}：{documents} 份文书，{files} 个材料文件',
    incomplete:
      '档案已导出但不完整：{n} 个材料文件本机没有、也无法从中心取得（已在清单中列明），此档案核验不会通过',
    noReceipt: '档案没有中心回执（{why}），核验不会通过；请联网同步后重新导出',
  },
  en: {
    export: 'Export archive',
    exported: 'Exported {file}: {documents} documents, {files} material files',
    incomplete:
      'Archive exported but incomplete: {n} material files are neither here nor at the center (listed in the manifest); it will not verify',
    noReceipt:
      'The archive has no center receipt ({why}) and will not verify: export it again once synced with the center',
  },
});

/** Hands the ZIP to the browser as a download; Electron asks where to save it (its save dialog). */
function download(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // after the click has handed the blob to the download
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** 导出档案 on the case page (issue 18 part 4): the department's clerk and chief. */
export function ExportArchiveButton({ caseId }: { caseId: string }) {
  const m = useArchiveMessages();
  const { message } = App.useApp();
  const role = useSession((s) => s.session?.user.role);
  const [busy, setBusy] = useState(false);
  if (role !== 'clerk' && role !== 'chief') return null;
  const exportCase = async () => {
    setBusy(true);
    const r = await call('cases.exportArchive', { caseId });
    setBusy(false);
    if (!r.ok) {
      void message.error(r.error.message);
      return;
    }
    download(r.value.fileName, r.value.data);
    const done = m('exported', {
      file: r.value.fileName,
      documents: r.value.documents,
      files: r.value.materialFiles,
    });
    const warnings = [
      ...(r.value.missing.length > 0 ? [m('incomplete', { n: r.value.missing.length })] : []),
      ...(r.value.receiptMissing ? [m('noReceipt', { why: r.value.receiptMissing })] : []),
    ];
    if (warnings.length > 0) void message.warning([done, ...warnings].join('。'), 10);
    else void message.success(done);
  };
  return (
    <Button loading={busy} onClick={() => void exportCase()} data-testid="export-archive">
      {m('export')}
    </Button>
  );
}
