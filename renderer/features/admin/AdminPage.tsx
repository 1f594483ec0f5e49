import { Tabs, Typography } from 'antd';
import { CenterGated } from './CenterGated';
import { CenterSettingsTab } from './CenterSettingsTab';
import { ClosuresTab } from './ClosuresTab';
import { DepartmentsTab } from './DepartmentsTab';
import { DevicesTab } from './DevicesTab';
import { ReleasesTab } from './ReleasesTab';
import { ItemsTab } from './ItemsTab';
import { OfficialYearsTab } from './OfficialYearsTab';
import { useAdminMessages } from './messages';
import { PowersTab } from './PowersTab';
import { PhrasesTab } from './PhrasesTab';
import { StaffTab } from './StaffTab';
import { WindowsTab } from './WindowsTab';
import { SmsTab } from './SmsTab';
import { useSmsMessages } from './sms-messages';

/** 中心管理: the center's reference data, kept by the manager through this terminal. */
export function AdminPage() {
  const m = useAdminMessages();
  const sms = useSmsMessages();
  return (
    <CenterGated>
      {(status) => (
        <div data-testid="admin-page">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {m('title')}
            <Typography.Text
              type="secondary"
              style={{ fontSize: 13, fontWeight: 'normal', marginLeft: 12 }}
            >
              {status.serverUrl}
            </Typography.Text>
          </Typography.Title>
          <Tabs
            destroyOnHidden
            items={[
              { key: 'departments', label: m('tabDepartments'), children: <DepartmentsTab /> },
              { key: 'windows', label: m('tabWindows'), children: <WindowsTab /> },
              { key: 'staff', label: m('tabStaff'), children: <StaffTab /> },
              { key: 'items', label: m('tabItems'), children: <ItemsTab /> },
              { key: 'powers', label: m('tabPowers'), children: <PowersTab /> },
              { key: 'closures', label: m('tabClosures'), children: <ClosuresTab /> },
              // issue 14 point 12: next year's holiday table
              {
                key: 'officialYears',
                label: m('tabOfficialYears'),
                children: <OfficialYearsTab />,
              },
              { key: 'settings', label: m('tabSettings'), children: <CenterSettingsTab /> },
              { key: 'devices', label: m('tabDevices'), children: <DevicesTab /> },
              // part H (issue 15): release management
              { key: 'releases', label: m('tabReleases'), children: <ReleasesTab /> },
              // part W of issue 16: 常用语 per department
              { key: 'phrases', label: m('tabPhrases'), children: <PhrasesTab /> },
              // issue 17 part 4: the SMS outbox and its provider
              { key: 'sms', label: sms('tab'), children: <SmsTab /> },
            ]}
          />
        </div>
      )}
    </CenterGated>
  );
}
