import { Avatar, Button, Space } from 'antd';
import type { Session } from '../../shared/api';
import { call } from '../api';
import { HelpButton } from '../features/help/HelpDrawer';
import { useT } from '../i18n';
import { useSession } from '../stores/session';
import { LanguageSwitch } from './LanguageSwitch';

/** The header's right end, at a window PC and in the center's console alike: who is signed in,
 * the manual, the language, sign-out. */
export function HeaderUser({ user }: { user: Session['user'] }) {
  const t = useT();
  const clear = useSession((s) => s.clear);
  const logout = async () => {
    await call('auth.logout', {});
    clear();
  };
  return (
    <Space style={{ color: '#fff' }}>
      <Avatar style={{ background: '#fff', color: '#7f1d1d' }}>{user.name.slice(0, 1)}</Avatar>
      <div style={{ lineHeight: 1.2 }} data-testid="shell-user">
        <div>{user.name}</div>
        <div style={{ fontSize: 12, opacity: 0.8 }}>{t(`role.${user.role}`)}</div>
      </div>
      <HelpButton role={user.role} />
      <LanguageSwitch onDark />
      <Button size="small" onClick={() => void logout()}>
        {t('shell.logout')}
      </Button>
    </Space>
  );
}
