import { Input, Select, Tabs, Typography } from 'antd';
import { Fragment, useState } from 'react';
import { earliestTypedDay, latestTypedDay, shanghaiDate } from '../../../shared/calendar';
import { useSession } from '../../stores/session';
import { useCenterQuery } from '../admin/center';
import { useRatingMessages } from './messages';
import { PairingTab } from './PairingTab';
import { PaperRatingTab } from './PaperRatingTab';
import { RatingSettingsTab } from './RatingSettingsTab';
import { RatingsTab, type Period } from './RatingsTab';

// Issue 17 part 2: 好差评 at the center's console. The supervisor reads the ratings and decides the
// windows' appeals; the manager reads them, records the follow-ups, keys in paper forms, pairs
// the windows' rating devices and keeps the settings. The center checks each call's role again.

/** This month so far, on the center's calendar (Beijing time). */
function thisMonth(): Period {
  const today = shanghaiDate(Date.now());
  return { from: `${today.slice(0, 8)}01`, to: today };
}

export function RatingsPage() {
  const m = useRatingMessages();
  const role = useSession((s) => s.session?.user.role);
  const [period, setPeriod] = useState<Period>(thisMonth);
  const departments = useCenterQuery('admin.departments.list', {});
  const latest = latestTypedDay(shanghaiDate(Date.now()));
  const manager = role === 'manager';

  const toolbar = (
    <div
      role="search"
      style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginBottom: 12 }}
    >
      {(['from', 'to'] as const).map((end) => (
        <Fragment key={end}>
          <label htmlFor={`ratings-${end}`}>{m(end)}</label>
          <Input
            id={`ratings-${end}`}
            type="date"
            min={earliestTypedDay}
            max={latest}
            style={{ width: 150 }}
            value={period[end]}
            onChange={(e) => e.target.value && setPeriod((p) => ({ ...p, [end]: e.target.value }))}
          />
        </Fragment>
      ))}
      <Select
        aria-label={m('department')}
        style={{ width: 200 }}
        value={period.department ?? ''}
        onChange={(v: string) => setPeriod((p) => ({ ...p, department: v || undefined }))}
        options={[
          { value: '', label: m('allDepartments') },
          ...(departments.data ?? []).map((d) => ({ value: d.code, label: d.name })),
        ]}
      />
    </div>
  );

  const ratings = {
    key: 'ratings',
    label: m('tabRatings'),
    children: (
      <>
        {toolbar}
        <RatingsTab period={period} role={role} />
      </>
    ),
  };
  return (
    <div data-testid="ratings-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {m('title')}
      </Typography.Title>
      <Tabs
        destroyOnHidden
        items={
          manager
            ? [
                ratings,
                { key: 'paper', label: m('tabPaper'), children: <PaperRatingTab /> },
                { key: 'devices', label: m('tabDevices'), children: <PairingTab /> },
                { key: 'settings', label: m('tabSettings'), children: <RatingSettingsTab /> },
              ]
            : [ratings]
        }
      />
    </div>
  );
}
