import { Empty } from 'antd';

// Placeholder until the documents feature lands (same commit series).
export function PrintPage({ caseId, eventId }: { caseId: string; eventId: string }) {
  return <Empty description={`${caseId} ${eventId}`} />;
}

export function GuidePage({ itemCode }: { itemCode: string }) {
  return <Empty description={itemCode} />;
}
