import { Alert, App, Button, Card, Flex, Input, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { demoClearWord, type DemoStatus } from '../../../shared/api';
import { call } from '../../api';
import { shanghaiMinute } from '../../format';
import { defineMessages, useLocale } from '../../i18n';
import { errorMessage } from '../../i18n/errors';

const useM = defineMessages({
  zh: {
    title: '清除演示数据',
    hint: '本机在示范模式下练习过的办件（共 {n} 件）会阻止注册到中心。清除前整个数据库会先备份到备份文件夹；示范账号保留。已注册或存有正式办件的终端不能清除。',
    type: '请输入“{word}”以确认',
    clear: '清除演示数据',
    cleared: '已清除 {n} 件演示办件，备份文件：{backup}。现在可以注册到中心。',
    last: '上次清除：{at}，{by}，备份文件 {backup}',
  },
  en: {
    title: 'Clear the demo data',
    hint: 'The cases practised on this PC in demo mode ({n}) stop it from enrolling with the center. The whole database is backed up to the backups folder first; the demo accounts stay. An enrolled terminal, or one holding real cases, cannot be cleared.',
    type: 'Type “{word}” to confirm',
    clear: 'Clear the demo data',
    cleared: '{n} demo cases cleared; backup file: {backup}. The terminal can enroll now.',
    last: 'Last cleared {at} by {by}; backup file {backup}',
  },
});

/**
 * Part W of issue 16: on a demo PC that has not enrolled, the manager clears the practice in one
 * confirmed step. Main decides whether it may (enrolled, real cases); this card only asks.
 */
export function DemoClearCard({ onCleared }: { onCleared?: () => void }) {
  const m = useM();
  const locale = useLocale((s) => s.locale);
  const { message } = App.useApp();
  const [status, setStatus] = useState<DemoStatus | null>(null);
  const [word, setWord] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await call('demo.status', {});
    if (r.ok) setStatus(r.value);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (!status?.demo) return null;
  const refusal = status.refusal
    ? errorMessage({ code: 'not_allowed', ...status.refusal }, locale)
    : null;

  const clear = async () => {
    setBusy(true);
    const r = await call('demo.clear', { confirmation: word });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setError(null);
    setWord('');
    void message.success(m('cleared', { n: r.value.cases, backup: r.value.backup }), 8);
    await load();
    onCleared?.();
  };

  return (
    <Card title={m('title')} style={{ maxWidth: 720 }} data-testid="demo-clear-card">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{m('hint', { n: status.cases })}</Typography.Text>
        {status.lastCleared && (
          <Typography.Text data-testid="demo-last-cleared">
            {m('last', {
              at: shanghaiMinute(status.lastCleared.at),
              by: status.lastCleared.by,
              backup: status.lastCleared.backup,
            })}
          </Typography.Text>
        )}
        {refusal && <Alert type="warning" showIcon title={refusal} />}
        {error && <Alert type="error" showIcon title={error} data-testid="demo-clear-error" />}
        <Flex gap={8} wrap>
          <Input
            aria-label={m('type', { word: demoClearWord })}
            placeholder={m('type', { word: demoClearWord })}
            value={word}
            onChange={(e) => setWord(e.target.value)}
            onPressEnter={() => void clear()}
            disabled={refusal !== null}
            style={{ maxWidth: 320 }}
            autoComplete="off"
          />
          <Button
            danger
            type="primary"
            loading={busy}
            disabled={refusal !== null || word.trim() !== demoClearWord}
            onClick={() => void clear()}
          >
            {m('clear')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
