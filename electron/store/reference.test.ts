import { afterEach, describe, expect, it } from 'vitest';
import { tempTerminal } from '../../tests/support/terminal';
import { inTransaction } from './db';
import {
  boundWindow,
  getItem,
  insertWindow,
  replaceCatalog,
  setSetting,
  listDepartments,
  listItems,
} from './reference';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('memoised reference data', () => {
  it('follows a change of binding and never remembers a rolled-back one', () => {
    const opened = tempTerminal();
    cleanup = opened.cleanup;
    const db = opened.terminal.db;
    const original = boundWindow(db)!;
    insertWindow(db, { id: 'w2', code: 'SJ02', name: '市场监管二号窗口', department_code: 'SJ' });
    expect(() =>
      inTransaction(db, () => {
        setSetting(db, 'terminal.binding', { windowId: 'w2', number: 1 });
        expect(boundWindow(db)?.code).toBe('SJ02'); // read inside the transaction sees it
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(boundWindow(db)?.code).toBe(original.code);
    setSetting(db, 'terminal.binding', { windowId: 'w2', number: 3 });
    expect(boundWindow(db)).toMatchObject({ code: 'SJ02', terminal_number: 3 });
  });

  it('serves items from the catalog that is current', () => {
    const opened = tempTerminal();
    cleanup = opened.cleanup;
    const db = opened.terminal.db;
    expect(getItem(db, 'SJ-001')?.name).toBe('个体工商户设立登记');
    const items = listItems(db).map((i) =>
      i.code === 'SJ-001' ? { ...i, name: '个体工商户登记' } : i,
    );
    replaceCatalog(db, { version: 'test', departments: listDepartments(db), items });
    expect(getItem(db, 'SJ-001')?.name).toBe('个体工商户登记');
  });
});
