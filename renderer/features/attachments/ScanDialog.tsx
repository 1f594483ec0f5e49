import { Alert, App, Button, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { Attachment, MaterialState } from '../../../shared/case';
import type { Quad } from '../../../shared/scan/geometry';
import { call } from '../../api';
import {
  cameraError,
  cameras,
  chooseCamera,
  chosenCamera,
  fileAsBase64,
  grabFrame,
  openCamera,
  type Frame,
} from './camera';
import { startingQuad } from './crop';
import { CropStep } from './CropStep';
import type { AttachmentM } from './messages';
import { PageStrip } from './PageStrip';

// What main sniffs; the list only steers the file picker (a scanner's folder holds all four)
const accept = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/jpeg,image/png,image/tiff';

type Busy = 'import' | 'save' | null;

/** The new pages in place: appended, or in place of the page being retaken. */
function placed(pages: readonly Attachment[], added: readonly Attachment[], at: number | null) {
  const fresh = added.filter((a) => !pages.some((p, i) => p.sha256 === a.sha256 && i !== at));
  if (at === null) return [...pages, ...fresh];
  return [...pages.slice(0, at), ...fresh, ...pages.slice(at + 1)];
}

/**
 * One material's papers at the window: the document camera's live picture, a still cropped to
 * the page, or files from disk; the pages in order, moved, removed or taken again; saved as one
 * `materialsAttached`. A page that fails to import is reported and the pages already taken stay.
 */
export function ScanDialog({
  m,
  caseId,
  material,
  onClose,
  onSaved,
}: {
  m: AttachmentM;
  caseId: string;
  material: MaterialState;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message, modal } = App.useApp();
  const [pages, setPages] = useState<readonly Attachment[]>(material.files);
  const [retaking, setRetaking] = useState<number | null>(null);
  const [frame, setFrame] = useState<Frame | null>(null);
  const [quad, setQuad] = useState<Quad | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [cameraProblem, setCameraProblem] = useState<string | null>(null);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string | null>(chosenCamera);
  const [live, setLive] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const picker = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let gone = false;
    setLive(false);
    void (async () => {
      try {
        stream = await openCamera(deviceId);
        if (gone) return stream.getTracks().forEach((t) => t.stop());
        setCameraProblem(null);
        // labels are only given once the camera was allowed, so the list is read after
        setDevices(await cameras());
        if (video.current) {
          video.current.srcObject = stream;
          await video.current.play();
        }
      } catch (error) {
        if (!gone) setCameraProblem(cameraError(error, m));
      }
    })();
    return () => {
      gone = true;
      stream?.getTracks().forEach((t) => t.stop());
    };
    // the camera opens again only for another camera, not for a change of language
  }, [deviceId]);

  const add = (files: readonly Attachment[]) => {
    setPages((all) => placed(all, files, retaking));
    setRetaking(null);
  };

  const capture = () => {
    if (!video.current || !live) return;
    const f = grabFrame(video.current);
    setFrame(f);
    setQuad(startingQuad(f.found, f.width, f.height));
  };

  const confirmCrop = async () => {
    if (!frame || !quad) return;
    setBusy('import');
    const r = await call('attachments.import', {
      data: frame.data,
      source: 'camera',
      quad: [...quad],
    });
    setBusy(null);
    if (!r.ok) {
      // the still stays: the clerk may move a corner and try again, or take it anew
      setErrors((e) => [...e, m('importFailed', { name: m('camera'), reason: r.error.message })]);
      return;
    }
    add(r.value.files);
    setFrame(null);
    setQuad(null);
  };

  const importFiles = async (chosen: readonly File[]) => {
    setBusy('import');
    let added: Attachment[] = [];
    const failed: string[] = [];
    for (const file of chosen) {
      const r = await call('attachments.import', {
        data: await fileAsBase64(file),
        name: file.name,
        source: 'file',
      });
      if (r.ok) added = [...added, ...r.value.files];
      else failed.push(m('importFailed', { name: file.name, reason: r.error.message }));
    }
    setBusy(null);
    setErrors(failed);
    if (added.length > 0) add(added);
  };

  const changed =
    pages.length !== material.files.length ||
    pages.some((p, i) => p.sha256 !== material.files[i]?.sha256);

  const save = async () => {
    setBusy('save');
    const r = await call('cases.record', {
      caseId,
      type: 'materialsAttached',
      payload: { materials: [{ materialId: material.materialId, files: [...pages] }] },
    });
    setBusy(null);
    if (!r.ok) {
      setErrors([`${m('saveFailed')}：${r.error.message}`]);
      return;
    }
    void message.success(m('saved', { name: material.name, n: pages.length }));
    onSaved();
    onClose();
  };

  const cancel = () => {
    if (!changed) return onClose();
    modal.confirm({
      title: m('discardTitle'),
      okText: m('discard'),
      okButtonProps: { danger: true },
      cancelText: m('cancel'),
      onOk: onClose,
    });
  };

  return (
    <Modal
      open
      width="min(1040px, 96vw)"
      title={m('dialogTitle', { name: material.name })}
      onCancel={cancel}
      maskClosable={false}
      okText={m('save')}
      cancelText={m('cancel')}
      okButtonProps={{
        disabled: !changed || busy !== null || frame !== null,
        'data-testid': 'scan-save',
      }}
      confirmLoading={busy === 'save'}
      onOk={() => void save()}
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          aria-label={m('camera')}
          style={{ minWidth: 240 }}
          placeholder={m('camera')}
          value={devices.some((d) => d.deviceId === deviceId) ? deviceId : devices[0]?.deviceId}
          options={devices.map((d, i) => ({
            value: d.deviceId,
            label: d.label || `${m('camera')} ${i + 1}`,
          }))}
          onChange={(id: string) => {
            chooseCamera(id);
            setDeviceId(id);
          }}
        />
        <Button
          type="primary"
          onClick={capture}
          disabled={!live || frame !== null || busy !== null}
          data-testid="scan-capture"
        >
          {m('capture')}
        </Button>
        <Button onClick={() => picker.current?.click()} disabled={busy !== null}>
          {m('fromFiles')}
        </Button>
        <input
          ref={picker}
          type="file"
          multiple
          accept={accept}
          hidden
          data-testid="scan-files"
          onChange={(e) => {
            const chosen = [...(e.target.files ?? [])];
            e.target.value = '';
            if (chosen.length > 0) void importFiles(chosen);
          }}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {m('filesHint')}
        </Typography.Text>
      </Space>
      {cameraProblem && (
        <Alert type="warning" showIcon title={cameraProblem} style={{ marginBottom: 8 }} />
      )}
      {retaking !== null && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={m('retaking', { n: retaking + 1 })}
          action={
            <Button size="small" onClick={() => setRetaking(null)}>
              {m('cancelRetake')}
            </Button>
          }
        />
      )}
      {/* the picture on the left, the pages on the right: both fit a 1366×768 screen */}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0,1fr) 300px', gap: 16 }}>
        <div>
          <div style={{ minHeight: 200, marginBottom: 8 }}>
            <video
              ref={video}
              muted
              playsInline
              data-testid="scan-preview"
              onPlaying={() => setLive(true)}
              style={{
                display: frame || cameraProblem ? 'none' : 'block',
                maxWidth: '100%',
                maxHeight: 400,
                background: '#000',
              }}
            />
            {frame && quad && (
              <>
                <CropStep
                  m={m}
                  url={frame.url}
                  width={frame.width}
                  height={frame.height}
                  quad={quad}
                  found={frame.found !== null}
                  onChange={setQuad}
                  maxWidth={640}
                  maxHeight={380}
                />
                <Space style={{ marginTop: 8 }}>
                  <Button
                    type="primary"
                    loading={busy === 'import'}
                    onClick={() => void confirmCrop()}
                    data-testid="crop-confirm"
                  >
                    {m('cropConfirm')}
                  </Button>
                  <Button onClick={() => setFrame(null)} disabled={busy !== null}>
                    {m('retakeNow')}
                  </Button>
                </Space>
              </>
            )}
          </div>
          {errors.map((e) => (
            <Alert
              key={e}
              type="error"
              showIcon
              title={e}
              style={{ marginBottom: 8 }}
              data-testid="scan-error"
            />
          ))}
        </div>
        <div style={{ maxHeight: 440, overflowY: 'auto' }}>
          <Typography.Text type="secondary" data-testid="scan-count">
            {pages.length > 0 ? m('pages', { n: pages.length }) : m('noPages')}
            {busy === 'import' && ` · ${m('importing')}`}
          </Typography.Text>
          <div style={{ marginTop: 6 }}>
            <PageStrip
              m={m}
              name={material.name}
              files={pages}
              height={96}
              edits={{
                retaking,
                retake: (i) => {
                  setRetaking(i);
                  setFrame(null);
                },
                remove: (i) => {
                  setPages((all) => all.filter((_, j) => j !== i));
                  setRetaking(null);
                },
                move: (i, by) => {
                  setRetaking(null);
                  setPages((all) => {
                    const next = [...all];
                    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
                    return next;
                  });
                },
              }}
            />
          </div>
        </div>
      </div>
    </Modal>
  );
}
