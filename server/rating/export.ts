import { ratingLabels } from '../../shared/case';
import {
  ratingChannelLabels,
  ratingChannels,
  ratingExportCsv,
  ratingExportFileName,
  ratingServiceLabels,
  ratingServiceKinds,
  type RatingExportRow,
} from '../../shared/center-api';
import type { FileOut } from '../http/spec';
import type { RatingRow } from './views';

// Issue 17 part 2: ratings in the national 好差评 data items (shared/center-api ratingExportFields),
// for the manager's export and for the provincial push alike.

export function toExportRow(r: RatingRow): RatingExportRow {
  const kind = ratingServiceKinds.find((k) => k === r.service_kind);
  const channel = ratingChannels.find((c) => c === r.channel);
  return {
    ratingId: r.id,
    serviceKind: kind ? ratingServiceLabels[kind] : r.service_kind,
    itemCode: r.item_code,
    itemName: r.item_name,
    caseNumber: r.case_number,
    ticketNumber: r.ticket_number,
    channel: channel ? ratingChannelLabels[channel] : r.channel,
    level: Number(r.level),
    levelName: ratingLabels[Number(r.level)] ?? '',
    reasons: JSON.parse(r.reasons) as string[],
    comment: r.comment,
    ratedAt: r.rated_at,
    departmentCode: r.department_code,
    departmentName: r.department_name,
    windowCode: r.window_code,
    windowName: r.window_name,
    staffId: r.staff_id,
    staffName: r.staff_name,
    formNumber: r.form_number,
    appeal: r.decision === 'upheld' ? '申诉成立' : r.decision === 'rejected' ? '申诉驳回' : null,
  };
}

export function exportCsv(from: string, to: string, data: readonly RatingExportRow[]): FileOut {
  return {
    type: 'text/csv; charset=utf-8',
    name: ratingExportFileName(from, to, 'csv'),
    text: ratingExportCsv(data),
  };
}
