import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { ORG_TYPE_LABELS, type OrgResponse, type OrgType } from '@torch-red/shared';
import { formatDateTime } from '@/lib/datetime';
import { closeOrg, createOrg, reopenOrg, updateOrg } from '../api';
import { useSave } from '../save';
import { AdminField, AdminPanel } from './admin-panel';
import { SearchPick } from './search-pick';
import type { SelectOption } from './select-box';
import './org-panel.scss';

/** One row of the 1+1+X+N tree: an org with its depth and parent. */
export interface OrgRow {
  id: string;
  name: string;
  type: OrgType;
  enterpriseId: string | null;
  parentId: string | null;
  depth: number;
}

/** What may hang under each kind of org (the server checks again). */
const CHILD_TYPES: Record<OrgType, OrgType[]> = {
  WORKING_COMMITTEE: ['INDUSTRY_COMMITTEE'],
  INDUSTRY_COMMITTEE: ['PARTY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'],
  PARTY_COMMITTEE: ['GENERAL_BRANCH', 'BRANCH'],
  GENERAL_BRANCH: ['BRANCH'],
  BRANCH: [],
};

export const Refusal = ({ text }: { text?: string }) => (text ? <Text className="org-panel__error">{text}</Text> : null);

/** Chips to choose one of a few values (org type, chain role). */
export function ChoiceChips<T extends string>({ name, options, value, onChange }: { name: string; options: ReadonlyArray<{ value: T; label: string }>; value: T | undefined; onChange: (value: T) => void }) {
  return (
    <View className={`admin-chips org-panel__chips--${name}`}>
      {options.map((option) => (
        <Text key={option.value} className={`admin-chip org-panel__chip--${option.value}${option.value === value ? ' admin-chip--on' : ''}`} onClick={() => onChange(option.value)}>
          {option.label}
        </Text>
      ))}
    </View>
  );
}

interface OrgPanelProps {
  org: OrgRow;
  orgOptions: SelectOption[];
  enterpriseOptions: SelectOption[];
  enterpriseName: (id: string | null) => string | undefined;
  onClose: () => void;
  onSaved: (id: string) => Promise<void>;
  /** The org was closed: it has left the tree. */
  onClosed: () => Promise<void>;
}

/** One org: rename it, move it under another, add an org below it. */
export function OrgPanel({ org, orgOptions, enterpriseOptions, enterpriseName, onClose, onSaved, onClosed }: OrgPanelProps) {
  const [name, setName] = useState(org.name);
  const [parent, setParent] = useState<string>();
  const childTypes = CHILD_TYPES[org.type];
  const [childType, setChildType] = useState<OrgType | undefined>(childTypes[0]);
  const [childName, setChildName] = useState('');
  const [childEnterprise, setChildEnterprise] = useState<string | undefined>(org.enterpriseId ?? undefined);
  const rename = useSave();
  const move = useSave();
  const create = useSave();
  const closing = useSave();

  const saveName = async () => {
    if (!name.trim()) return rename.clear();
    if (await rename.run(() => updateOrg(org.id, { name: name.trim() }), '已改名')) await onSaved(org.id);
  };
  const saveParent = async () => {
    if (!parent) return;
    if (await move.run(() => updateOrg(org.id, { parentId: parent }), '已移动')) await onSaved(org.id);
  };
  const saveChild = async () => {
    if (!childType || !childName.trim()) return;
    const body = { name: childName.trim(), type: childType, parentId: org.id, enterpriseId: childType === 'INDUSTRY_COMMITTEE' ? null : (childEnterprise ?? null) };
    const created = await create.run(() => createOrg(body), '已新建');
    if (created) await onSaved(created.id);
  };

  const handleClose = async () => {
    const { confirm } = await Taro.showModal({
      title: '关闭组织',
      content: `关闭“${org.name}”？关闭后它不再出现在组织树和各处选择中，活动、会议记录和审计日志保留；需要时可在“已关闭”中恢复。`,
      confirmText: '关闭',
      confirmColor: '#c8102e',
    });
    if (!confirm) return;
    if (await closing.run(() => closeOrg(org.id), '已关闭')) await onClosed();
  };

  return (
    <AdminPanel name="org" title={org.name} subtitle={`${ORG_TYPE_LABELS[org.type]}${org.enterpriseId ? ` · ${enterpriseName(org.enterpriseId) ?? ''}` : ''}`} onClose={onClose}>
      <View className="org-panel">
        <AdminField label="名称" name="name">
          <Input value={name} maxLength={100} onChange={setName} />
          <Refusal text={rename.error} />
        </AdminField>
        <View className="admin-panel__buttons">
          <Button className="org-panel__rename" type="primary" shape="round" loading={rename.busy} disabled={name.trim() === org.name} onClick={() => void saveName()}>
            保存名称
          </Button>
        </View>
        {org.type === 'WORKING_COMMITTEE' ? null : (
          <>
            <Text className="admin-panel__section">移动到</Text>
            <AdminField label="新的上级" name="parent">
              <SearchPick name="parent" options={orgOptions.filter((o) => o.value !== org.id && o.value !== org.parentId)} value={parent} placeholder="输入上级组织名称查找" onChange={setParent} />
              <Refusal text={move.error} />
            </AdminField>
            <View className="admin-panel__buttons">
              <Button className="org-panel__move" type="primary" shape="round" fill="outline" loading={move.busy} disabled={!parent} onClick={() => void saveParent()}>
                移动
              </Button>
            </View>
          </>
        )}
        {childTypes.length === 0 ? null : (
          <>
            <Text className="admin-panel__section">新建下级组织</Text>
            <AdminField label="类型" name="child-type">
              <ChoiceChips name="child-type" options={childTypes.map((type) => ({ value: type, label: ORG_TYPE_LABELS[type] }))} value={childType} onChange={setChildType} />
            </AdminField>
            <AdminField label="名称" name="child-name">
              <Input value={childName} placeholder="如：明阳风电第三党支部" maxLength={100} onChange={setChildName} />
            </AdminField>
            {childType && childType !== 'INDUSTRY_COMMITTEE' && !org.enterpriseId ? (
              <AdminField label="所在企业" name="child-enterprise">
                <SearchPick name="child-enterprise" options={enterpriseOptions} value={childEnterprise} placeholder="输入企业名称查找（可不选）" onChange={setChildEnterprise} />
              </AdminField>
            ) : null}
            <Refusal text={create.error} />
            <View className="admin-panel__buttons">
              <Button className="org-panel__create" type="primary" shape="round" loading={create.busy} disabled={!childName.trim()} onClick={() => void saveChild()}>
                新建
              </Button>
            </View>
          </>
        )}
        {org.type === 'WORKING_COMMITTEE' ? null : (
          <>
            <Text className="admin-panel__section">关闭组织</Text>
            <Text className="org-panel__hint">组织撤销或合并后关闭：须先移走下级组织、转出成员、撤销书记或委员职务，并处理未结束的活动。</Text>
            <Refusal text={closing.error} />
            <View className="admin-panel__buttons">
              <Button className="org-panel__close" type="danger" shape="round" fill="outline" loading={closing.busy} onClick={() => void handleClose()}>
                关闭组织
              </Button>
            </View>
          </>
        )}
      </View>
    </AdminPanel>
  );
}

interface ClosedOrgPanelProps {
  org: OrgResponse;
  parentName: string | undefined;
  onClose: () => void;
  onReopened: (id: string) => Promise<void>;
}

/** A closed org (已关闭): when it was closed, and 恢复 to bring it back into the tree. */
export function ClosedOrgPanel({ org, parentName, onClose, onReopened }: ClosedOrgPanelProps) {
  const reopen = useSave();
  const handleReopen = async () => {
    if (await reopen.run(() => reopenOrg(org.id), '已恢复')) await onReopened(org.id);
  };
  return (
    <AdminPanel name="closed-org" title={org.name} subtitle={`${ORG_TYPE_LABELS[org.type]} · 已关闭`} onClose={onClose}>
      <View className="org-panel">
        <AdminField label="关闭时间" name="closed-at">
          <Text>{org.closedAt ? formatDateTime(org.closedAt) : '—'}</Text>
        </AdminField>
        <AdminField label="上级组织" name="parent">
          <Text>{parentName ?? '—'}</Text>
        </AdminField>
        <Text className="org-panel__hint">恢复后回到组织树，可重新加入成员、授予职务和发起活动。</Text>
        <Refusal text={reopen.error} />
        <View className="admin-panel__buttons">
          <Button className="org-panel__reopen" type="primary" shape="round" loading={reopen.busy} onClick={() => void handleReopen()}>
            恢复
          </Button>
        </View>
      </View>
    </AdminPanel>
  );
}
