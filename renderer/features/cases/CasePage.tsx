import { Empty } from 'antd';

// Placeholder until the case page lands (same commit series).
export function CasePage({ caseId }: { caseId: string }) {
  return <Empty description={caseId} />;
}
