import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { CHAIN_ROLES, CHAIN_ROLE_LABELS, type ChainResponse, type ChainRole, type DepartmentResponse, type EnterpriseResponse } from '@torch-red/shared';
import { createChain, createDepartment, createEnterprise, updateChain, updateDepartment, updateEnterprise } from '../api';
import { useSave } from '../save';
import { AdminField, AdminPanel } from './admin-panel';
import { ChoiceChips, Refusal } from './org-panel';
import { SearchPick } from './search-pick';
import { SelectBox, type SelectOption } from './select-box';
import './org-panel.scss';

const ROLE_OPTIONS = CHAIN_ROLES.map((role) => ({ value: role, label: CHAIN_ROLE_LABELS[role] }));

/** A name field with its save button: a department's, or a new one's. */
export function DepartmentPanel({ department, onClose, onSaved }: { department?: DepartmentResponse; onClose: () => void; onSaved: () => Promise<void> }) {
  const [name, setName] = useState(department?.name ?? '');
  const save = useSave();
  const submit = async () => {
    const body = { name: name.trim() };
    if (await save.run(() => (department ? updateDepartment(department.id, body) : createDepartment(body)), department ? '已改名' : '已新建')) await onSaved();
  };
  return (
    <AdminPanel name="department" title={department?.name ?? '新建部门'} onClose={onClose}>
      <View className="org-panel">
        <AdminField label="名称" name="name">
          <Input value={name} placeholder="如：经济发展局" maxLength={100} onChange={setName} />
          <Refusal text={save.error} />
        </AdminField>
        <View className="admin-panel__buttons">
          <Button className="department-panel__save" type="primary" shape="round" loading={save.busy} disabled={!name.trim()} onClick={() => void submit()}>
            保存
          </Button>
        </View>
      </View>
    </AdminPanel>
  );
}

interface ChainPanelProps {
  chain?: ChainResponse;
  committees: SelectOption[];
  enterprises: SelectOption[];
  onClose: () => void;
  onSaved: () => Promise<void>;
}

/** A chain: name, industry and leading committee; its enterprises by role, and one more added with its role. */
export function ChainPanel({ chain, committees, enterprises, onClose, onSaved }: ChainPanelProps) {
  const [draft, setDraft] = useState({ name: chain?.name ?? '', industry: chain?.industry ?? '', committeeOrgId: chain?.committeeOrgId ?? '' });
  const [member, setMember] = useState<string>();
  const [role, setRole] = useState<ChainRole>('MEMBER');
  const save = useSave();
  const add = useSave();
  const submit = async () => {
    if (await save.run(() => (chain ? updateChain(chain.id, draft) : createChain(draft)), chain ? '已保存' : '已新建')) await onSaved();
  };
  const join = async () => {
    if (!chain || !member) return;
    if (await add.run(() => updateEnterprise(member, { chainId: chain.id, chainRole: role }), '已加入产业链')) {
      setMember(undefined);
      await onSaved();
    }
  };
  return (
    <AdminPanel name="chain" title={chain?.name ?? '新建产业链'} subtitle={chain?.industry} onClose={onClose}>
      <View className="org-panel">
        <AdminField label="名称" name="name">
          <Input value={draft.name} placeholder="如：风电装备产业链" maxLength={100} onChange={(name) => setDraft((d) => ({ ...d, name }))} />
        </AdminField>
        <AdminField label="产业" name="industry">
          <Input value={draft.industry} placeholder="如：新能源" maxLength={50} onChange={(industry) => setDraft((d) => ({ ...d, industry }))} />
        </AdminField>
        <AdminField label="产业党委" name="committee">
          <SelectBox name="committee" options={committees} value={draft.committeeOrgId || undefined} placeholder="选择牵头的产业党委" onChange={(v) => setDraft((d) => ({ ...d, committeeOrgId: v ?? '' }))} />
        </AdminField>
        <Refusal text={save.error} />
        <View className="admin-panel__buttons">
          <Button className="chain-panel__save" type="primary" shape="round" loading={save.busy} disabled={!draft.name.trim() || !draft.industry.trim() || !draft.committeeOrgId} onClick={() => void submit()}>
            保存
          </Button>
        </View>
        {chain ? (
          <>
            <Text className="admin-panel__section">链上企业</Text>
            {chain.enterprises.length === 0 ? <Text className="org-panel__note">还没有企业</Text> : null}
            {chain.enterprises.map((e) => (
              <AdminField key={e.id} label={CHAIN_ROLE_LABELS[e.chainRole]} name="member">
                {e.name}
              </AdminField>
            ))}
            <AdminField label="加入企业" name="add">
              <SearchPick name="chain-enterprise" options={enterprises} value={member} placeholder="输入企业名称查找" onChange={setMember} />
            </AdminField>
            <AdminField label="链上角色" name="role">
              <ChoiceChips name="chain-role" options={ROLE_OPTIONS} value={role} onChange={setRole} />
            </AdminField>
            <Refusal text={add.error} />
            <View className="admin-panel__buttons">
              <Button className="chain-panel__add" type="primary" shape="round" fill="outline" loading={add.busy} disabled={!member} onClick={() => void join()}>
                加入产业链
              </Button>
            </View>
          </>
        ) : null}
      </View>
    </AdminPanel>
  );
}

/** An enterprise: its name, chain and role on the chain (or a new one). */
export function EnterprisePanel({ enterprise, chains, onClose, onSaved }: { enterprise?: EnterpriseResponse; chains: SelectOption[]; onClose: () => void; onSaved: () => Promise<void> }) {
  const [name, setName] = useState(enterprise?.name ?? '');
  const [chainId, setChainId] = useState(enterprise?.chainId ?? undefined);
  const [role, setRole] = useState<ChainRole | undefined>(enterprise?.chainRole ?? undefined);
  const save = useSave();
  const submit = async () => {
    const body = { name: name.trim(), chainId: chainId ?? null, chainRole: chainId ? (role ?? 'MEMBER') : null };
    if (await save.run(() => (enterprise ? updateEnterprise(enterprise.id, body) : createEnterprise(body)), enterprise ? '已保存' : '已新建')) await onSaved();
  };
  return (
    <AdminPanel name="enterprise" title={enterprise?.name ?? '新建企业'} onClose={onClose}>
      <View className="org-panel">
        <AdminField label="名称" name="name">
          <Input value={name} placeholder="如：明阳风电" maxLength={100} onChange={setName} />
        </AdminField>
        <AdminField label="产业链" name="chain">
          <SelectBox name="enterprise-chain" options={chains} value={chainId} placeholder="不在产业链上" clearLabel="不在产业链上" onChange={setChainId} />
        </AdminField>
        {chainId ? (
          <AdminField label="链上角色" name="role">
            <ChoiceChips name="enterprise-role" options={ROLE_OPTIONS} value={role} onChange={setRole} />
          </AdminField>
        ) : null}
        <Refusal text={save.error} />
        <View className="admin-panel__buttons">
          <Button className="enterprise-panel__save" type="primary" shape="round" loading={save.busy} disabled={!name.trim()} onClick={() => void submit()}>
            保存
          </Button>
        </View>
      </View>
    </AdminPanel>
  );
}
