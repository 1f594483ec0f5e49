import { Button, Card, Descriptions, Empty, Tag, Typography } from 'antd';
import { materialTerms, timeLimitWords, type ServiceItem } from '../../../shared/catalog';
import { useRoute } from '../../stores/route';
import type { M } from './messages';

function Lines({ lines }: { lines: readonly string[] }) {
  return (
    <ol style={{ margin: 0, paddingLeft: 18 }}>
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ol>
  );
}

/** The item's public guide (七公开) as the applicant will get it printed. */
export function ItemGuide({ item, m }: { item: ServiceItem | null; m: M }) {
  const navigate = useRoute((s) => s.navigate);
  if (!item) {
    return (
      <Card size="small" title={m('guideTitle')}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('guideNone')} />
      </Card>
    );
  }
  return (
    <Card
      size="small"
      title={`${m('guideTitle')} · ${item.name}`}
      data-testid="item-guide"
      extra={
        <Button size="small" onClick={() => navigate({ page: 'guide', itemCode: item.code })}>
          {m('printGuide')}
        </Button>
      }
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { width: 92, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'basis', label: m('legalBasis'), children: <Lines lines={item.legalBasis} /> },
          { key: 'cond', label: m('conditions'), children: <Lines lines={item.conditions} /> },
          {
            key: 'mat',
            label: m('materials'),
            children: (
              <ol style={{ margin: 0, paddingLeft: 18 }}>
                {item.materials.map((mat) => (
                  // the public /guide/ page states each material in these very words
                  <li key={mat.id} data-testid="guide-material">
                    <span data-part="name">{mat.name}</span>{' '}
                    <Tag
                      color={mat.required ? 'red' : 'default'}
                      style={{ marginInlineEnd: 4 }}
                      data-part="terms"
                    >
                      {materialTerms(mat)}
                    </Tag>
                    {mat.note && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {mat.note}
                      </Typography.Text>
                    )}
                  </li>
                ))}
              </ol>
            ),
          },
          { key: 'proc', label: m('procedure'), children: <Lines lines={item.procedure} /> },
          {
            key: 'limit',
            label: m('timeLimit'),
            children: <span data-testid="guide-limit">{timeLimitWords(item)}</span>,
          },
          { key: 'fee', label: m('feeStandard'), children: item.fee.standard },
          { key: 'feeBasis', label: m('feeBasis'), children: item.fee.basis },
          {
            key: 'contact',
            label: m('contact'),
            children: `${item.contact.phone} · ${item.contact.address}`,
          },
        ]}
      />
    </Card>
  );
}
