import { Input } from 'antd';
import type { PasswordProps } from 'antd/es/input';

/**
 * A secret the center takes and never answers back (a provider's key): the field starts blank —
 * blank keeps the stored one — and its placeholder says whether one is set.
 */
export function SecretInput({
  isSet,
  setText,
  missingText,
  ...props
}: PasswordProps & { isSet: boolean; setText: string; missingText: string }) {
  return (
    <Input.Password
      {...props}
      autoComplete="new-password"
      placeholder={isSet ? setText : missingText}
    />
  );
}
