import type { CenterCallName } from '../../shared/center-api';
import { centerHandlers, exactHandlers } from '../handlers';
import type { CenterHandlers } from './spec';

// Compile-time proof that the center's handler table and its contract cannot drift: `npm run
// typecheck` (in .ci/run) checks this file, and each `@ts-expect-error` must meet its error —
// if the compiler ever accepted the line below it, the directive itself would fail the build.
// Nothing here runs or is imported; tsconfig.json includes server/, so the typecheck sees it.

const { 'departments.update': _omitted, ...withoutOne } = centerHandlers;

// A contract entry without a handler: the table is incomplete.
// @ts-expect-error Property ''departments.update'' is missing
export const missing: CenterHandlers = withoutOne;

// The same through the one door the server assembles its table with.
// @ts-expect-error a missing handler fails exactHandlers too
export const missingExact = exactHandlers(withoutOne);

// A handler without a contract entry: a route nobody described.
export const extra = exactHandlers({
  ...centerHandlers,
  // @ts-expect-error 'departments.purge' is no call of the contract
  'departments.purge': () => Promise.resolve({ body: { ok: true } }),
});

// A handler answering what its entry's response schema does not describe.
export const wrongAnswer: Pick<CenterHandlers, 'departments.list'> = {
  // @ts-expect-error the body must be the departments, not a count
  'departments.list': () => Promise.resolve({ body: { count: 3 } }),
};

/** Keeps the names used above honest: each is a call of the contract. */
export const named: CenterCallName[] = ['departments.update', 'departments.list'];
