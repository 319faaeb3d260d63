import { Text, View } from '@tarojs/components';
import type { MyPointsResponse } from '@torch-red/shared';
import './rule-progress.scss';

type RuleRow = MyPointsResponse['rules'][number];

/** Share of today's cap reached, 0..1; rules without a cap show no bar. */
export function ruleShare(rule: Pick<RuleRow, 'today' | 'dailyCap'>): number | null {
  if (rule.dailyCap === null || rule.dailyCap <= 0) {
    return null;
  }
  return Math.min(1, Math.max(0, rule.today / rule.dailyCap));
}

/** 我的积分: each rule with today's points against its daily cap. */
export function RuleProgress({ rules }: { rules: RuleRow[] }) {
  return (
    <View className="rule-progress">
      {rules.map((rule) => {
        const share = ruleShare(rule);
        const full = share === 1;
        return (
          <View key={rule.rule} className={`rule-progress__item rule-progress__item--${rule.rule.toLowerCase()}`} data-rule={rule.rule}>
            <View className="rule-progress__head">
              <Text className="rule-progress__label">{rule.label}</Text>
              <Text className={`rule-progress__figure${full ? ' rule-progress__figure--full' : ''}`}>
                {rule.dailyCap === null ? `今日 ${rule.today} 分` : `${rule.today}/${rule.dailyCap} 分`}
              </Text>
            </View>
            <Text className="rule-progress__description">{rule.description}</Text>
            {share === null ? null : (
              <View className="rule-progress__track">
                <View className={`rule-progress__bar${full ? ' rule-progress__bar--full' : ''}`} style={{ width: `${Math.round(share * 100)}%` }} data-percent={Math.round(share * 100)} />
              </View>
            )}
            {full ? <Text className="rule-progress__done">今日已达上限</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
