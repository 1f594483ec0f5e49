import { Button, Drawer, Flex, Table, Tabs, Tag, Typography } from 'antd';
import { Fragment, useEffect, useState, type ReactNode } from 'react';
import type { Level } from '../../../shared/calendar';
import type { CaseStatus, Role } from '../../../shared/case';
import { domainLabels } from '../../i18n/domain';
import { pageLabel, type Page } from '../../app/navigation';
import { defineMessages, useLocale, useT } from '../../i18n';
import { levelColor } from '../../levels';
import { useScreenLock } from '../../stores/screen-lock';
import {
  levelMeanings,
  manual,
  rolesInOrder,
  shortcuts,
  statusMeanings,
  troubles,
  type Text,
} from './manual';

const useM = defineMessages({
  zh: {
    help: '帮助',
    title: '使用手册',
    tasks: '日常工作',
    shortcuts: '快捷键',
    statuses: '办件状态',
    levels: '时限颜色',
    troubles: '出现问题时',
    key: '按键',
    does: '作用',
  },
  en: {
    help: 'Help',
    title: 'User manual',
    tasks: 'Day to day',
    shortcuts: 'Keyboard shortcuts',
    statuses: 'Case statuses',
    levels: 'Clock colours',
    troubles: 'When something goes wrong',
    key: 'Key',
    does: 'Does',
  },
});

// {page:intake} in a text: the menu's own label, so the manual names menus as the menu does
const pageRef = /\{page:(\w+)\}/g;

/** A manual text in the reader's language, menus shown by their labels. Plain text, no markup. */
function Say({ text }: { text: Text }) {
  const locale = useLocale((s) => s.locale);
  const t = useT();
  const raw = locale === 'en' ? text.en : text.zh;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of raw.matchAll(pageRef)) {
    parts.push(raw.slice(last, match.index));
    const page = match[1] as Page;
    parts.push(
      <Typography.Text key={match.index} strong>
        「{t(pageLabel[page])}」
      </Typography.Text>,
    );
    last = match.index + match[0].length;
  }
  parts.push(raw.slice(last));
  return <>{parts}</>;
}

function RoleManual({ role }: { role: Role }) {
  const m = useM();
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const book = manual[role];
  const say = (text: Text) => (locale === 'en' ? text.en : text.zh);
  const labels = domainLabels(locale);
  const used = [
    ...new Set(book.tasks.flatMap((task) => task.steps.flatMap((s) => s.shortcut ?? []))),
  ];
  return (
    <Flex vertical gap={12} data-testid={`manual-${role}`}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        <Say text={book.intro} />
      </Typography.Paragraph>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {m('tasks')}
      </Typography.Title>
      {book.tasks.map((task) => (
        <div key={task.title.zh}>
          <Typography.Text strong>
            <Say text={task.title} />
          </Typography.Text>
          <ol style={{ margin: '4px 0 0', paddingInlineStart: 22 }}>
            {task.steps.map((s) => (
              <li key={s.zh} style={{ marginBottom: 2 }}>
                <Say text={s} />
                {s.shortcut && (
                  <Typography.Text keyboard style={{ marginInlineStart: 6 }}>
                    {shortcuts[s.shortcut].combo}
                  </Typography.Text>
                )}
              </li>
            ))}
          </ol>
        </div>
      ))}
      {used.length > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {m('shortcuts')}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={['help' as const, ...used].map((id) => ({ id, ...shortcuts[id] }))}
            columns={[
              {
                title: m('key'),
                width: 130,
                render: (_, r) => <Typography.Text keyboard>{r.combo}</Typography.Text>,
              },
              { title: m('does'), render: (_, r) => say(r.what) },
            ]}
          />
        </>
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {m('statuses')}
      </Typography.Title>
      <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 4 }}>
        {(Object.keys(statusMeanings) as CaseStatus[])
          .filter((s) => s !== 'none')
          .map((s) => (
            <Fragment key={s}>
              <dt>
                <Tag>{labels.status(s)}</Tag>
              </dt>
              <dd style={{ margin: 0 }}>{say(statusMeanings[s])}</dd>
            </Fragment>
          ))}
      </dl>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {m('levels')}
      </Typography.Title>
      <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 4 }}>
        {(Object.keys(levelMeanings) as Level[]).map((l) => (
          <Fragment key={l}>
            <dt>
              <Tag color={levelColor[l]}>{t(`level.${l}`)}</Tag>
            </dt>
            <dd style={{ margin: 0 }}>{say(levelMeanings[l])}</dd>
          </Fragment>
        ))}
      </dl>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {m('troubles')}
      </Typography.Title>
      {book.troubles.map((k) => (
        <div key={k}>
          <Typography.Text strong>{say(troubles[k].title)}</Typography.Text>
          <Typography.Paragraph style={{ margin: '2px 0 0' }}>
            <Say text={troubles[k].body} />
          </Typography.Paragraph>
        </div>
      ))}
    </Flex>
  );
}

/**
 * The header's 帮助 button and F1: the manual of the signed-in role first, the others a tab
 * away. Not over the lock screen: F1 there must not open anything.
 */
export function HelpButton({ role }: { role: Role }) {
  const m = useM();
  const t = useT();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F1' || e.ctrlKey || e.altKey || e.metaKey) return;
      // the browser's own help page (web mode) must not open instead
      e.preventDefault();
      if (!useScreenLock.getState().locked) setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="help-button">
        {m('help')} F1
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={m('title')}
        size="large"
        destroyOnHidden
        data-testid="help-drawer"
      >
        <Tabs
          items={rolesInOrder(role).map((r) => ({
            key: r,
            label: t(`role.${r}`),
            children: <RoleManual role={r} />,
          }))}
        />
      </Drawer>
    </>
  );
}
