import {
  App,
  Button,
  Card,
  Flex,
  Segmented,
  Select,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { isBadRating, type Role } from '../../../shared/case';
import {
  ratingChannels,
  ratingExportCsv,
  ratingExportFileName,
  type RatingChannel,
  type RatingRecord,
  type RatingReport,
} from '../../../shared/center-api';
import { shanghaiMinute } from '../../format';
import { adminCall, useCenterQuery } from '../admin/center';
import { TabFrame } from '../admin/TabFrame';
import { csvType, download } from '../reports/download';
import { channelLabel, levelLabel, ratingLevels, reasonLabel } from './labels';
import { useRatingMessages, type RatingMessages } from './messages';
import { DecideAppealModal, FollowUpModal } from './RatingActions';
import { RatingStatus } from './RatingStatus';

export type Period = { from: string; to: string; department?: string };
type Show = 'all' | 'bad' | 'appealed';
type Filters = {
  window: string;
  /** 0: every level */ level: number;
  channel: RatingChannel | '';
  show: Show;
};

function Figures({ report, m }: { report: RatingReport; m: RatingMessages }) {
  const rate = report.badRate === null ? '—' : `${(report.badRate * 100).toFixed(1)}%`;
  return (
    <Flex gap={12} wrap style={{ marginBottom: 12 }} data-testid="rating-figures">
      <Card size="small" style={{ minWidth: 300 }} data-testid="rating-figure-total">
        <Statistic title={m('figTotal')} value={report.total} />
        <Flex gap={4} wrap>
          {ratingLevels.map((l) => (
            <Tag key={l} color={isBadRating(l) ? 'red' : undefined}>
              {levelLabel(m, l)} {report.levels[String(l) as keyof RatingReport['levels']]}
            </Tag>
          ))}
        </Flex>
      </Card>
      <Card size="small" data-testid="rating-figure-bad-rate">
        <Statistic title={m('figBadRate')} value={rate} />
      </Card>
      <Card size="small" data-testid="rating-figure-paper">
        <Statistic title={m('figPaper')} value={report.paper.total} />
      </Card>
      <Card size="small" data-testid="rating-figure-appealed-away">
        <Statistic title={m('figAppealedAway')} value={report.appealedAway} />
      </Card>
      <Card size="small" data-testid="rating-figure-appeals-waiting">
        <Statistic title={m('figAppealsWaiting')} value={report.appealsWaiting} />
      </Card>
      <Card size="small" data-testid="rating-figure-follow-ups">
        <Statistic
          title={m('figFollowUps')}
          value={`${report.followUpsOpen} / ${report.followUpsOverdue}`}
        />
      </Card>
    </Flex>
  );
}

function shown(r: RatingRecord, f: Filters): boolean {
  if (f.window && r.windowCode !== f.window) return false;
  if (f.level && r.level !== f.level) return false;
  if (f.channel && r.channel !== f.channel) return false;
  if (f.show === 'bad') return isBadRating(r.level);
  if (f.show === 'appealed') return r.appeal !== null;
  return true;
}

/** What was served: the case (and its item), the ticket, the paper form's number. */
function Service({ r, m }: { r: RatingRecord; m: RatingMessages }) {
  return (
    <Flex vertical>
      {r.caseNumber && <span style={{ whiteSpace: 'nowrap' }}>{r.caseNumber}</span>}
      {r.itemName && <Typography.Text type="secondary">{r.itemName}</Typography.Text>}
      {r.ticketNumber && <span>{r.ticketNumber}</span>}
      {r.formNumber && (
        <Typography.Text type="secondary">{m('formNumber', { n: r.formNumber })}</Typography.Text>
      )}
    </Flex>
  );
}

export function RatingsTab({ period, role }: { period: Period; role: Role | undefined }) {
  const m = useRatingMessages();
  const { message } = App.useApp();
  const report = useCenterQuery('admin.ratings.report', period);
  const list = useCenterQuery('admin.ratings.list', period);
  const [filters, setFilters] = useState<Filters>({
    window: '',
    level: 0,
    channel: '',
    show: 'all',
  });
  const [followUp, setFollowUp] = useState<RatingRecord | null>(null);
  const [deciding, setDeciding] = useState<RatingRecord | null>(null);
  const ratings = list.data?.ratings ?? [];
  const windows = [...new Set(ratings.flatMap((r) => (r.windowCode ? [r.windowCode] : [])))];
  const set = (f: Partial<Filters>) => setFilters((old) => ({ ...old, ...f }));
  const reload = () => {
    report.reload();
    list.reload();
  };

  const exportAs = async (ext: 'csv' | 'json') => {
    const r = await adminCall('admin.ratings.export', period);
    if (!r.ok) {
      void message.error(r.error.message, 6);
      return;
    }
    const name = ratingExportFileName(r.value.from, r.value.to, ext);
    if (ext === 'csv') download(name, ratingExportCsv(r.value.ratings), csvType);
    else download(name, JSON.stringify(r.value, null, 2), 'application/json');
    void message.success(m('exported', { n: r.value.ratings.length }));
  };

  return (
    <TabFrame error={report.error ?? list.error} onRetry={reload}>
      {report.data && <Figures report={report.data} m={m} />}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select
          aria-label={m('window')}
          style={{ width: 140 }}
          value={filters.window}
          onChange={(window: string) => set({ window })}
          options={[
            { value: '', label: m('allWindows') },
            ...windows.map((w) => ({ value: w, label: w })),
          ]}
        />
        <Select
          aria-label={m('level')}
          style={{ width: 140 }}
          value={filters.level}
          onChange={(level: number) => set({ level })}
          options={[
            { value: 0, label: m('allLevels') },
            ...ratingLevels.map((l) => ({ value: l, label: levelLabel(m, l) })),
          ]}
        />
        <Select
          aria-label={m('channel')}
          style={{ width: 140 }}
          value={filters.channel}
          onChange={(channel: RatingChannel | '') => set({ channel })}
          options={[
            { value: '', label: m('allChannels') },
            ...ratingChannels.map((c) => ({ value: c, label: channelLabel(m, c) })),
          ]}
        />
        <Segmented<Show>
          value={filters.show}
          onChange={(show) => set({ show })}
          options={[
            { value: 'all', label: m('showAll') },
            { value: 'bad', label: m('showBad') },
            { value: 'appealed', label: m('showAppealed') },
          ]}
        />
        <div style={{ flex: 1 }} />
        <Button onClick={reload}>{m('refresh')}</Button>
        <Button onClick={() => void exportAs('csv')}>{m('exportCsv')}</Button>
        <Button onClick={() => void exportAs('json')}>{m('exportJson')}</Button>
      </Flex>
      <Table<RatingRecord>
        dataSource={ratings.filter((r) => shown(r, filters))}
        rowKey="id"
        data-testid="ratings-table"
        size="small"
        tableLayout="fixed"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        loading={list.loading}
        locale={{ emptyText: m('empty') }}
        columns={[
          { title: m('ratedAt'), width: 96, render: (_, r) => shanghaiMinute(r.ratedAt) },
          {
            title: m('window'),
            width: 110,
            render: (_, r) => (
              <Flex vertical>
                <span>{r.windowCode ?? '—'}</span>
                <Typography.Text type="secondary">{r.staffName ?? ''}</Typography.Text>
              </Flex>
            ),
          },
          { title: m('service'), width: 170, render: (_, r) => <Service r={r} m={m} /> },
          {
            title: m('channel'),
            width: 76,
            render: (_, r) => <Tag>{channelLabel(m, r.channel)}</Tag>,
          },
          {
            title: m('level'),
            width: 100,
            render: (_, r) => (
              <Tag color={isBadRating(r.level) ? 'red' : 'green'}>{levelLabel(m, r.level)}</Tag>
            ),
          },
          {
            title: `${m('reasons')} / ${m('comment')}`,
            render: (_, r) => (
              <Flex vertical>
                {r.reasons.length > 0 && (
                  <span>{r.reasons.map((x) => reasonLabel(m, x)).join('、')}</span>
                )}
                {r.comment && <Typography.Text type="secondary">{r.comment}</Typography.Text>}
              </Flex>
            ),
          },
          {
            title: m('counted'),
            width: 250,
            render: (_, r) => <RatingStatus r={r} m={m} />,
          },
          {
            title: m('actions'),
            // the buttons' words fit 100 px in both languages: wider pushes the page past 1366
            width: 100,
            render: (_, r) =>
              role === 'manager' && r.counted && r.followUp && !r.followUp.contactedAt ? (
                <Button size="small" onClick={() => setFollowUp(r)}>
                  {m('recordFollowUp')}
                </Button>
              ) : role === 'supervisor' && r.appeal && r.appeal.decision === null ? (
                <Button size="small" type="primary" ghost onClick={() => setDeciding(r)}>
                  {m('decide')}
                </Button>
              ) : null,
          },
        ]}
      />
      <FollowUpModal
        rating={followUp}
        onCancel={() => setFollowUp(null)}
        onDone={() => {
          setFollowUp(null);
          reload();
        }}
      />
      <DecideAppealModal
        rating={deciding}
        onCancel={() => setDeciding(null)}
        onDone={() => {
          setDeciding(null);
          reload();
        }}
      />
    </TabFrame>
  );
}
