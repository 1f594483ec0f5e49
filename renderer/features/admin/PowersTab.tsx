import { useDomainLabels } from '../../i18n/domain';
import { App, Button, Checkbox, Empty, Select, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api';
import { powers, type Power, type ServiceItem } from '../../../shared/catalog';
import { adminCall, fieldPath, useCenterQuery } from './center';
import { useAdminMessages } from './messages';
import { SaveError, TabFrame } from './TabFrame';

type Granted = Record<string, Power[]>;

const grantedOf = (grants: readonly { itemCode: string; powers: Power[] }[]): Granted =>
  Object.fromEntries(grants.map((g) => [g.itemCode, g.powers]));

/** One window's delegated powers: the items of its department × the six powers, saved at once. */
function WindowPowers({
  windowId,
  windowName,
  items,
}: {
  windowId: string;
  windowName: string;
  items: ServiceItem[];
}) {
  const m = useAdminMessages();
  const l = useDomainLabels();
  const { message } = App.useApp();
  const current = useCenterQuery('admin.powers.get', { windowId });
  // null until the window's grants arrive: a box ticked before then would be overwritten by them,
  // and the manager's change lost without a word
  const [granted, setGranted] = useState<Granted | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // ticked but not saved: a later answer of the same query (a refetch) must not untick it
  const [dirty, setDirty] = useState(false);

  // the answer read before the last save: shown again while the reload runs, it would flash the
  // grants the manager just replaced
  const before = useRef<typeof current.data>(null);

  useEffect(() => {
    if (current.data && current.data !== before.current && !dirty)
      setGranted(grantedOf(current.data));
  }, [current.data, dirty]);

  const toggle = (itemCode: string, power: Power, on: boolean) => {
    if (granted === null) return;
    setDirty(true);
    setGranted((g) => {
      if (g === null) return g;
      const had = g[itemCode] ?? [];
      // kept in the catalog's order, so a saved grant reads the same as it was ticked
      const next = powers.filter((p) => (p === power ? on : had.includes(p)));
      return { ...g, [itemCode]: next };
    });
  };

  const save = async () => {
    if (granted === null) return;
    const grants = Object.entries(granted)
      .filter(([, list]) => list.length > 0)
      .map(([itemCode, list]) => ({ itemCode, powers: list }));
    setBusy(true);
    const r = await adminCall('admin.powers.set', { windowId, grants });
    setBusy(false);
    if (!r.ok) {
      // the center names the grant by its index; the manager knows it by the item
      const index = r.error.field ? fieldPath(r.error.field)[1] : undefined;
      const item = typeof index === 'number' ? grants[index]?.itemCode : undefined;
      setError(
        item
          ? { ...r.error, message: m('powerProblem', { item, message: r.error.message }) }
          : r.error,
      );
      return;
    }
    setError(null);
    before.current = current.data;
    setGranted(grantedOf(r.value));
    setDirty(false);
    void message.success(m('powersSaved', { window: windowName }));
    current.reload();
  };

  return (
    <TabFrame error={current.error} onRetry={current.reload}>
      <SaveError error={error} testId="powers-error" />
      <Table<ServiceItem>
        rowKey="code"
        size="small"
        loading={current.loading}
        dataSource={items}
        pagination={false}
        scroll={{ y: 'calc(100vh - 400px)' }}
        locale={{ emptyText: <Empty description={m('noItems')} /> }}
        columns={[
          { title: m('itemName'), render: (_, i) => `${i.code} ${i.name}`, ellipsis: true },
          ...powers.map((p) => ({
            title: l.power(p),
            width: 84,
            align: 'center' as const,
            render: (_: unknown, i: ServiceItem) => (
              <Checkbox
                aria-label={`${i.name} ${l.power(p)}`}
                checked={(granted?.[i.code] ?? []).includes(p)}
                disabled={granted === null}
                onChange={(e) => toggle(i.code, p, e.target.checked)}
              />
            ),
          })),
        ]}
      />
      <div style={{ marginTop: 12, display: 'flex', justifyContent: 'flex-end' }}>
        <Button
          type="primary"
          loading={busy}
          disabled={granted === null}
          onClick={() => void save()}
        >
          {m('save')}
        </Button>
      </div>
    </TabFrame>
  );
}

export function PowersTab() {
  const m = useAdminMessages();
  const windows = useCenterQuery('admin.windows.list', {});
  const items = useCenterQuery('admin.items.list', {});
  const [windowId, setWindowId] = useState<string | null>(null);
  const window = (windows.data ?? []).find((w) => w.id === windowId) ?? null;

  return (
    <TabFrame
      error={windows.error ?? items.error}
      onRetry={() => {
        windows.reload();
        items.reload();
      }}
      toolbar={
        <>
          <Select
            aria-label={m('chooseWindow')}
            placeholder={m('chooseWindow')}
            style={{ width: 280 }}
            value={windowId}
            onChange={setWindowId}
            showSearch={{ optionFilterProp: 'label' }}
            options={(windows.data ?? []).map((w) => ({
              value: w.id,
              label: `${w.code} ${w.name}`,
            }))}
            data-testid="powers-window"
          />
          <Typography.Text type="secondary">{m('powersHint')}</Typography.Text>
        </>
      }
    >
      {window && (
        <WindowPowers
          key={window.id}
          windowId={window.id}
          windowName={window.name}
          items={(items.data ?? []).filter((i) => i.departmentCode === window.departmentCode)}
        />
      )}
    </TabFrame>
  );
}
