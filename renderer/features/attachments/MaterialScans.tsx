import { Button } from 'antd';
import { useState } from 'react';
import type { MaterialState } from '../../../shared/case';
import { useAttachmentMessages } from './messages';
import { PageStrip } from './PageStrip';
import { ScanDialog } from './ScanDialog';

/** The entry to a material's scans: 扫描 with its page count; the dialog opens from it. */
export function ScanButton({
  caseId,
  material,
  onSaved,
}: {
  caseId: string;
  material: MaterialState;
  onSaved: () => void;
}) {
  const m = useAttachmentMessages();
  const [open, setOpen] = useState(false);
  const n = material.files.length;
  return (
    <>
      <Button
        size="small"
        onClick={() => setOpen(true)}
        aria-label={`${material.name} ${m('scan')}`}
        data-testid={`scan-${material.materialId}`}
      >
        {n > 0 ? m('scanCount', { n }) : m('scan')}
      </Button>
      {open && (
        <ScanDialog
          m={m}
          caseId={caseId}
          material={material}
          onClose={() => setOpen(false)}
          onSaved={onSaved}
        />
      )}
    </>
  );
}

/**
 * A material's pages where the case is read (the chief deciding, a colleague at another PC):
 * thumbnails that open the full page; the scan button while papers may still be added.
 */
export function MaterialScans({
  caseId,
  material,
  mayAttach,
  onSaved,
}: {
  caseId: string;
  material: MaterialState;
  mayAttach: boolean;
  onSaved: () => void;
}) {
  const m = useAttachmentMessages();
  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 4, maxWidth: 300 }}
      data-testid={`scans-${material.materialId}`}
    >
      {material.files.length > 0 ? (
        <PageStrip m={m} name={material.name} files={material.files} height={64} />
      ) : (
        <span style={{ color: '#8c8c8c' }}>{m('noPages')}</span>
      )}
      {mayAttach && (
        <div>
          <ScanButton caseId={caseId} material={material} onSaved={onSaved} />
        </div>
      )}
    </div>
  );
}

function ScansTitle() {
  return <>{useAttachmentMessages()('pagesColumn')}</>;
}

/** The case page's column of scans beside each material's status (the chief reads both at once). */
export function scansColumn(caseId: string, mayAttach: boolean, onSaved: () => void) {
  return {
    title: <ScansTitle />,
    key: 'scans',
    // three thumbnails side by side; more scroll within the cell
    width: 180,
    render: (_: unknown, material: MaterialState) => (
      <MaterialScans caseId={caseId} material={material} mayAttach={mayAttach} onSaved={onSaved} />
    ),
  };
}
