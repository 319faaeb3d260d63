import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { CHAIN_ROLE_LABELS, type ChainResponse, type ChainRole } from '@torch-red/shared';
import './enterprise-picker.scss';

/** Either an enterprise from the chain map or a name typed because it is not listed yet. */
export type EnterpriseChoice = { kind: 'listed'; id: string; name: string } | { kind: 'typed'; name: string };

interface EnterpriseOption {
  id: string;
  name: string;
  chainName: string;
  chainRole: ChainRole;
}

interface EnterprisePickerProps {
  chains: ChainResponse[];
  value: EnterpriseChoice | null;
  onChange: (value: EnterpriseChoice | null) => void;
}

const SHOWN = 6;

export function enterpriseOptions(chains: ChainResponse[]): EnterpriseOption[] {
  return chains.flatMap((chain) => chain.enterprises.map((enterprise) => ({ id: enterprise.id, name: enterprise.name, chainName: chain.name, chainRole: enterprise.chainRole })));
}

/** Search the chain map for the enterprise, or type its name when it is not there. */
export function EnterprisePicker({ chains, value, onChange }: EnterprisePickerProps) {
  const [query, setQuery] = useState('');
  const [typing, setTyping] = useState(value?.kind === 'typed');
  const options = useMemo(() => enterpriseOptions(chains), [chains]);
  const keyword = query.trim();
  const matches = keyword === '' ? options : options.filter((option) => option.name.includes(keyword) || option.chainName.includes(keyword));

  if (typing) {
    return (
      <View className="enterprise-picker">
        <Input
          className="enterprise-picker__typed"
          value={value?.kind === 'typed' ? value.name : ''}
          placeholder="请输入企业全称"
          maxLength={100}
          clearable
          onChange={(name) => onChange(name.trim() === '' ? null : { kind: 'typed', name })}
        />
        <Text
          className="enterprise-picker__switch"
          onClick={() => {
            setTyping(false);
            onChange(null);
          }}
        >
          从产业链图谱中选择
        </Text>
      </View>
    );
  }

  if (value?.kind === 'listed') {
    const picked = options.find((option) => option.id === value.id);
    return (
      <View className="enterprise-picker">
        <View className="enterprise-picker__picked">
          <View className="enterprise-picker__picked-text">
            <Text className="enterprise-picker__picked-name">{value.name}</Text>
            {picked ? <Text className="enterprise-picker__picked-chain">{`${picked.chainName} · ${CHAIN_ROLE_LABELS[picked.chainRole]}`}</Text> : null}
          </View>
          <Text className="enterprise-picker__change" onClick={() => onChange(null)}>
            更换
          </Text>
        </View>
      </View>
    );
  }

  return (
    <View className="enterprise-picker">
      <Input className="enterprise-picker__search" value={query} placeholder="搜索企业或产业链名称" clearable onChange={setQuery} />
      <View className="enterprise-picker__options">
        {matches.slice(0, SHOWN).map((option) => (
          <View key={option.id} className="enterprise-picker__option" onClick={() => onChange({ kind: 'listed', id: option.id, name: option.name })}>
            <Text className="enterprise-picker__option-name">{option.name}</Text>
            <Text className="enterprise-picker__option-chain">{option.chainName}</Text>
          </View>
        ))}
        {matches.length === 0 ? <Text className="enterprise-picker__none">产业链图谱中没有找到“{keyword}”</Text> : null}
        {matches.length > SHOWN ? <Text className="enterprise-picker__hint">还有 {matches.length - SHOWN} 家，输入关键字缩小范围</Text> : null}
      </View>
      <Text
        className="enterprise-picker__switch"
        onClick={() => {
          setTyping(true);
          onChange(keyword === '' ? null : { kind: 'typed', name: keyword });
        }}
      >
        企业不在列表中？直接填写企业名称
      </Text>
    </View>
  );
}
