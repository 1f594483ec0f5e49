import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
  App,
} from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, CallOutput, RecordableType } from '../../../shared/api';
import {
  timedRuleMessages,
  type CaseEventPayload,
  type CaseEventType,
  type OpenCase,
} from '../../../shared/case';
import { call } from '../../api';
import { useLocale } from '../../i18n';
import { useDomainLabels } from '../../i18n/domain';
import { ruleSentence } from '../../i18n/errors';
import { useRoute } from '../../stores/route';
import { ApiErrorAlert } from './ApiErrorAlert';
import { CaseClocks } from './CaseClocks';
import { Checklist } from './Checklist';
import {
  marksChanged,
  marksOf,
  noticeItemsOf,
  verdictOf,
  type Mark,
  type Marks,
} from './checklist-model';
import { useIntakeDraft } from './draft';
import { useM, type M } from './messages';
import { AcceptModal, NoticeModal, RefuseModal, WithdrawModal } from './Modals';
import { shanghaiMinute } from '../../format';
import { PageHeader } from './PageHeader';
import { Kbd, useShortcuts } from './shortcuts';

type Loaded = CallOutput<'cases.get'>;
type Dialog = 'accept' | 'notice' | 'refuse' | 'withdraw' | null;

const at = shanghaiMinute;

/** Continues a received case: checklist → one-time notice / supplements → accept, refuse, withdraw. */
export function CaseIntake({ caseId }: { caseId: string }) {
  const m = useM();
  const { message } = App.useApp();
  const navigate = useRoute((s) => s.navigate);
  const [data, setData] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [marks, setMarks] = useState<Marks>({});
  const [markErrors, setMarkErrors] = useState<Record<string, string>>({});
  const [ticked, setTicked] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const firstRow = useRef<HTMLDivElement | null>(null);
  const firstTick = useRef<HTMLInputElement | null>(null);

  // `keepMarks`: scans were saved mid-checklist, the clerk's unsaved marks stay as they are
  const load = useCallback(
    async (keepMarks = false) => {
      const r = await call('cases.get', { caseId });
      if (!r.ok) return setLoadError(r.error);
      setData(r.value);
      if (keepMarks) return;
      if (r.value.state.status !== 'none') setMarks(marksOf(r.value.state));
      setTicked([]);
    },
    [caseId],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const state = data && data.state.status !== 'none' ? data.state : null;
  const intake = state?.status === 'received' || state?.status === 'awaitingSupplement';
  // Art. 32(4): 5 working days passed without a notice — the application is accepted by law, so
  // neither a one-time notice nor a refusal may follow
  const deemed = data?.clocks.some((c) => c.deemedAccepted) ?? false;
  const checking = state?.status === 'received';
  const supplementing = state?.status === 'awaitingSupplement';
  const lastEvent = (type: CaseEventType) => data?.events.filter((e) => e.type === type).at(-1)?.id;
  const printable = state
    ? state.status === 'awaitingSupplement'
      ? lastEvent('noticeIssued')
      : state.status === 'refused'
        ? lastEvent('refused')
        : state.acceptedAt
          ? lastEvent('accepted')
          : undefined
    : undefined;

  const record = async <T extends RecordableType>(type: T, payload: CaseEventPayload<T>) => {
    setBusy(true);
    setApiError(null);
    const r = await call('cases.record', {
      caseId,
      type,
      payload: payload,
    });
    setBusy(false);
    if (!r.ok) {
      setApiError(r.error);
      // A timed rule bit (the 5 days ran out while the page was open): the case changed by time
      // alone, so the dialog closes and the page shows the case as it is now, the refusal above.
      if (r.error.rule && Object.hasOwn(timedRuleMessages, r.error.rule)) {
        setDialog(null);
        await load();
      }
      return null;
    }
    return r.value;
  };

  /** Saves the checklist when it differs from what is recorded; false when it can't be saved. */
  const saveChecklist = async (quiet = false): Promise<boolean> => {
    if (!state || !checking) return true;
    const errors: Record<string, string> = {};
    for (const [id, mark] of Object.entries(marks)) {
      if (mark.status === 'defective' && !mark.defect.trim()) errors[id] = m('defectRequired');
    }
    setMarkErrors(errors);
    if (Object.keys(errors).length > 0) return false;
    if (!marksChanged(state, marks)) return true;
    const materials = Object.entries(marks).flatMap(([materialId, mark]) =>
      mark.status
        ? [
            {
              materialId,
              status: mark.status,
              ...(mark.status === 'defective' ? { defect: mark.defect.trim() } : {}),
            },
          ]
        : [],
    );
    if (materials.length === 0) return true;
    const r = await record('materialsChecked', { materials });
    if (!r) return false;
    if (!quiet) void message.success(m('checklistSaved'));
    await load();
    return true;
  };

  const saveSupplement = async () => {
    if (ticked.length === 0) {
      setApiError({ code: 'invalid_input', message: m('supplementNone') });
      return;
    }
    if (await record('supplementReceived', { materialIds: ticked })) {
      void message.success(m('supplementDone'));
      await load();
    }
  };

  const verdict = state ? (checking ? verdictOf(state.materials, marks) : null) : null;
  const noticeItems = state ? noticeItemsOf(state.materials, marks, m('missingDetail')) : [];
  const names = new Map(state?.materials.map((mat) => [mat.materialId, mat.name]) ?? []);

  const openDialog = async (d: Exclude<Dialog, null>) => {
    if (!intake) return;
    if ((d === 'accept' || d === 'notice') && checking && !(await saveChecklist(true))) return;
    if (d === 'notice' && (!checking || noticeItems.length === 0)) return;
    setDialog(d);
  };

  const finish = async (result: { eventId: string } | null) => {
    if (!result) return;
    setDialog(null);
    await load();
  };

  const print = () => printable && navigate({ page: 'print', caseId, eventId: printable });

  useShortcuts([
    {
      combo: 'Alt+3',
      run: () => (checking ? firstRow.current?.focus() : firstTick.current?.focus()),
    },
    {
      combo: 'Ctrl+Enter',
      run: () => void (checking ? saveChecklist() : supplementing ? saveSupplement() : undefined),
      when: intake,
    },
    { combo: 'Alt+A', run: () => void openDialog('accept'), when: intake },
    { combo: 'Alt+N', run: () => void openDialog('notice'), when: checking && !deemed },
    { combo: 'Alt+R', run: () => void openDialog('refuse'), when: intake && !deemed },
    { combo: 'Alt+W', run: () => void openDialog('withdraw'), when: intake },
    { combo: 'Alt+P', run: print, when: Boolean(printable) },
    // unsaved checklist marks are never thrown away by a key
    {
      combo: 'Esc',
      run: () => navigate({ page: 'myCases' }),
      when: !(state && marksChanged(state, marks)),
    },
  ]);

  if (loadError)
    return <Alert type="error" showIcon title={m('loadFailed')} description={loadError.message} />;
  if (!state || !data) return <Spin style={{ display: 'block', marginTop: 96 }} />;

  const stepIndex = state.status === 'received' ? 1 : 2;
  const stepStatus =
    state.status === 'refused' || state.status === 'withdrawn'
      ? 'error'
      : intake
        ? 'process'
        : 'finish';

  return (
    <div>
      <PageHeader
        m={m}
        current={stepIndex}
        status={stepStatus}
        {...(state.status === 'awaitingSupplement' ? { lastStep: m('noticeTitle') } : {})}
      />
      <Row gutter={16} align="top">
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <CaseHeader m={m} state={state} data={data} />
            <ApiErrorAlert error={apiError} m={m} onClose={() => setApiError(null)} />
            {intake ? (
              <>
                {state.notices.length > 0 && (
                  <NoticeCard
                    m={m}
                    state={state}
                    ticked={ticked}
                    setTicked={setTicked}
                    supplementing={supplementing}
                    onSave={() => void saveSupplement()}
                    onPrint={print}
                    busy={busy}
                    firstTick={firstTick}
                  />
                )}
                {checking && (
                  <Checklist
                    m={m}
                    state={state}
                    marks={marks}
                    errors={markErrors}
                    editable
                    saving={busy}
                    firstRowRef={firstRow}
                    onMark={(id: string, mark: Mark) => setMarks((all) => ({ ...all, [id]: mark }))}
                    onAllReceived={() =>
                      setMarks((all) =>
                        Object.fromEntries(
                          Object.entries(all).map(([id, mark]) => [
                            id,
                            mark.status || state.firstNotice
                              ? mark
                              : { ...mark, status: 'received' as const },
                          ]),
                        ),
                      )
                    }
                    onSave={() => void saveChecklist()}
                    onAttached={() => void load(true)}
                  />
                )}
                <ActionBar
                  m={m}
                  state={state}
                  verdict={verdict}
                  noticeCount={noticeItems.length}
                  deemed={deemed}
                  onDialog={(d) => void openDialog(d)}
                />
              </>
            ) : (
              <Outcome
                m={m}
                state={state}
                clocks={data.clocks}
                onPrint={printable ? print : undefined}
              />
            )}
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <History m={m} data={data} />
        </Col>
      </Row>
      <AcceptModal
        m={m}
        open={dialog === 'accept'}
        busy={busy}
        materials={state.materials}
        onCancel={() => setDialog(null)}
        onConfirm={(p) => void record('accepted', p).then(finish)}
      />
      <NoticeModal
        m={m}
        open={dialog === 'notice'}
        busy={busy}
        items={noticeItems}
        names={names}
        materials={state.materials}
        error={apiError}
        onCancel={() => setDialog(null)}
        onConfirm={(p) => void record('noticeIssued', p).then(finish)}
      />
      <RefuseModal
        m={m}
        open={dialog === 'refuse'}
        busy={busy}
        onCancel={() => setDialog(null)}
        onConfirm={(p) => void record('refused', p).then(finish)}
      />
      <WithdrawModal
        m={m}
        open={dialog === 'withdraw'}
        busy={busy}
        onCancel={() => setDialog(null)}
        onConfirm={(p) => void record('withdrawn', p).then(finish)}
      />
    </div>
  );
}

/** A value read out to the applicant (a case number, an ID, a phone): never broken mid-value. */
const noWrap = { whiteSpace: 'nowrap' } as const;

function CaseHeader({ m, state, data }: { m: M; state: OpenCase; data: Loaded }) {
  const a = state.applicant;
  const l = useDomainLabels();
  return (
    <Card size="small" data-testid="case-header">
      <Descriptions
        size="small"
        column={3}
        items={[
          {
            key: 'no',
            label: m('caseNumber'),
            children: (
              <Typography.Text strong copyable style={noWrap}>
                {state.caseNumber}
              </Typography.Text>
            ),
          },
          { key: 'item', label: m('item'), children: `${state.item.name}（${state.item.code}）` },
          {
            key: 'status',
            label: m('status'),
            children: (
              <Tag color="processing" data-testid="case-status">
                {l.status(state.status)}
              </Tag>
            ),
          },
          {
            key: 'app',
            label: m('applicantTitle'),
            // a number broken mid-value cannot be read out to the applicant (issue 16 point 5)
            children: (
              <span>
                {a.name} · <span style={noWrap}>{a.kind === 'person' ? a.idNumber : a.uscc}</span>
              </span>
            ),
          },
          { key: 'mobile', label: m('mobile'), children: <span style={noWrap}>{a.mobile}</span> },
          {
            key: 'recv',
            label: m('receivedAt'),
            children: <span style={noWrap}>{at(state.receivedAt)}</span>,
          },
        ]}
      />
      <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8, marginTop: 4 }}>
        <CaseClocks clocks={data.clocks} m={m} />
      </div>
    </Card>
  );
}

function NoticeCard({
  m,
  state,
  ticked,
  setTicked,
  supplementing,
  onSave,
  onPrint,
  busy,
  firstTick,
}: {
  m: M;
  state: OpenCase;
  ticked: string[];
  setTicked: (ids: string[]) => void;
  supplementing: boolean;
  onSave: () => void;
  onPrint: () => void;
  busy: boolean;
  firstTick: React.RefObject<HTMLInputElement | null>;
}) {
  const locale = useLocale((s) => s.locale);
  const notice = state.notices.at(-1)!;
  const statusOf = new Map(state.materials.map((mat) => [mat.materialId, mat.status]));
  const names = new Map(state.materials.map((mat) => [mat.materialId, mat.name]));
  let first = true;
  return (
    <Card
      size="small"
      data-testid="notice-card"
      title={
        <Space>
          <span>{m('noticeTitle')}</span>
          <Tag color="gold">{m('noticeFrozen')}</Tag>
          <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 12 }}>
            {m('noticeIssuedAt', { at: at(notice.at) })}
            {notice.returnBy ? ` · ${m('noticeReturnByShown')} ${notice.returnBy}` : ''}
          </Typography.Text>
        </Space>
      }
      extra={
        supplementing && (
          <Button size="small" onClick={onPrint}>
            {m('printNotice')}
            <Kbd>Alt+P</Kbd>
          </Button>
        )
      }
    >
      {supplementing && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {m('supplementHint')}
        </Typography.Paragraph>
      )}
      <ol data-testid="notice-items" style={{ margin: 0, paddingLeft: 20 }}>
        {notice.items.map((it) => {
          const done = statusOf.get(it.materialId) === 'received';
          const canTick = supplementing && !done;
          const isFirst = canTick && first;
          if (isFirst) first = false;
          return (
            <li key={it.materialId} style={{ padding: '4px 0' }}>
              <Space wrap>
                {canTick ? (
                  <Checkbox
                    ref={
                      isFirst
                        ? (el) => {
                            firstTick.current = el?.nativeElement?.querySelector('input') ?? null;
                          }
                        : undefined
                    }
                    checked={ticked.includes(it.materialId)}
                    onChange={(e) =>
                      setTicked(
                        e.target.checked
                          ? [...ticked, it.materialId]
                          : ticked.filter((x) => x !== it.materialId),
                      )
                    }
                  >
                    {names.get(it.materialId)}
                  </Checkbox>
                ) : (
                  <span>{names.get(it.materialId)}</span>
                )}
                <Tag color={it.problem === 'missing' ? 'red' : 'orange'}>
                  {it.problem === 'missing' ? m('problemMissing') : m('problemDefective')}
                </Tag>
                <Typography.Text type="secondary">{it.detail}</Typography.Text>
                {done && <Tag color="green">{m('st_received')}</Tag>}
              </Space>
            </li>
          );
        })}
      </ol>
      <Alert
        type="info"
        showIcon
        style={{ marginTop: 10 }}
        data-testid="notice-rule"
        title={m('noticeRule', { rule: ruleSentence('notice.newItems', locale) })}
      />
      {supplementing && (
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 10 }}>
          <Button type="primary" onClick={onSave} loading={busy}>
            {m('supplementSave')}
            <Kbd>Ctrl+Enter</Kbd>
          </Button>
        </div>
      )}
    </Card>
  );
}

function ActionBar({
  m,
  state,
  verdict,
  noticeCount,
  deemed,
  onDialog,
}: {
  m: M;
  state: OpenCase;
  verdict: 'accept' | 'notice' | 'pending' | null;
  noticeCount: number;
  deemed: boolean;
  onDialog: (d: Exclude<Dialog, null>) => void;
}) {
  const checking = state.status === 'received';
  const complete = state.materials.every((mat) => !mat.required || mat.status === 'received');
  const acceptReady = checking ? verdict === 'accept' : complete;
  const banner = deemed
    ? { type: 'warning' as const, text: m('deemedOnly') }
    : state.status === 'awaitingSupplement'
      ? null
      : verdict === 'accept'
        ? { type: 'success' as const, text: m('verdictAccept') }
        : verdict === 'notice'
          ? { type: 'warning' as const, text: m('verdictNotice') }
          : { type: 'info' as const, text: m('verdictPending') };
  return (
    <Card size="small" data-testid="action-bar">
      {banner && (
        <Alert
          type={banner.type}
          showIcon
          title={banner.text}
          style={{ marginBottom: 10 }}
          data-testid="verdict"
        />
      )}
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, flexWrap: 'wrap' }}>
        <Button danger onClick={() => onDialog('withdraw')}>
          {m('withdraw')}
          <Kbd>Alt+W</Kbd>
        </Button>
        {!deemed && (
          <Button danger onClick={() => onDialog('refuse')}>
            {m('refuse')}
            <Kbd>Alt+R</Kbd>
          </Button>
        )}
        {checking && !deemed && (
          <Button
            type={verdict === 'notice' ? 'primary' : 'default'}
            disabled={noticeCount === 0}
            onClick={() => onDialog('notice')}
          >
            {m('issueNotice')}
            <Kbd>Alt+N</Kbd>
          </Button>
        )}
        <Button type={acceptReady ? 'primary' : 'default'} onClick={() => onDialog('accept')}>
          {acceptReady ? m('accept') : m('acceptWaived')}
          <Kbd>Alt+A</Kbd>
        </Button>
      </div>
    </Card>
  );
}

function Outcome({
  m,
  state,
  clocks,
  onPrint,
}: {
  m: M;
  state: OpenCase;
  clocks: Loaded['clocks'];
  onPrint: (() => void) | undefined;
}) {
  const navigate = useRoute((s) => s.navigate);
  const setDraft = useIntakeDraft((s) => s.set);
  const promised = clocks.find((c) => c.kind === 'promised');
  const statutory = clocks.find((c) => c.kind === 'statutory');
  const again = () => {
    setDraft({
      itemCode: state.item.code,
      applicant: state.applicant,
      agent: state.agent,
      secondApplicationOf: state.caseId,
      originalCaseNumber: state.caseNumber,
    });
    navigate({ page: 'intake' });
  };
  const next = (
    <Button key="next" onClick={() => navigate({ page: 'intake' })}>
      {m('newIntake')}
    </Button>
  );
  if (state.status === 'refused' || state.status === 'withdrawn') {
    const refused = state.status === 'refused';
    return (
      <Card size="small">
        <Result
          status="warning"
          title={refused ? m('refusedTitle') : m('withdrawnTitle')}
          subTitle={
            refused
              ? `${state.refusal?.reasons ?? ''}${state.refusal?.rightAgency ? ` → ${state.refusal.rightAgency}` : ''}`
              : state.withdrawal?.reason
          }
          extra={[
            refused && onPrint && (
              <Button key="print" onClick={onPrint}>
                {m('printRefusal')}
                <Kbd>Alt+P</Kbd>
              </Button>
            ),
            <Button key="again" type="primary" onClick={again} data-testid="second-apply">
              {m('secondApply')}
            </Button>,
            next,
          ]}
        />
      </Card>
    );
  }
  return (
    <Card size="small" data-testid="accepted-card">
      <Result
        status="success"
        title={m('acceptedTitle')}
        subTitle={m('acceptedSub', {
          caseNumber: state.caseNumber,
          date: promised?.deadline.date ?? '—',
        })}
        extra={[
          onPrint && (
            <Button key="print" type="primary" onClick={onPrint}>
              {m('printAcceptance')}
              <Kbd>Alt+P</Kbd>
            </Button>
          ),
          <Button key="case" onClick={() => navigate({ page: 'case', caseId: state.caseId })}>
            {m('openCase')}
          </Button>,
          next,
        ]}
      >
        <Descriptions
          size="small"
          column={2}
          bordered
          items={[
            {
              key: 'p',
              label: m('promisedDate'),
              children: <span data-testid="promised-date">{promised?.deadline.date}</span>,
            },
            { key: 's', label: m('statutoryDate'), children: statutory?.deadline.date },
          ]}
        />
      </Result>
    </Card>
  );
}

function History({ m, data }: { m: M; data: Loaded }) {
  const l = useDomainLabels();
  return (
    <Card size="small" title={m('history')}>
      <Timeline
        items={[...data.events].reverse().map((e) => ({
          key: e.id,
          content: (
            <div>
              <Typography.Text strong>{l.event(e.type)}</Typography.Text>
              <div style={{ fontSize: 12, color: '#777' }}>
                {at(e.occurredAt)} · {e.actor.name}
              </div>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
