import { Radio, Space } from 'antd';

/** The status buttons above a supervision list (alerts, complaints): one pressed at a time. */
export function StatusFilter<T extends string>({
  label,
  value,
  onChange,
  options,
  testId,
}: {
  label: string;
  value: T;
  onChange: (value: T) => void;
  options: { value: T; label: string }[];
  testId: string;
}) {
  return (
    <Space style={{ marginBottom: 16 }}>
      <span>{label}</span>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        value={value}
        onChange={(e) => onChange(e.target.value as T)}
        data-testid={testId}
        options={options}
      />
    </Space>
  );
}
