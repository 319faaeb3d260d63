import { Text, View } from '@tarojs/components';
import './whistle-entry.scss';

interface WhistleEntryProps {
  onRaise: () => void;
  onMine: () => void;
}

/** 首页: the 企业吹哨 entry — raise a need, or follow the ones already raised. */
export function WhistleEntry({ onRaise, onMine }: WhistleEntryProps) {
  return (
    <View className="whistle-entry">
      <View className="whistle-entry__raise" onClick={onRaise}>
        <Text className="whistle-entry__icon">哨</Text>
        <View className="whistle-entry__text">
          <Text className="whistle-entry__title">企业吹哨</Text>
          <Text className="whistle-entry__note">遇到难题一键吹哨，职能部门限时报到</Text>
        </View>
        <Text className="whistle-entry__go">去吹哨</Text>
      </View>
      <Text className="whistle-entry__mine" onClick={onMine}>
        我的需求办理进度 ›
      </Text>
    </View>
  );
}
