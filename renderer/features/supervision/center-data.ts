import { useCallback, useEffect, useState } from 'react';
import type { CallInput, CallOutput } from '../../../shared/api';
import type { AdminCallName } from '../../../shared/api/admin-names';
import { adminCall } from '../admin/center';
import { useLiveRefresh } from '../cases/live';

// What the supervisor's lists and drawers read from the center: a list that refreshes itself,
// and one record, fetched again whenever the drawer opens on another id.

/** A center list, loaded now, every 30 seconds, on focus and on `load()`. */
export function useLiveCenterList<K extends AdminCallName>(name: K, input: CallInput<K>) {
  const [rows, setRows] = useState<CallOutput<K> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify(input);
  const load = useCallback(async () => {
    setLoading(true);
    const r = await adminCall(name, JSON.parse(key) as CallInput<K>);
    setLoading(false);
    if (r.ok) {
      setRows(r.value);
      setError(null);
    } else setError(r.error.message);
  }, [name, key]);
  useLiveRefresh(load, 30_000);
  return { rows, error, loading, load };
}

/** One record by id (null: the drawer is closed); `set` keeps what an action answered. */
export function useCenterRecord<K extends AdminCallName>(
  name: K,
  id: string | null,
  onOpen?: () => void,
) {
  const [record, setRecord] = useState<CallOutput<K> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRecord(null);
    setError(null);
    onOpen?.();
    if (!id) return;
    let live = true;
    void adminCall(name, { id } as CallInput<K>).then((r) => {
      if (!live) return;
      if (r.ok) setRecord(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [name, id, onOpen]);
  return { record, setRecord, error, setError };
}
