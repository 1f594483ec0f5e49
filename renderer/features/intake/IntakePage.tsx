import { Empty } from 'antd';

// Placeholder until the intake feature lands (same commit series).
export function IntakePage({ caseId }: { caseId?: string }) {
  return <Empty description={caseId ?? '收件受理'} />;
}
