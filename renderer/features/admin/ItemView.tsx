import { Descriptions, List, Modal, Tag } from 'antd';
import type { ServiceItem } from '../../../shared/catalog';
import { useAdminMessages } from './messages';

const lines = (list: readonly string[]) => (
  <ol style={{ margin: 0, paddingInlineStart: 18 }}>
    {list.map((line, i) => (
      <li key={i}>{line}</li>
    ))}
  </ol>
);

/** An item as the public guide would list it, for reading before editing. */
export function ItemView({ item, onClose }: { item: ServiceItem | null; onClose: () => void }) {
  const m = useAdminMessages();
  return (
    <Modal open={item !== null} title={item?.name} onCancel={onClose} footer={null} width={760}>
      {item && (
        <Descriptions size="small" column={2} bordered data-testid="item-view">
          <Descriptions.Item label={m('itemCode')}>{item.code}</Descriptions.Item>
          <Descriptions.Item label={m('department')}>{item.departmentCode}</Descriptions.Item>
          <Descriptions.Item label={m('days')}>
            {m('daysValue', { promised: item.promisedDays, statutory: item.statutoryDays })}
          </Descriptions.Item>
          <Descriptions.Item label={m('extension')}>{item.extensionDays}</Descriptions.Item>
          <Descriptions.Item label={m('joint')}>
            {item.joint ? m('yes') : m('no')}
          </Descriptions.Item>
          <Descriptions.Item label={m('reviewMode')}>
            {item.reviewMode === 'twoPerson' ? m('twoPerson') : m('single')}
          </Descriptions.Item>
          <Descriptions.Item label={m('legalBasis')} span={2}>
            {lines(item.legalBasis)}
          </Descriptions.Item>
          <Descriptions.Item label={m('conditions')} span={2}>
            {lines(item.conditions)}
          </Descriptions.Item>
          <Descriptions.Item label={m('materials')} span={2}>
            <List
              size="small"
              dataSource={item.materials}
              renderItem={(mat) => (
                <List.Item style={{ paddingInline: 0 }}>
                  {mat.name} <Tag>{m('copies', { count: mat.count })}</Tag>
                  {mat.required ? null : <Tag>{m('optional')}</Tag>}
                </List.Item>
              )}
            />
          </Descriptions.Item>
          <Descriptions.Item label={m('procedure')} span={2}>
            {lines(item.procedure)}
          </Descriptions.Item>
          <Descriptions.Item label={m('fee')} span={2}>
            {item.fee.standard}（{item.fee.basis}）
          </Descriptions.Item>
          <Descriptions.Item label={m('contact')} span={2}>
            {item.contact.phone} · {item.contact.address}
          </Descriptions.Item>
          {item.certificate && (
            <Descriptions.Item label={m('certificate')} span={2}>
              {item.certificate}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Modal>
  );
}
