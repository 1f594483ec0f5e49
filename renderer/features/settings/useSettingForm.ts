import type { FormInstance } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ApiResult } from '../../../shared/api';

/**
 * One of this PC's settings in a card of 终端设置: read from main when the card opens (and on
 * `reload`), saved through main; main checks with the setting's own schema, and its refusal
 * stands at the field it names until that field changes or the form is sent again, or above the
 * form when it names none.
 */
export function useSettingForm<V extends object, T>(opts: {
  form: FormInstance<V>;
  load: () => Promise<ApiResult<T>>;
  store: (values: V) => Promise<ApiResult<T>>;
  /** the form's fields main may name in a refusal */
  fields: readonly (keyof V & string)[];
  /** the form's values for what main holds; none: the form keeps what was typed */
  shown?: (value: T) => Partial<V>;
}) {
  const { form, load, store, fields, shown } = opts;
  const [current, setCurrent] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    const r = await load();
    if (!r.ok) return;
    setCurrent(r.value);
    if (shown) form.setFieldsValue(shown(r.value));
    // load and shown are the card's own: read when the card opens, not each time it renders
  }, [form]);
  useEffect(() => void reload(), [reload]);

  const clearRefusals = (names: readonly string[]) =>
    form.setFields(names.map((name) => ({ name: name as never, errors: [] })));

  /** Saves, and answers what main now holds, or null when it refused. */
  const save = async (values: V): Promise<T | null> => {
    clearRefusals(fields);
    setBusy(true);
    const r = await store(values);
    setBusy(false);
    if (!r.ok) {
      const field = r.error.field;
      if (field && (fields as readonly string[]).includes(field)) {
        form.setFields([{ name: field as never, errors: [r.error.message] }]);
        setError(null);
      } else setError(r.error.message);
      return null;
    }
    setError(null);
    setCurrent(r.value);
    if (shown) form.setFieldsValue(shown(r.value));
    return r.value;
  };

  /** For the form's onValuesChange: a changed field's refusal no longer stands. */
  const onValuesChange = (changed: Partial<V>) =>
    clearRefusals(fields.filter((name) => name in changed));

  return { current, error, busy, save, reload, onValuesChange };
}
