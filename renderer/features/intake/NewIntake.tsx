import { zodResolver } from '@hookform/resolvers/zod';
import { localized } from '../../i18n/validation';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  Radio,
  Row,
  Space,
  type InputRef,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm, type FieldPath } from 'react-hook-form';
import { z } from 'zod';
import { contract, type ApiError, type ParsedInput } from '../../../shared/api';
import type { Applicant } from '../../../shared/case';
import type { ServiceItem } from '../../../shared/catalog';
import { call } from '../../api';
import { useRoute } from '../../stores/route';
import { useQueue } from '../../stores/queue';
import { useSession } from '../../stores/session';
import { useQueueMessages } from '../queue/messages';
import { ApiErrorAlert } from './ApiErrorAlert';
import { useIntakeDraft, type IntakeDraft } from './draft';
import { ItemFinder } from './ItemFinder';
import { ItemGuide } from './ItemGuide';
import { useM, type M } from './messages';
import { PageHeader } from './PageHeader';
import { Kbd, useShortcuts } from './shortcuts';
import { UsccNameWarning } from './UsccNameWarning';
import { OpenCaseWarning, useOpenCases } from './OpenCaseWarning';
import type { IdCardRead } from '../../../shared/id-card';
import { IdCardPanel, useIdCardRead, type CardTarget } from '../id-card/IdCardPanel';
import { useIdCardMessages } from '../id-card/messages';

type FormValues = {
  itemCode: string;
  applicant: {
    kind: 'person' | 'organisation';
    name: string;
    idNumber: string;
    uscc: string;
    legalRepresentative: string;
    contact: string;
    mobile: string;
  };
  hasAgent: boolean;
  agent: { name: string; idNumber: string; mobile: string };
  channel: 'window' | 'online';
  notes: string;
  secondApplicationOf?: string | undefined;
  smsConsent: boolean;
};
type ReceiveInput = ParsedInput<'cases.receive'>;

const receiveSchema = contract['cases.receive'].input;
// The very schema main parses with; only the form's own switches are folded away first, so a
// message at a field here is the message main would give.
const formSchema = z.preprocess((v: FormValues) => {
  const { hasAgent, agent, notes, secondApplicationOf, ...rest } = v;
  return {
    ...rest,
    ...(hasAgent ? { agent } : {}),
    ...(notes.trim() ? { notes } : {}),
    ...(secondApplicationOf ? { secondApplicationOf } : {}),
  };
}, receiveSchema);

const emptyApplicant: FormValues['applicant'] = {
  kind: 'person',
  name: '',
  idNumber: '',
  uscc: '',
  legalRepresentative: '',
  contact: '',
  mobile: '',
};

function fromDraft(d: IntakeDraft | null): FormValues {
  const a = d?.applicant;
  return {
    itemCode: d?.itemCode ?? '',
    applicant: a ? { ...emptyApplicant, ...a } : emptyApplicant,
    hasAgent: Boolean(d?.agent),
    agent: d?.agent ?? { name: '', idNumber: '', mobile: '' },
    channel: 'window',
    notes: '',
    secondApplicationOf: d?.secondApplicationOf,
    // asked at every intake; the applicant who declines is unticked by the clerk
    smsConsent: true,
  };
}

const formFields = new Set<string>([
  'itemCode',
  'applicant.name',
  'applicant.idNumber',
  'applicant.uscc',
  'applicant.legalRepresentative',
  'applicant.contact',
  'applicant.mobile',
  'agent.name',
  'agent.idNumber',
  'agent.mobile',
  'notes',
]);

/** A new application: item, applicant, agent, channel → `cases.receive` → the checklist. */
export function NewIntake() {
  const m = useM();
  const qm = useQueueMessages();
  const ticket = useQueue((s) => s.current);
  const session = useSession((s) => s.session);
  const navigate = useRoute((s) => s.navigate);
  const [draft] = useState(() => useIntakeDraft.getState().take());
  const [item, setItem] = useState<ServiceItem | null>(null);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [returning, setReturning] = useState<Applicant | null>(null);
  const [filledNote, setFilledNote] = useState(false);
  const finderRef = useRef<InputRef>(null);
  // autoFocus alone loses to the menu, which keeps focus after Enter opened this page
  useEffect(() => {
    const timer = setTimeout(() => finderRef.current?.focus(), 60);
    return () => clearTimeout(timer);
  }, []);

  const form = useForm<FormValues, unknown, ReceiveInput>({
    resolver: localized(zodResolver(formSchema)),
    defaultValues: fromDraft(draft),
    mode: 'onTouched',
  });
  const { control, watch, setValue, getValues, setFocus, setError, handleSubmit } = form;
  const kind = watch('applicant.kind');
  const hasAgent = watch('hasAgent');
  const uscc = watch('applicant.uscc');
  const applicantName = watch('applicant.name');
  const idNumber = watch('applicant.idNumber');
  const itemCode = watch('itemCode');
  // part T of issue 16: the department's open case of this applicant and item comes first
  const [openCases, setDuplicateReason, recheckOpenCases] = useOpenCases(
    itemCode,
    kind,
    kind === 'person' ? idNumber : uscc,
  );
  const openCaseWarning = useRef<HTMLDivElement>(null);

  // the draft names the item by code; fetch the full item (and its guide) once
  const [loadedDraftItem, setLoadedDraftItem] = useState(false);
  if (draft && !loadedDraftItem) {
    setLoadedDraftItem(true);
    void call('catalog.item', { code: draft.itemCode }).then((r) => r.ok && setItem(r.value));
  }

  const submit = handleSubmit(async (input) => {
    if (openCases.open.length > 0 && openCases.reason === null) {
      // continue the open case, or say why not: the warning is the question
      openCaseWarning.current?.scrollIntoView({ block: 'center' });
      return;
    }
    setSaving(true);
    setApiError(null);
    const r = await call('cases.receive', {
      ...input,
      ...(ticket ? { ticket: { id: ticket.id, number: ticket.number } } : {}),
      ...(openCases.open.length > 0 && openCases.reason
        ? { duplicateReason: openCases.reason }
        : {}),
    });
    setSaving(false);
    if (r.ok) {
      navigate({ page: 'intake', caseId: r.value.caseId });
      return;
    }
    // a sync brought the department's open case in after the form last asked: show it
    if (r.error.rule === 'intake.duplicateOpen') recheckOpenCases();
    // Typed input stays where it is; the error goes to its field when main names one.
    setApiError(r.error);
    const field = r.error.field;
    if (field && formFields.has(field)) {
      setError(
        field as FieldPath<FormValues>,
        { type: 'server', message: r.error.message },
        { shouldFocus: true },
      );
    }
  });

  // Issue 18 part 5: the card on the reader fills the person standing at the counter. For a
  // person that is the applicant — unless an agent is declared and the applicant is already
  // filled (the principal's card read first, then the agent's). For an organisation it is the
  // agent (经办人): the one who comes to the window with their own card and the 授权委托书; the
  // legal representative's name is copied from the business licence and rarely stands there,
  // and neither that field nor 联系人 takes an ID number.
  const fillFromCard = (card: IdCardRead): CardTarget => {
    const a = getValues('applicant');
    const applicantTaken = Boolean(a.name.trim() || a.idNumber.trim());
    const opts = { shouldValidate: true, shouldDirty: true };
    if (a.kind === 'person' && !(getValues('hasAgent') && applicantTaken)) {
      setValue('applicant.name', card.name, opts);
      setValue('applicant.idNumber', card.idNumber, opts);
      setReturning(null);
      // a returning applicant's mobile is offered as after typing the number by hand
      void lookUp(card.idNumber);
      setFocusAfterFill('applicant.mobile');
      return 'applicant';
    }
    setValue('hasAgent', true, { shouldDirty: true });
    setValue('agent.name', card.name, opts);
    setValue('agent.idNumber', card.idNumber, opts);
    setFocusAfterFill('agent.mobile');
    return 'agent';
  };
  // after the render that shows the agent's fields (ticked just now), not before
  const [focusAfterFill, setFocusAfterFill] = useState<'applicant.mobile' | 'agent.mobile' | null>(
    null,
  );
  useEffect(() => {
    if (!focusAfterFill) return;
    setFocus(focusAfterFill);
    setFocusAfterFill(null);
  }, [focusAfterFill, setFocus]);
  // an absent reader changes nothing typed; the clerk goes on by hand from the applicant's name
  // (or wherever the cursor was, when that field already has something)
  const idCard = useIdCardRead(fillFromCard, () => {
    const active = document.activeElement;
    if (!active || active === document.body || active.tagName === 'BUTTON') {
      setFocus('applicant.name');
    }
  });
  const cm = useIdCardMessages();

  useShortcuts([
    { combo: 'Alt+1', run: () => finderRef.current?.focus() },
    { combo: 'F2', run: idCard.read },
    { combo: 'Alt+2', run: () => setFocus('applicant.name') },
    { combo: 'Ctrl+Enter', run: () => void submit() },
    // never throws typed input away: with anything entered, Esc only closes popups
    {
      combo: 'Esc',
      run: () => navigate({ page: 'myCases' }),
      when: !form.formState.isDirty && !item,
    },
  ]);

  const lookUp = async (key: string) => {
    const k = key.trim().toUpperCase();
    if (k.length !== 18) return;
    const r = await call('applicants.find', { key: k });
    if (!r.ok || !r.value || r.value.kind !== getValues('applicant.kind')) return;
    const found = r.value;
    const current = getValues('applicant');
    const empty =
      !current.name.trim() &&
      !current.mobile.trim() &&
      (found.kind === 'person' || (!current.legalRepresentative.trim() && !current.contact.trim()));
    if (empty) fill(found);
    else setReturning(found);
  };

  const fill = (a: Applicant) => {
    setValue(
      'applicant',
      { ...emptyApplicant, ...getValues('applicant'), ...a },
      { shouldValidate: true },
    );
    setReturning(null);
    setFilledNote(true);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <PageHeader m={m} current={0} />
      {ticket && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="intake-ticket"
          title={qm('ticketForIntake', { number: ticket.number })}
        />
      )}
      <Row gutter={16} align="top">
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {draft && (
              <Alert
                type="info"
                showIcon
                data-testid="second-application"
                title={m('secondApplication', { caseNumber: draft.originalCaseNumber })}
              />
            )}
            <Card
              size="small"
              title={
                <>
                  <span>{m('finderTitle')}</span>
                  <Kbd>Alt+1</Kbd>
                </>
              }
            >
              <Controller
                control={control}
                name="itemCode"
                render={({ fieldState }) => (
                  <ItemFinder
                    m={m}
                    departmentCode={session?.department?.code}
                    selected={item}
                    inputRef={finderRef}
                    error={fieldState.error?.message}
                    onSelect={(picked) => {
                      setItem(picked);
                      setValue('itemCode', picked.code, {
                        shouldValidate: fieldState.isTouched || Boolean(fieldState.error),
                      });
                      setTimeout(() => setFocus('applicant.name'), 0);
                    }}
                  />
                )}
              />
            </Card>
            <Card
              size="small"
              title={
                <>
                  <span>{m('applicantTitle')}</span>
                  <Kbd>Alt+2</Kbd>
                </>
              }
              extra={
                <Space size={8}>
                  <Button
                    size="small"
                    loading={idCard.busy}
                    onClick={idCard.read}
                    data-testid="read-id-card"
                  >
                    {idCard.busy ? cm('reading') : cm('read')}
                    <Kbd>F2</Kbd>
                  </Button>
                  <Controller
                    control={control}
                    name="applicant.kind"
                    render={({ field }) => (
                      <Radio.Group
                        size="small"
                        optionType="button"
                        buttonStyle="solid"
                        value={field.value}
                        onChange={(e) => {
                          field.onChange(e.target.value);
                          setReturning(null);
                        }}
                        options={[
                          { value: 'person', label: m('kindPerson') },
                          { value: 'organisation', label: m('kindOrganisation') },
                        ]}
                      />
                    )}
                  />
                </Space>
              }
            >
              <Form component={false} layout="vertical">
                {filledNote && (
                  <Alert
                    type="success"
                    showIcon
                    style={{ marginBottom: 8 }}
                    title={m('returningFilled')}
                    closable={{ onClose: () => setFilledNote(false) }}
                  />
                )}
                {returning && (
                  <Alert
                    type="info"
                    showIcon
                    style={{ marginBottom: 8 }}
                    data-testid="returning-applicant"
                    title={m('returning', { name: returning.name, mobile: returning.mobile })}
                    action={
                      <Button size="small" type="primary" onClick={() => fill(returning)}>
                        {m('returningFill')}
                      </Button>
                    }
                  />
                )}
                {kind === 'organisation' && (
                  <UsccNameWarning m={m} uscc={uscc} name={applicantName} />
                )}
                <div ref={openCaseWarning}>
                  <OpenCaseWarning check={openCases} onReason={setDuplicateReason} />
                </div>
                {kind === 'person' ? (
                  <Row gutter={12}>
                    <Col span={7}>
                      <TextField m={m} control={control} name="applicant.name" label={m('name')} />
                    </Col>
                    <Col span={10}>
                      <TextField
                        m={m}
                        control={control}
                        name="applicant.idNumber"
                        label={m('idNumber')}
                        onBlurValue={(v) => void lookUp(v)}
                        mono
                        maxLength={18}
                      />
                    </Col>
                    <Col span={7}>
                      <TextField
                        m={m}
                        control={control}
                        name="applicant.mobile"
                        label={m('mobile')}
                        mono
                        maxLength={11}
                      />
                    </Col>
                  </Row>
                ) : (
                  <Row gutter={12}>
                    <Col span={14}>
                      <TextField
                        m={m}
                        control={control}
                        name="applicant.name"
                        label={m('orgName')}
                      />
                    </Col>
                    <Col span={10}>
                      <TextField
                        m={m}
                        control={control}
                        name="applicant.uscc"
                        label={m('uscc')}
                        onBlurValue={(v) => void lookUp(v)}
                        mono
                        maxLength={18}
                      />
                    </Col>
                    <Col span={8}>
                      <TextField
                        m={m}
                        control={control}
                        name="applicant.legalRepresentative"
                        label={m('legalRepresentative')}
                      />
                    </Col>
                    <Col span={8}>
                      <TextField
                        m={m}
                        control={control}
                        name="applicant.contact"
                        label={m('contactPerson')}
                      />
                    </Col>
                    <Col span={8}>
                      <TextField
                        m={m}
                        control={control}
                        name="applicant.mobile"
                        label={m('mobile')}
                        mono
                        maxLength={11}
                      />
                    </Col>
                  </Row>
                )}
                <Controller
                  control={control}
                  name="smsConsent"
                  render={({ field }) => (
                    <Checkbox
                      checked={field.value}
                      onChange={(e) => field.onChange(e.target.checked)}
                      style={{ marginBottom: 8, display: 'flex' }}
                    >
                      {m('smsConsent')}
                    </Checkbox>
                  )}
                />
                <Controller
                  control={control}
                  name="hasAgent"
                  render={({ field }) => (
                    <Checkbox
                      checked={field.value}
                      onChange={(e) => field.onChange(e.target.checked)}
                      style={{ marginBottom: hasAgent ? 8 : 0 }}
                    >
                      {m('hasAgent')}
                    </Checkbox>
                  )}
                />
                {hasAgent && (
                  <Row gutter={12}>
                    <Col span={7}>
                      <TextField m={m} control={control} name="agent.name" label={m('agentName')} />
                    </Col>
                    <Col span={10}>
                      <TextField
                        m={m}
                        control={control}
                        name="agent.idNumber"
                        label={m('agentId')}
                        mono
                        maxLength={18}
                      />
                    </Col>
                    <Col span={7}>
                      <TextField
                        m={m}
                        control={control}
                        name="agent.mobile"
                        label={m('agentMobile')}
                        mono
                        maxLength={11}
                      />
                    </Col>
                  </Row>
                )}
                <Row gutter={12} style={{ marginTop: 8 }}>
                  <Col span={7}>
                    <Form.Item label={m('channel')} style={{ marginBottom: 0 }}>
                      <Controller
                        control={control}
                        name="channel"
                        render={({ field }) => (
                          <Radio.Group
                            value={field.value}
                            onChange={(e) => field.onChange(e.target.value)}
                            options={[
                              { value: 'window', label: m('channelWindow') },
                              { value: 'online', label: m('channelOnline') },
                            ]}
                          />
                        )}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={17}>
                    <TextField m={m} control={control} name="notes" label={m('notes')} />
                  </Col>
                </Row>
              </Form>
            </Card>
            <ApiErrorAlert error={apiError} m={m} onClose={() => setApiError(null)} />
            <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
              <Button onClick={() => navigate({ page: 'myCases' })}>
                {m('backToList')}
                <Kbd>Esc</Kbd>
              </Button>
              <Button
                type="primary"
                size="large"
                htmlType="submit"
                loading={saving}
                data-testid="submit-receive"
              >
                {m('submitReceive')}
                <Kbd>Ctrl+Enter</Kbd>
              </Button>
            </div>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <div style={{ position: 'sticky', top: 0 }}>
            <IdCardPanel shown={idCard.shown} onClear={idCard.clear} />
            <ItemGuide item={item} m={m} />
          </div>
        </Col>
      </Row>
    </form>
  );
}

type TextName =
  | 'applicant.name'
  | 'applicant.idNumber'
  | 'applicant.uscc'
  | 'applicant.legalRepresentative'
  | 'applicant.contact'
  | 'applicant.mobile'
  | 'agent.name'
  | 'agent.idNumber'
  | 'agent.mobile'
  | 'notes';

function TextField({
  control,
  name,
  label,
  mono,
  maxLength,
  onBlurValue,
}: {
  m: M;
  control: ReturnType<typeof useForm<FormValues, unknown, ReceiveInput>>['control'];
  name: TextName;
  label: string;
  mono?: boolean;
  maxLength?: number;
  onBlurValue?: (value: string) => void;
}) {
  const id = `intake-${name.replace('.', '-')}`;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Form.Item
          label={label}
          htmlFor={id}
          validateStatus={fieldState.error ? 'error' : ''}
          help={fieldState.error?.message}
          style={{ marginBottom: 12 }}
        >
          <Input
            id={id}
            ref={field.ref}
            name={field.name}
            value={field.value}
            maxLength={maxLength}
            autoComplete="off"
            style={
              mono
                ? { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', letterSpacing: 0.5 }
                : undefined
            }
            onChange={(e) => field.onChange(e.target.value)}
            onBlur={() => {
              field.onBlur();
              onBlurValue?.(field.value);
            }}
          />
        </Form.Item>
      )}
    />
  );
}
