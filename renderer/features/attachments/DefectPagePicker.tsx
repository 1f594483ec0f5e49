import { InputNumber, Select, Space } from 'antd';
import type { Attachment, PageRef } from '../../../shared/case';
import { noticePageWords } from '../../../shared/documents';
import { useAttachmentMessages } from './messages';

/**
 * Which of a defective material's scanned pages the one-time notice points at: the printed
 * notice names it (「见所附第2页」) and never prints the image. A PDF's page is typed in.
 */
export function DefectPagePicker({
  name,
  files,
  value,
  onChange,
}: {
  name: string;
  files: readonly Attachment[];
  value: PageRef | undefined;
  onChange: (ref: PageRef | undefined) => void;
}) {
  const m = useAttachmentMessages();
  const chosen = value ? files.find((f) => f.sha256 === value.sha256) : undefined;
  return (
    <Space size={6} wrap>
      <span style={{ fontSize: 12, color: '#59636e' }}>{m('defectPage')}</span>
      <Select
        size="small"
        aria-label={`${name} ${m('defectPage')}`}
        style={{ minWidth: 150 }}
        value={value?.sha256 ?? ''}
        onChange={(sha256: string) => onChange(sha256 ? { sha256, page: 1 } : undefined)}
        options={[
          { value: '', label: m('defectPageNone') },
          ...files.map((f, i) => {
            const pdf = f.mediaType === 'application/pdf';
            return {
              value: f.sha256,
              label: pdf
                ? `第${i + 1}份文件（PDF${f.name ? `：${f.name}` : ''}）`
                : noticePageWords({ position: i + 1, pdfPage: null }),
            };
          }),
        ]}
      />
      {value && chosen?.mediaType === 'application/pdf' && (
        <InputNumber
          size="small"
          min={1}
          max={10_000}
          precision={0}
          aria-label={`${name} ${m('pdfPage')}`}
          value={value.page}
          onChange={(page) => onChange({ sha256: value.sha256, page: page ?? 1 })}
        />
      )}
    </Space>
  );
}
