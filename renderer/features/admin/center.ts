import type { FormInstance } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { create } from 'zustand';
import type { ApiError, ApiResult, CallInput, CallOutput } from '../../../shared/api';
import { centerSignInRule } from '../../../shared/api/admin-contract';
import type { AdminCallName } from '../../../shared/api/admin-names';
import { call } from '../../api';

// The page asks for the manager's center password whenever the center session is missing or
// ended; any call may find that out, so the flag lives outside the tab that called.
type Gate = { generation: number; lost: () => void };
export const useCenterGate = create<Gate>((set) => ({
  generation: 0,
  lost: () => set((s) => ({ generation: s.generation + 1 })),
}));

/** A call of the administration, relayed by main to the center. */
export async function adminCall<K extends AdminCallName>(
  name: K,
  input: CallInput<K>,
): Promise<ApiResult<CallOutput<K>>> {
  const result = await call(name, input);
  if (!result.ok && result.error.rule === centerSignInRule) useCenterGate.getState().lost();
  return result;
}

type Query<T> = { data: T | null; error: ApiError | null; loading: boolean; reload: () => void };

/** Reads from the center when the tab opens, and again on `reload`. */
export function useCenterQuery<K extends AdminCallName>(
  name: K,
  input: CallInput<K>,
): Query<CallOutput<K>> {
  const [state, setState] = useState<Omit<Query<CallOutput<K>>, 'reload'>>({
    data: null,
    error: null,
    loading: true,
  });
  const key = JSON.stringify(input);
  const reload = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    void adminCall(name, JSON.parse(key) as CallInput<K>).then((r) =>
      setState(
        r.ok
          ? { data: r.value, error: null, loading: false }
          : { data: null, error: r.error, loading: false },
      ),
    );
  }, [name, key]);
  useEffect(reload, [reload]);
  return { ...state, reload };
}

/**
 * A form's save at the center: busy while it runs; the center's refusal shown under the input it
 * names, or kept in `error` for above the form. `save` answers the saved value, or null.
 */
export function useCenterSave(form: FormInstance) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const save = async <T>(run: () => Promise<ApiResult<T>>): Promise<T | null> => {
    setBusy(true);
    const r = await run();
    setBusy(false);
    if (r.ok) {
      setError(null);
      return r.value;
    }
    setError(showAtField(form, r.error) ? null : r.error);
    return null;
  };
  return { busy, error, save };
}

/** 'closures.1.date' → ['closures', 1, 'date'], the name antd's Form knows the field by. */
export function fieldPath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts the center's message under the input it names. Returns false when the form has no such
 * input (the caller then shows the message above the form): a message must never be lost.
 */
export function showAtField(form: FormInstance, error: ApiError): boolean {
  if (!error.field) return false;
  const name = fieldPath(error.field);
  form.setFields([{ name, errors: [error.message] }]);
  return form.getFieldError(name).length > 0;
}
