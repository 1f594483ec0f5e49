import { Button } from 'antd';
import { useLocale, useT } from '../i18n';

/** `onDark` for the red header bar, where the default link blue would not read. */
export function LanguageSwitch({ onDark = false }: { onDark?: boolean }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <Button
      type="link"
      size="small"
      style={onDark ? { color: '#fff' } : undefined}
      onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
    >
      {t('shell.language')}
    </Button>
  );
}
