import { Typography } from 'antd';

/**
 * A one-time code the manager reads off this screen and types on another device (a PC's
 * enrollment, a rating device's pairing): big, copyable, and the time it runs out under it.
 */
export function OneTimeCode({
  code,
  expires,
  testId,
}: {
  code: string;
  /** the sentence saying until when it is valid */
  expires: string;
  testId: string;
}) {
  return (
    <>
      <Typography.Text
        copyable
        data-testid={testId}
        style={{
          display: 'block',
          fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
          fontSize: 32,
          letterSpacing: 3,
          textAlign: 'center',
          padding: '16px 0',
          background: '#fafafa',
          border: '1px solid #eee',
          borderRadius: 6,
        }}
      >
        {code}
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, textAlign: 'center' }}>
        {expires}
      </Typography.Paragraph>
    </>
  );
}
